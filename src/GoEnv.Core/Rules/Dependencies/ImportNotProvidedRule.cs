using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ImportNotProvidedRule : Rule
{
    public override string Id => "GOENV0154";

    public override string Title => "an import that no required module provides";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Under -mod=readonly (the default without vendor/) every imported package must come from the main module, the standard library or a module go.mod requires; Go may not add a requirement: `no required module provides package example.com/x; to add it: go get example.com/x`. On main modules of more than 1,000 .go files check reads the imports only when go.mod, go.sum, vendor/ or the module cache point at a problem, and says so in a notice (reading every import block of a large tree would cost more than the rest of the check)." + TestFilesNote;

    public override string Fix => "Run `go get PACKAGE` (or `go mod tidy`) and commit go.mod and go.sum; or remove the import.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (graph.IsLoaded && !graph.ImportsRead)
        {
            yield return Report(snapshot, $"The main modules hold more than {Discovery.ModuleGraphResolver.ImportReadBudget:N0} .go files and nothing in go.mod, go.sum, vendor/ or the module cache points at a problem, so check did not read their imports: an import that no requirement provides (or that vendor/ lacks) is not looked for here. `pin` has real Go load the packages before it writes anything.", severity: Severity.Notice);
            yield break;
        }

        if (graph.Mode != BuildMode.Readonly)
        {
            yield break;
        }

        foreach (var import in graph.UnprovidedImports)
        {
            yield return ReportAt(snapshot, import.File, import.Line, $"{import.ImportedBy} imports {import.ImportPath}, which no module in {graph.MainGoMod} provides: {WhoFails(import)} with \"no required module provides package {import.ImportPath}; to add it:\".", severity: SeverityOf(import));
        }
    }
}
