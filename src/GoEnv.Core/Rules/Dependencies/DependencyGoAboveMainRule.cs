using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class DependencyGoAboveMainRule : Rule
{
    public override string Id => "GOENV0156";

    public override string Title => "a dependency's go line is above go.mod's";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "From Go 1.21 the main module's go line must be at least the go line of every module that provides an imported package, when that is 1.21 or newer (go 1.21 made go lines minimums; `go mod tidy` raises go.mod's). Otherwise go.mod is out of date and -mod=readonly (the default without vendor/) refuses to fix it (-mod=mod raises the go line itself): `go: updates to go.mod needed; to update it: go mod tidy`. A dependency at go 1.20 or older never raises it; Go 1.19 does not check." + TestFilesNote;

    public override string Fix => "Run `go mod tidy` (it raises go.mod's go line) and commit go.mod, or require an older version of the dependency.";

    public override string Versions => "Go 1.21+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (snapshot.RunningVersion is not { } running || !running.AtLeast(1, 21) || graph.Mode != BuildMode.Readonly || graph.InWorkspace
            || graph.MainGoVersion is not { } main)
        {
            yield break;
        }

        var module = graph.Modules.Where(m => m.ProvidesPackages && GoVersion.ParseStrict(m.GoLine) is { } v && v.AtLeast(1, 21) && v > main && v <= running).OrderBy(m => !m.NeededByBuild).FirstOrDefault();
        if (module?.FirstImport is { } import)
        {
            yield return ReportAt(snapshot, graph.MainGoMod, graph.MainGoLineNumber > 0 ? graph.MainGoLineNumber : module.RequireLine, $"go.mod says go {(graph.MainGoLine.Length == 0 ? "1.16 (no go line)" : graph.MainGoLine)}, but {module.Describe()} (required at line {module.RequireLine}, providing {import.ImportPath}) says go {module.GoLine}: go.mod is out of date and {(import.Test ? WhoFails(import) : "every build fails")} with \"go: updates to go.mod needed; to update it:\".", severity: SeverityOf(import));
        }
    }
}
