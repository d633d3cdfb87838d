using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class FetchProbeReachableRule : Rule
{
    public override string Id => "GOENV0076";

    public override string Title => "A private module was fetched when asked for real";

    public override Severity DefaultSeverity => Severity.Notice;

    public override string? Variable => null;

    public override string Description => "With `check --probe` (and in `pin`, for a private repository whose credentials GoEnv cannot see), GoEnv fetched the private module the build needs for real (`go mod download -json`, terminal prompts off, a scratch module cache): the credentials and routes work. The time it took is what a build with an empty module cache spends on it.";

    public override string Fix => "Nothing to do.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var reached = snapshot.Graph.ToFetch.Where(m => m.Probe is { Outcome: FetchProbeOutcome.Reachable }).Select(m => m.Probe!).Distinct().ToList();
        if (reached.Count > 0)
        {
            yield return Report(snapshot, $"Asked for real, Go fetched {string.Join(", ", reached.Select(p => $"{p.Module} ({p.Elapsed.TotalSeconds:0.0} s)"))}: the credentials and routes for private modules work.");
        }
    }
}
