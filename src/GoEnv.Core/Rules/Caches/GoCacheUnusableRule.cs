using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheUnusableRule : Rule
{
    public override string Id => "GOENV0032";

    public override string Title => "GOCACHE cannot be created or written";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "Go creates the build cache directory (and its 256 sub-directories) on first use and writes into it on every build. When it is a file, cannot be created, or is not writable by the user running Go, every build fails: `failed to initialize build cache at <dir>: mkdir <dir>/00: permission denied`.";

    public override string Fix => "Point GOCACHE at a directory the build user owns, or fix the directory's owner and permissions.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoCache);
        if (value.Length == 0 || value == "off" || !Path.IsPathFullyQualified(value))
        {
            yield break;
        }

        if (CacheDirectories.Unusable(value) is { } problem)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCache)} is {value}, which {problem}: builds fail with \"failed to initialize build cache at {value}\".");
        }
    }
}
