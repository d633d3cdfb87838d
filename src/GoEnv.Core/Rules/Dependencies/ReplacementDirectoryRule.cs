using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ReplacementDirectoryRule : Rule
{
    public override string Id => "GOENV0157";

    public override string Title => "a `replace` names a directory that is missing or has no go.mod";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "A `replace example.com/x => ../x` in go.mod or go.work makes Go read the module from that directory, which must exist and hold a go.mod. In CI it is often a sibling checkout the job did not make (or a path outside the Docker context). When the build imports a package from the module, it fails with `example.com/x@v1.0.0: replacement directory ../x does not exist` (in workspace mode, and for a directory without go.mod: `reading ../x/go.mod: open /abs/x/go.mod: no such file or directory`). A replaced module whose packages are not imported does not fail the build." + TestFilesNote;

    public override string Fix => "Check out the replacement where the path says (relative to the file with the `replace`) before the build, or remove the `replace` and require a published version.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var module in snapshot.Graph.Modules.Where(m => m.ProvidesPackages && m.ReplacementProblem is not null && m.Replacement is not null))
        {
            var import = module.FirstImport!;
            yield return ReportAt(snapshot, module.ReplacementFile, module.Replacement!.Line, $"{module.Path} is replaced by the directory {module.Replacement.NewPath}, and {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"{module.ReplacementProblem}\".", severity: SeverityOf(import));
        }
    }
}
