using LibGit2Sharp;

namespace GoEnv.Core.Caching;

/// <summary>
/// The fallback route to index blob ids, and the only caching type that touches LibGit2Sharp: one repository open,
/// one read of the index, one status call limited to the wanted paths. Used where <see cref="IndexStatBlobIds"/>
/// cannot read the index itself (not Linux, a split or SHA-256 index, an index without checksum).
/// </summary>
/// <remarks>
/// libgit2's status compares stat data first and re-reads only the racy entries, but it walks the work tree even
/// for an exact path list, which makes it the dominant cost of a key on a monorepo (bench/cachekeys/README.md).
/// </remarks>
internal static class LibGit2StatusBlobIds
{
    /// <summary>
    /// Blob ids (lowercase hex) of the wanted repository-relative paths that are tracked, not conflicted, not
    /// marked assume-unchanged, regular files, and unmodified in the work tree. Null when the repository cannot be
    /// opened (not a repository, an unsupported format, no native library): callers then hash every file.
    /// </summary>
    public static Dictionary<string, IndexedBlob>? TryRead(string workTreeRoot, IEnumerable<string> wantedPaths)
    {
        try
        {
            if (!Repository.IsValid(workTreeRoot))
            {
                return null;
            }

            using var repository = new Repository(workTreeRoot);
            return ReadClean(repository, new HashSet<string>(wantedPaths, StringComparer.Ordinal))
                .ToDictionary(pair => pair.Key, pair => new IndexedBlob(pair.Value, KnownUnmodified: true), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException or IOException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> ReadClean(Repository repository, HashSet<string> wanted)
    {
        var candidates = new Dictionary<string, string>(StringComparer.Ordinal);
        var unusable = new HashSet<string>(StringComparer.Ordinal);
        var index = repository.Index;

        // The index is read once, when Repository.Index is first used; both ways below work on that in-memory copy.
        // A few wanted paths (module mode) are looked up by path (a binary search each); many (a workspace) are
        // picked out in one pass, which beats thousands of separate interop calls.
        if (wanted.Count * 16 < index.Count)
        {
            foreach (var path in wanted)
            {
                // Stage 0 only: a conflicted path has none, so it is not a candidate and gets hashed.
                Consider(index[path], path, candidates, unusable);
            }
        }
        else
        {
            foreach (var entry in index)
            {
                var path = entry.Path.Replace('\\', '/');
                if (wanted.Contains(path))
                {
                    Consider(entry, path, candidates, unusable);
                }
            }
        }

        foreach (var path in unusable)
        {
            candidates.Remove(path);
        }

        if (candidates.Count == 0)
        {
            return candidates;
        }

        var options = new StatusOptions
        {
            Show = StatusShowOption.WorkDirOnly,
            PathSpec = [.. candidates.Keys],
            DisablePathSpecMatch = true,
            IncludeUntracked = false,
            IncludeIgnored = false,
            RecurseUntrackedDirs = false,
            IncludeUnaltered = false,
            ExcludeSubmodules = true,
            DetectRenamesInIndex = false,
            DetectRenamesInWorkDir = false,
        };

        foreach (var status in repository.RetrieveStatus(options))
        {
            if (status.State != FileStatus.Unaltered)
            {
                candidates.Remove(status.FilePath.Replace('\\', '/'));
            }
        }

        return candidates;
    }

    private static void Consider(IndexEntry? entry, string path, Dictionary<string, string> candidates, HashSet<string> unusable)
    {
        if (entry is null)
        {
            return;
        }

        // A conflicted path has stages 1–3 and no single content; assume-unchanged makes status lie about the
        // work tree; a symlink's blob is its target text, not the file content. All of these get hashed.
        if (entry.StageLevel != StageLevel.Staged || entry.AssumeUnchanged
            || entry.Mode is not (Mode.NonExecutableFile or Mode.ExecutableFile))
        {
            unusable.Add(path);
            return;
        }

        candidates[path] = entry.Id.Sha;
    }
}
