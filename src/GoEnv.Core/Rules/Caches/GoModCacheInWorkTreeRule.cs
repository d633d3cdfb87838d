using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoModCacheInWorkTreeRule : Rule
{
    public override string Id => "GOENV0043";

    public override string Title => "GOMODCACHE is inside the checkout and not git-ignored";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoModCache;

    public override string Description => "The module cache lies inside the repository's work tree and git does not ignore it: downloaded modules appear as untracked files (and `+dirty` VCS stamps), and because Go writes module files read-only, the runner's workspace cleanup (and `git clean -fdx`) fails with `permission denied` unless Go runs with -modcacherw.";

    public override string Fix => "Move GOMODCACHE outside the checkout, or git-ignore it and add -modcacherw to GOFLAGS.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoModCache);
        if (CacheDirectories.InWorkTreeNotIgnored(snapshot, value, out var relative))
        {
            var rw = snapshot.Value(GoVariableNames.GoFlags).Contains("-modcacherw", StringComparison.Ordinal) ? "" : " and add -modcacherw to GOFLAGS";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoModCache)} is {value}, inside the git work tree {snapshot.Git.WorkTreeRoot}, and git does not ignore it: module files show up as changes, and their read-only permissions break workspace cleanup.", $"Add \"/{relative}/\" to .gitignore{rw}, or move GOMODCACHE outside the checkout.");
        }
    }
}
