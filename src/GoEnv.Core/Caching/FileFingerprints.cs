using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Caching;

/// <summary>
/// Content ids for files, always in git's blob id form (SHA-1 over "blob &lt;length&gt;\0" + content), so a key is
/// the same whether a go.sum is committed, staged, modified or untracked. Tracked files that are unmodified in the
/// work tree take the id from the git index instead of being read: on a monorepo that is one index read instead
/// of thousands of file reads.
/// </summary>
public static class FileFingerprints
{
    /// <summary>Fingerprints of every file of the set, in the set's order.</summary>
    public static IReadOnlyList<FileFingerprint> Compute(GoSumSet set) =>
        Compute(set.RepositoryRoot, set.BaseDirectory, set.Files);

    /// <param name="repositoryRoot">The git work tree root, or null to hash every file.</param>
    /// <param name="baseDirectory">What the files' relative paths are relative to.</param>
    /// <param name="files">The files; relative paths that lie inside the repository are looked up in its index.</param>
    public static IReadOnlyList<FileFingerprint> Compute(string? repositoryRoot, string baseDirectory, IReadOnlyList<GoSumFile> files)
    {
        var indexIds = repositoryRoot is null || files.Count == 0
            ? null
            : LookUpIndex(repositoryRoot, baseDirectory, files);

        var result = new FileFingerprint[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (indexIds is not null && indexIds.TryGetValue(file.FullPath, out var id))
            {
                result[i] = new FileFingerprint(file.RelativePath, id, FileFingerprintSource.GitIndex);
                continue;
            }

            var hashed = TryComputeBlobId(file.FullPath);
            result[i] = hashed is null
                ? new FileFingerprint(file.RelativePath, null, FileFingerprintSource.Absent)
                : new FileFingerprint(file.RelativePath, hashed, FileFingerprintSource.Hashed);
        }

        return result;
    }

    /// <summary>The id `git hash-object` gives the file's bytes (no clean filters), or null when it does not exist.</summary>
    public static string? TryComputeBlobId(string fullPath)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        return ComputeBlobId(content);
    }

    /// <summary>Git's object id of a blob with this content.</summary>
    public static string ComputeBlobId(ReadOnlySpan<byte> content)
    {
        // SHA-1 is not used for security here: it is git's object id format, and matching it lets index ids and
        // computed ids be interchangeable.
#pragma warning disable CA5350
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
#pragma warning restore CA5350
        hash.AppendData(Encoding.ASCII.GetBytes($"blob {content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\0"));
        hash.AppendData(content);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    /// <summary>Index blob ids of clean tracked files, keyed by full path; null when the repository cannot be used.</summary>
    private static Dictionary<string, string>? LookUpIndex(string repositoryRoot, string baseDirectory, IReadOnlyList<GoSumFile> files)
    {
        var byRepoPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var repoPath = Path.GetRelativePath(repositoryRoot, Path.GetFullPath(file.FullPath, baseDirectory)).Replace('\\', '/');
            if (repoPath.StartsWith("../", StringComparison.Ordinal) || repoPath == ".." || Path.IsPathFullyQualified(repoPath))
            {
                continue;
            }

            byRepoPath.TryAdd(repoPath, file.FullPath);
        }

        if (byRepoPath.Count == 0)
        {
            return null;
        }

        // A separate class so LibGit2Sharp (and its native library) loads only when a repository is really read.
        var clean = GitIndexBlobIds.TryReadClean(repositoryRoot, byRepoPath.Keys);
        if (clean is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (repoPath, id) in clean)
        {
            result[byRepoPath[repoPath]] = id;
        }

        return result;
    }
}
