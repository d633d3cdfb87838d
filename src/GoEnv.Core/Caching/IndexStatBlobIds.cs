using GoEnv.Core.Discovery;
using GoEnv.Core.Git;

namespace GoEnv.Core.Caching;

/// <summary>
/// Blob ids from our own read of the git index, with "unmodified" decided as git decides it (read-cache.c,
/// ie_match_stat and is_racy_timestamp): the entry's recorded stat data equals the file's, and the entry is not
/// racy (its mtime is older than the index file's). Stricter than git where that is cheap: ctime, inode, owner
/// and the execute bit must match too, and an entry recorded with size 0 (git's "smudged" racy entries) is never
/// trusted. A mismatch is not a verdict: the caller hashes the file and compares.
/// </summary>
internal static class IndexStatBlobIds
{
    /// <summary>
    /// The wanted paths that have a usable stage-0 entry, or null when the index cannot be read here (not Linux,
    /// no index, an index version or extension this reader does not take): then libgit2 decides.
    /// </summary>
    public static Dictionary<string, IndexedBlob>? TryRead(string workTreeRoot, IReadOnlySet<string> wanted)
    {
        if (GitIndexFile.FindIndexPath(workTreeRoot) is not { } indexPath
            || UnixFileStatus.TryGet(indexPath, followSymbolicLinks: true) is not { } indexStatus)
        {
            return null;
        }

        // The index's own mtime is taken before its content: if git rewrites it in between, the older time only
        // makes more entries racy (re-hashed), never fewer.
        List<GitIndexEntry>? entries;
        try
        {
            entries = GitIndexFile.Parse(File.ReadAllBytes(indexPath), wanted);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (entries is null)
        {
            return null;
        }

        var conflicted = entries.Where(e => e.Stage != 0).Select(e => e.Path).ToHashSet(StringComparer.Ordinal);

        // A conflicted path has no single content; assume-valid and skip-worktree entries say nothing about the
        // work tree; an intent-to-add entry has no blob; a symlink's or gitlink's id is not the file's content.
        var usable = entries.Where(e => e.Stage == 0 && !conflicted.Contains(e.Path) && !e.AssumeValid && !e.SkipWorktree
            && !e.IntentToAdd && e.Mode is 0x81A4 or 0x81ED).ToArray();

        // One statx per file is the kernel's path walk, most of this method on a large workspace; both cores share it.
        var known = new bool[usable.Length];
        FileWork.For(usable.Length, i =>
            known[i] = UnixFileStatus.TryGet(Path.Combine(workTreeRoot, usable[i].Path)) is { } status
                && Matches(usable[i], status) && !IsRacy(usable[i], indexStatus));

        var result = new Dictionary<string, IndexedBlob>(usable.Length, StringComparer.Ordinal);
        for (var i = 0; i < usable.Length; i++)
        {
            result[usable[i].Path] = new IndexedBlob(usable[i].ObjectId, known[i]);
        }

        return result;
    }

    private static bool Matches(GitIndexEntry entry, UnixFileStatus file) =>
        file.FileType == 0x8000
        && file.IsExecutable == (entry.Mode == 0x81ED)
        && entry.Size != 0
        && (uint)file.Size == entry.Size
        && SameTime(entry.MtimeSeconds, entry.MtimeNanoseconds, file.MtimeSeconds, file.MtimeNanoseconds)
        && SameTime(entry.CtimeSeconds, entry.CtimeNanoseconds, file.CtimeSeconds, file.CtimeNanoseconds)
        && (uint)file.Inode == entry.Inode
        && file.Uid == entry.Uid
        && file.Gid == entry.Gid;

    /// <summary>Index times are 32-bit seconds; nanoseconds are 0 when the writing git was built without USE_NSEC.</summary>
    private static bool SameTime(uint seconds, uint nanoseconds, long fileSeconds, uint fileNanoseconds) =>
        seconds == (uint)fileSeconds && (nanoseconds == 0 || nanoseconds == fileNanoseconds);

    /// <summary>
    /// Racy: the file may have changed after git recorded its stat data within the same timestamp tick as the
    /// index was written, so equal stat data proves nothing.
    /// </summary>
    private static bool IsRacy(GitIndexEntry entry, UnixFileStatus index)
    {
        var indexSeconds = (uint)index.MtimeSeconds;
        return entry.MtimeNanoseconds == 0
            ? entry.MtimeSeconds >= indexSeconds
            : entry.MtimeSeconds > indexSeconds || (entry.MtimeSeconds == indexSeconds && entry.MtimeNanoseconds >= index.MtimeNanoseconds);
    }
}
