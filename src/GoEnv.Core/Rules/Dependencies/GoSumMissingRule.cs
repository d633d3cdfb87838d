using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class GoSumMissingRule : Rule
{
    public override string Id => "GOENV0152";

    public override string Title => "go.sum lacks the checksum of a module the build needs";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Under -mod=readonly (the default without vendor/) Go verifies every module that provides an imported package against go.sum and may not add a missing line: with no `path version h1:…` line for it (a `/go.mod` line alone is not enough) the build fails with `missing go.sum entry for module providing package example.com/x (imported by example.com/app)`, before anything is compiled. Modules that are required but whose packages are not imported need no line. In workspace mode Go adds a missing line to go.work.sum instead (fetching the module and asking the checksum database), so there is no such error." + TestFilesNote;

    public override string Fix => "Run `go mod tidy` (or `go mod download MODULE`) with a working GOPROXY and commit go.sum.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        // modload's mustHaveSums: -mod=readonly outside workspace mode (a workspace adds what is missing to go.work.sum).
        if (graph.Mode != BuildMode.Readonly || graph.InWorkspace)
        {
            yield break;
        }

        foreach (var module in graph.Modules.Where(m => m.ProvidesPackages && m.IsVerified && (m.ZipSum is null || m.ModSum is null)))
        {
            var import = module.FirstImport!;
            var sum = Path.Combine(Path.GetDirectoryName(module.RequiredIn)!, "go.sum");
            if (module.ZipSum is not null)
            {
                // Go reads the module's go.mod first: 1.21+ say "missing go.sum entry for go.mod file", 1.19 "missing go.sum entry".
                yield return ReportAt(snapshot, module.RequiredIn, module.RequireLine, $"{sum} has the zip's line for {module.SourcePath} {module.SourceVersion} but not its /go.mod line, and {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"{module.SourcePath}@{module.SourceVersion}: missing go.sum entry\".", severity: SeverityOf(import));
                continue;
            }

            yield return ReportAt(snapshot, import.File, import.Line, $"{sum} has no line for {module.SourcePath} {module.SourceVersion} (required in {module.RequiredIn}:{module.RequireLine}), which provides {import.ImportPath}: {WhoFails(import)} with \"missing go.sum entry for module providing package {import.ImportPath} (imported by {import.ImportedBy})\".", severity: SeverityOf(import));
        }
    }
}
