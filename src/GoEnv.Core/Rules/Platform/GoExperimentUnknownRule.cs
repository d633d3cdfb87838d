using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Platform;

internal sealed class GoExperimentUnknownRule : Rule
{
    public override string Id => "GOENV0122";

    public override string Title => "GOEXPERIMENT names an unknown experiment";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoExperiment;

    public override string Description => "GOEXPERIMENT is a comma list of lower-case experiment names (optionally prefixed `no`) known to the running Go version; experiments are added and retired between releases. An unknown one fails every command, including `go version` and `go env`: `go: unknown GOEXPERIMENT such`. GoEnv takes the verdict from the installed Go itself.";

    public override string Fix => "Remove the experiment, or use a Go version that has it (names are lower case: jsonv2, not JSONv2).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var message = snapshot.Probe.Message;
        if (snapshot.Probe.Status == GoEnvProbeStatus.GoFailed && message.Contains("GOEXPERIMENT", StringComparison.Ordinal))
        {
            var line = message.Split('\n').First(l => l.Contains("GOEXPERIMENT", StringComparison.Ordinal)).Trim();
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoExperiment)} is {Quote(snapshot.Value(GoVariableNames.GoExperiment))}: Go {snapshot.VersionText} fails every command with \"{line}\".");
        }
    }
}
