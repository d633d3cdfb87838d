using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoRootSetNeedlesslyRule : Rule
{
    public override string Id => "GOENV0013";

    public override string Title => "GOROOT is set needlessly";

    public override Severity DefaultSeverity => Severity.Notice;

    public override string? Variable => GoVariableNames.GoRoot;

    public override string Description => "GOROOT is set to the installation that `go` would find by itself. It is harmless now, but it goes stale when Go is upgraded or another Go comes first on PATH, and then builds fail with a version mismatch. (Go 1.21+ toolchain switching also unsets or replaces GOROOT.)";

    public override string Fix => "Unset GOROOT; `go` finds its installation from its own location.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoRoot);
        if (snapshot.Go is null || !variable.IsExplicit || !Directory.Exists(variable.Value))
        {
            yield break;
        }

        var own = SnapshotBuilder.FindGoRootFromExecutable(snapshot.Go);
        if (own is not null && string.Equals(GoLocator.RealDirectory(own), GoLocator.RealDirectory(variable.Value), StringComparison.Ordinal))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoRoot)} is {variable.Value}, which is where {snapshot.Go.Path} finds its installation anyway.");
        }
    }
}
