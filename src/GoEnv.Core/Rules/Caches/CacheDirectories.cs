using GoEnv.Core.Discovery;

namespace GoEnv.Core.Rules.Caches;

/// <summary>What GoEnv asks of a cache directory Go will create and write into.</summary>
internal static class CacheDirectories
{
    /// <summary>Why Go cannot use the directory (create it, or write into it), or null when it can.</summary>
    public static string? Unusable(string path)
    {
        if (File.Exists(path))
        {
            return "is a file, not a directory";
        }

        if (Directory.Exists(path))
        {
            return FileSystemFacts.CanWriteInto(path, out var error) ? null : $"is not writable by this user ({error})";
        }

        var existing = FileSystemFacts.NearestExisting(path);
        if (existing is null)
        {
            // Nothing up to the root exists: on Windows, a UNC share that does not answer or a drive that is not there.
            var root = Path.GetPathRoot(path) ?? "";
            return root.StartsWith(@"\\", StringComparison.Ordinal) ? $"cannot be created: the share {Path.TrimEndingDirectorySeparator(root)} cannot be reached from this machine"
                : root.Length > 1 ? $"cannot be created: the drive {root} does not exist"
                : "cannot be created (no part of the path exists)";
        }

        if (File.Exists(existing))
        {
            return $"cannot be created: {existing} is a file";
        }

        return FileSystemFacts.CanWriteInto(existing, out var parentError) ? null : $"cannot be created: this user cannot write into {existing} ({parentError})";
    }

    /// <summary>True when the directory (or the part of it that exists) is owned by another user than this process's.</summary>
    public static bool OwnedByAnotherUser(string path, out uint owner, out uint me)
    {
        owner = 0;
        me = 0;
        var existing = Directory.Exists(path) ? path : null;
        if (existing is null || FileSystemFacts.EffectiveUid() is not { } uid || FileSystemFacts.OwnerUid(existing) is not { } ownerUid)
        {
            return false;
        }

        owner = ownerUid;
        me = uid;
        return ownerUid != uid;
    }

    /// <summary>True when the directory lies inside the git work tree and git does not ignore it; gives its path from the root.</summary>
    public static bool InWorkTreeNotIgnored(GoSnapshot snapshot, string path, out string relative)
    {
        relative = "";
        if (path.Length == 0 || !Path.IsPathFullyQualified(path) || !snapshot.Git.IsInsideWorkTree(path) || snapshot.Git.IsIgnored(path))
        {
            return false;
        }

        relative = Path.GetRelativePath(snapshot.Git.WorkTreeRoot!, path).Replace('\\', '/');
        return true;
    }
}
