using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheInWorkTreeRule : Rule
{
    public override string Id => "GOENV0034";

    public override string Title => "GOCACHE is inside the checkout and not git-ignored";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "The build cache lies inside the repository's work tree and git does not ignore it: thousands of cache files show up as untracked changes, get picked up by `git add -A`, `git status --porcelain` dirtiness checks and -buildvcs stamping (builds report `+dirty`), and tools that walk the tree slow down.";

    public override string Fix => "Add the cache directory to .gitignore, or move GOCACHE outside the checkout.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoCache);
        if (CacheDirectories.InWorkTreeNotIgnored(snapshot, value, out var relative))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCache)} is {value}, inside the git work tree {snapshot.Git.WorkTreeRoot}, and git does not ignore it.", $"Add \"/{relative}/\" to {Path.Combine(snapshot.Git.WorkTreeRoot!, ".gitignore")}, or move GOCACHE outside the checkout.");
        }
    }
}
