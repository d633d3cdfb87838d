namespace GoEnv.Core.Discovery;

/// <summary>
/// How `check --probe` (and `pin`, for what a check can only guess) asks for real whether the private modules the
/// build must fetch can be fetched.
/// </summary>
/// <param name="AllPrivate">Probe every private root (--probe); false: only those whose credentials GoEnv cannot see.</param>
/// <param name="PerProbe">Each probe is killed after this long.</param>
/// <param name="Budget">All probes together; those that no longer fit are not run.</param>
public sealed record FetchProbeOptions(bool AllPrivate, TimeSpan PerProbe, TimeSpan Budget)
{
    public static readonly TimeSpan DefaultPerProbe = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(120);

    /// <summary>What pin does without --probe: ask only where a check could only warn.</summary>
    public static readonly FetchProbeOptions Uncertain = new(false, DefaultPerProbe, DefaultBudget);
}
