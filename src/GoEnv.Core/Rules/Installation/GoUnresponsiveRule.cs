using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoUnresponsiveRule : Rule
{
    public override string Id => "GOENV0003";

    public override string Title => "`go` does not answer properly";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Asking `go env -json` timed out, crashed, could not start, or printed something that is not what any Go version prints. The executable is not a working Go toolchain (a wrapper script that hangs, a truncated download, a binary for another architecture).";

    public override string Fix => "Run `go version` yourself to see what happens; reinstall Go, or point --go at a working toolchain. Use --timeout to allow a slow machine more time.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var probe = snapshot.Probe;
        var go = snapshot.Go?.Path ?? "go";
        var message = probe.Status switch
        {
            GoEnvProbeStatus.TimedOut => $"`{go} env -json` did not answer: {probe.Message}.",
            GoEnvProbeStatus.CouldNotStart => $"`{go}` could not be started: {probe.Message}.",
            GoEnvProbeStatus.Crashed => $"`{go} env -json` crashed (exit status {probe.ExitCode}): {probe.Message}",
            GoEnvProbeStatus.BadOutput => $"`{go} env -json` exited 0 but {probe.Message}; this is not a working Go toolchain.",
            _ => null,
        };
        if (message is not null)
        {
            yield return Report(snapshot, message);
        }
    }
}
