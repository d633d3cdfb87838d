using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheNoDefaultRule : Rule
{
    public override string Id => "GOENV0033";

    public override string Title => "No build cache location";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "GOCACHE is not set and Go cannot derive its default (the user cache directory: $XDG_CACHE_HOME, else $HOME/.cache on Linux) because HOME and XDG_CACHE_HOME are unset, or relative (Go 1.24+ refuses a relative XDG_CACHE_HOME). On Windows the default is %LocalAppData%\\go-build, and without LocalAppData Go says `GOCACHE is not defined and %LocalAppData% is not defined`. Every build fails: `build cache is required, but could not be located: GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined`. This is common in containers and service accounts without HOME.";

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
            // Go's own reason (os.UserCacheDir), as every build prints it.
            _ = GoDefaults.UserCacheDir(snapshot.Host, snapshot.Version, out var error);
            error ??= snapshot.IsWindows ? "%LocalAppData% is not defined" : "neither $XDG_CACHE_HOME nor $HOME are defined";
            var fix = snapshot.IsWindows
                ? "Set GOCACHE to an absolute writable directory, or give the job its profile's LocalAppData."
                : "Set GOCACHE to an absolute writable directory, or give the job a HOME (or an absolute XDG_CACHE_HOME).";
            yield return Report(snapshot, $"GOCACHE is not set and has no default: {error}. Every build fails with \"build cache is required, but could not be located: GOCACHE is not defined and {error}\".", fix);
        }
        else if (!Path.IsPathFullyQualified(value))
        {
            // Before Go 1.24 a relative XDG_CACHE_HOME (or HOME) is used as it is: builds work, but each working
            // directory gets a cache of its own. Go 1.24+ refuses a relative XDG_CACHE_HOME (go env says "off").
            yield return Report(snapshot, $"GOCACHE is not set and its default, {Quote(value)}, is relative (HOME or XDG_CACHE_HOME is relative): every working directory gets its own build cache, and Go 1.24+ refuses a relative XDG_CACHE_HOME.", "Set XDG_CACHE_HOME (or GOCACHE) to an absolute directory.", Severity.Warning);
        }
    }
}
