using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Caching;

/// <summary>
/// Content ids for files, always in git's blob id form (SHA-1 over "blob &lt;length&gt;\0" + content), so a key is
/// the same whether a go.sum is committed, staged, modified or untracked. Tracked files that are unmodified in the
/// work tree take the id from the git index instead of being read: on a monorepo that is one index read and one
/// statx per file instead of thousands of file reads. A tracked file whose stat data does not prove it unmodified
/// is hashed; if its content still equals the staged blob it counts as unmodified, as in `git status`.
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
        var indexed = repositoryRoot is null || files.Count == 0
            ? null
            : LookUpIndex(repositoryRoot, baseDirectory, files);

        var result = new FileFingerprint[files.Count];
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            IndexedBlob blob = default;
            var tracked = indexed is not null && indexed.TryGetValue(file.FullPath, out blob);
            if (tracked && blob.KnownUnmodified)
            {
                result[i] = new FileFingerprint(file.RelativePath, blob.ObjectId, FileFingerprintSource.GitIndex);
                continue;
            }

            var hashed = TryComputeContentId(file.FullPath, tracked ? blob.ObjectId : null);
            result[i] = hashed is null
                ? new FileFingerprint(file.RelativePath, null, FileFingerprintSource.Absent)
                : new FileFingerprint(file.RelativePath, hashed, tracked && hashed == blob.ObjectId ? FileFingerprintSource.GitIndex : FileFingerprintSource.Hashed);
        }

        return result;
    }

    /// <summary>The id `git hash-object` gives the file's bytes (no clean filters), or null when it does not exist.</summary>
    public static string? TryComputeBlobId(string fullPath) => TryRead(fullPath) is { } content ? ComputeBlobId(content) : null;

    /// <summary>
    /// The id a key takes for a file that the index does not vouch for: its blob id when that equals the staged one,
    /// else the blob id of its content with CRLF line ends made LF. That is what git stores for a text file checked
    /// out with core.autocrlf=true (so a `touch` does not flip the key), and Go reads a go.sum either way
    /// (modfetch splits its lines on '\n' and their fields on white space, '\r' included).
    /// </summary>
    public static string? TryComputeContentId(string fullPath, string? stagedId)
    {
        if (TryRead(fullPath) is not { } content)
        {
            return null;
        }

        var raw = ComputeBlobId(content);
        return raw == stagedId || content.AsSpan().IndexOf("\r\n"u8) < 0 ? raw : ComputeBlobId(WithLfLineEnds(content));
    }

    private static byte[]? TryRead(string fullPath)
    {
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private static byte[] WithLfLineEnds(byte[] content)
    {
        var result = new byte[content.Length];
        var length = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == (byte)'\r' && i + 1 < content.Length && content[i + 1] == (byte)'\n')
            {
                continue;
            }

            result[length++] = content[i];
        }

        return result[..length];
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

    /// <summary>Staged blob ids of the tracked files, keyed by full path; null when the repository cannot be used.</summary>
    private static Dictionary<string, IndexedBlob>? LookUpIndex(string repositoryRoot, string baseDirectory, IReadOnlyList<GoSumFile> files)
    {
        var byRepoPath = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // A go.sum set's paths are already relative to the repository root (its base directory).
            var repoPath = baseDirectory == repositoryRoot
                ? file.RelativePath
                : RelativePaths.Of(repositoryRoot, Path.IsPathFullyQualified(file.FullPath) ? file.FullPath : Path.GetFullPath(file.FullPath, baseDirectory));
            if (RelativePaths.LeavesRoot(repoPath))
            {
                continue;
            }

            byRepoPath.TryAdd(repoPath, file.FullPath);
        }

        if (byRepoPath.Count == 0)
        {
            return null;
        }

        // Our own index read first; LibGit2Sharp (a separate class, so it and its native library load only then)
        // where that reader declines.
        var wanted = byRepoPath.Keys.ToHashSet(StringComparer.Ordinal);
        var blobs = IndexStatBlobIds.TryRead(repositoryRoot, wanted) ?? LibGit2StatusBlobIds.TryRead(repositoryRoot, wanted);
        if (blobs is null)
        {
            return null;
        }

        var result = new Dictionary<string, IndexedBlob>(StringComparer.Ordinal);
        foreach (var (repoPath, blob) in blobs)
        {
            result[byRepoPath[repoPath]] = blob;
        }

        return result;
    }
}
