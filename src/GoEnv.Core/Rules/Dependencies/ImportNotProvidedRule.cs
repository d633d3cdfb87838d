using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ImportNotProvidedRule : Rule
{
    public override string Id => "GOENV0154";

    public override string Title => "an import that no required module provides";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Under -mod=readonly (the default without vendor/) every imported package must come from the main module, the standard library or a module go.mod requires; Go may not add a requirement: `no required module provides package example.com/x; to add it: go get example.com/x`.";

    public override string Fix => "Run `go get PACKAGE` (or `go mod tidy`) and commit go.mod and go.sum; or remove the import.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (graph.Mode != BuildMode.Readonly)
        {
            yield break;
        }

        foreach (var import in graph.UnprovidedImports)
        {
            yield return ReportAt(snapshot, import.File, import.Line, $"{import.ImportedBy} imports {import.ImportPath}, which no module in {graph.MainGoMod} provides: the build fails with \"no required module provides package {import.ImportPath}; to add it:\".");
        }
    }
}
