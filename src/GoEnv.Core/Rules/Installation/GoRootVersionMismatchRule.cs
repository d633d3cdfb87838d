using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoRootVersionMismatchRule : Rule
{
    public override string Id => "GOENV0012";

    public override string Title => "GOROOT is another Go version than the `go` being run";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoRoot;

    public override string Description => "GOROOT points at an installation of a different Go release than the `go` executable. Go does not check this at start-up: `go env` and `go list` work, but every build fails in the compiler: `compile: version \"go1.19.8\" does not match go tool version \"go1.27.3\"`.";

    public override string Fix => "Unset GOROOT, or make GOROOT and the `go` on PATH the same installation.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goRoot = snapshot.Value(GoVariableNames.GoRoot);
        if (snapshot.Go is null || goRoot.Length == 0 || snapshot.VersionText.Length == 0 || !Directory.Exists(goRoot))
        {
            yield break;
        }

        var rootVersion = Discovery.SnapshotBuilder.ReadVersionFile(goRoot);
        if (rootVersion is null)
        {
            yield break;
        }

        // A binary built with experiments reports "go1.27.3 X:foo"; compare the release part only.
        var running = snapshot.VersionText.Split(' ', '-')[0];
        if (!string.Equals(rootVersion.Split(' ')[0], running, StringComparison.Ordinal))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoRoot)} is {goRoot}, a {rootVersion} installation, but the `go` being run ({snapshot.Go.Path}) is {running}. Builds will fail with \"compile: version \\\"{rootVersion}\\\" does not match go tool version \\\"{running}\\\"\".");
        }
    }
}
