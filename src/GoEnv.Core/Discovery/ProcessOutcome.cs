namespace GoEnv.Core.Discovery;

/// <param name="Started">False when the executable could not be started (StartError says why).</param>
/// <param name="ExitCode">The exit code; -1 when killed or not started.</param>
/// <param name="StandardOutput">stdout, decoded as UTF-8 (invalid bytes replaced).</param>
/// <param name="StandardError">stderr, decoded as UTF-8.</param>
/// <param name="TimedOut">True when the timeout elapsed and the process was killed.</param>
/// <param name="OutputTruncated">True when more output came than the request allowed.</param>
/// <param name="StartError">Why the process could not be started.</param>
public sealed record ProcessOutcome(
    bool Started,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut,
    bool OutputTruncated = false,
    string? StartError = null);
