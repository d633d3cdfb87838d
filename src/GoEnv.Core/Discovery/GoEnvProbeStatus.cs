namespace GoEnv.Core.Discovery;

public enum GoEnvProbeStatus
{
    NotRun,
    Succeeded,

    /// <summary>`go env` ran and exited non-zero: Go itself rejects the environment.</summary>
    GoFailed,

    /// <summary>The executable could not be started.</summary>
    CouldNotStart,

    /// <summary>No answer within the timeout; the process tree was killed.</summary>
    TimedOut,

    /// <summary>It exited 0 but its output is not the JSON object `go env -json` prints.</summary>
    BadOutput,

    /// <summary>It was killed by a signal or crashed (exit code above 128 or negative).</summary>
    Crashed,
}
