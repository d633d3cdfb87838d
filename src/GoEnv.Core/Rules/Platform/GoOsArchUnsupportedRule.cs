using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Platform;

internal sealed class GoOsArchUnsupportedRule : Rule
{
    public override string Id => "GOENV0120";

    public override string Title => "GOOS/GOARCH is not a supported pair";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoOs;

    public override string Description => "GOOS and GOARCH must form a pair the running Go version supports (`go tool dist list`); values are case-sensitive, and ports come and go (windows/arm was dropped in 1.26, openbsd/mips64 in 1.27). `go env GOOS` does not check; builds, tests and a plain `go env` fail: `go: unsupported GOOS/GOARCH pair linux/amd65`.";

    public override string Fix => "Use a pair from `go tool dist list` (lower case), e.g. GOOS=linux GOARCH=arm64.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goos = snapshot.Value(GoVariableNames.GoOs);
        var goarch = snapshot.Value(GoVariableNames.GoArch);
        if (snapshot.Go is null || goos.Length == 0 || goarch.Length == 0)
        {
            yield break;
        }

        var culprit = snapshot.Variable(GoVariableNames.GoOs).IsExplicit || !snapshot.Variable(GoVariableNames.GoArch).IsExplicit ? GoVariableNames.GoOs : GoVariableNames.GoArch;
        if (!GoPlatforms.IsSupportedPair(snapshot.Version, goos, goarch))
        {
            yield return Report(snapshot, $"GOOS/GOARCH is {goos}/{goarch}, which Go {snapshot.VersionText} does not support: builds fail with \"go: unsupported GOOS/GOARCH pair {goos}/{goarch}\".", variable: culprit);
        }
        else if (GoPlatforms.IsBroken(snapshot.Version, goos, goarch))
        {
            yield return Report(snapshot, $"GOOS/GOARCH {goos}/{goarch} is marked broken in Go {snapshot.VersionText}: builds may fail or produce binaries that do not work.", severity: Severity.Warning, variable: culprit);
        }
    }
}
