namespace GoEnv.Core.Modules;

public enum FetchProbeOutcome
{
    /// <summary>Go downloaded the module.</summary>
    Reachable,

    /// <summary>Go failed to download it (authentication, not found, a server error…).</summary>
    Failed,

    /// <summary>No answer within the probe's time limit; the probe was killed.</summary>
    TimedOut,

    /// <summary>The probes' total budget was spent before this one could start.</summary>
    NotRun,
}
