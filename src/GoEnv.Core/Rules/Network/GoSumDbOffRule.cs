using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoSumDbOffRule : Rule
{
    public override string Id => "GOENV0081";

    public override string Title => "GOSUMDB=off";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoSumDb;

    public override string Description => "With GOSUMDB=off, Go trusts whatever the proxy (or the origin) serves for a module version that is not yet in go.sum, and writes it into go.sum. A compromised or mistaken proxy can then hand the build different code than everyone else gets. go.sum lines already present are still enforced.";

    public override string Fix => "Leave GOSUMDB at its default and exclude only private modules with GOPRIVATE or GONOSUMDB.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Value(GoVariableNames.GoSumDb) == "off")
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoSumDb)} is off: new module versions are not checked against the checksum database.");
        }
    }
}
