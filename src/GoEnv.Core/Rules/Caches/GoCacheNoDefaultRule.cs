using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheNoDefaultRule : Rule
{
    public override string Id => "GOENV0033";

    public override string Title => "No build cache location";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "GOCACHE is not set and Go cannot derive its default (the user cache directory: $XDG_CACHE_HOME, else $HOME/.cache on Linux) because HOME and XDG_CACHE_HOME are unset, or relative (Go 1.24+ refuses a relative XDG_CACHE_HOME). Every build fails: `build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined`. This is common in containers and service accounts without HOME.";

    public override string Fix => "Set GOCACHE to an absolute writable directory, or give the job a HOME.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoCache);
        if (variable.IsExplicit || snapshot.Go is null)
        {
            yield break;
        }

        var value = variable.Value;
        if (value.Length == 0 || value == "off")
        {
            var why = snapshot.Host.GetNonEmpty("XDG_CACHE_HOME") is { } xdg && !Path.IsPathRooted(xdg)
                ? $"XDG_CACHE_HOME is the relative path \"{xdg}\", which Go {snapshot.VersionText} refuses"
                : "neither HOME nor XDG_CACHE_HOME is set";
            yield return Report(snapshot, $"GOCACHE is not set and has no default: {why}. Every build fails with \"build cache is required, but could not be located\".");
        }
        else if (!Path.IsPathFullyQualified(value))
        {
            // Before Go 1.24 a relative XDG_CACHE_HOME (or HOME) is used as it is: builds work, but each working
            // directory gets a cache of its own. Go 1.24+ refuses a relative XDG_CACHE_HOME (go env says "off").
            yield return Report(snapshot, $"GOCACHE is not set and its default, \"{value}\", is relative (HOME or XDG_CACHE_HOME is relative): every working directory gets its own build cache, and Go 1.24+ refuses a relative XDG_CACHE_HOME.", "Set XDG_CACHE_HOME (or GOCACHE) to an absolute directory.", Severity.Warning);
        }
    }
}
