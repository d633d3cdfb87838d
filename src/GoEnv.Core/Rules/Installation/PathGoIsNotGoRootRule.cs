using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class PathGoIsNotGoRootRule : Rule
{
    public override string Id => "GOENV0005";

    public override string Title => "The `go` on PATH is not the one in GOROOT";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoRoot;

    public override string Description => "GOROOT names an installation whose bin/go is not the `go` that PATH finds. Steps that run `$GOROOT/bin/go` (or tools that take Go from GOROOT, like gopls and IDEs) use a different Go than steps that run `go`.";

    public override string Fix => "Put $GOROOT/bin first on PATH, or unset GOROOT so that `go` finds its own installation.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var go = snapshot.Go;
        var goRoot = snapshot.Value(GoVariableNames.GoRoot);
        if (go is null || goRoot.Length == 0 || !snapshot.Variable(GoVariableNames.GoRoot).IsExplicit || !Directory.Exists(goRoot))
        {
            yield break;
        }

        var rootGo = Path.Combine(goRoot, "bin", Discovery.GoLocator.ExecutableName(snapshot.Host.Os));
        if (!File.Exists(rootGo))
        {
            yield break;
        }

        var resolvedRootGo = Discovery.GoLocator.TryResolve(rootGo, out _) ?? rootGo;
        if (!string.Equals(resolvedRootGo, go.ResolvedPath, StringComparison.Ordinal))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoRoot)} is {goRoot}, but the `go` being run is {go.Path} (→ {go.ResolvedPath}), not {rootGo}.");
        }
    }
}
