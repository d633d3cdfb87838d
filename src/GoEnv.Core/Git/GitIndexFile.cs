using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Git;

/// <summary>
/// A reader of the git index file (versions 2, 3 and 4 of Documentation/gitformat-index.txt) that keeps only the
/// entries a caller asks for. LibGit2Sharp's IndexEntry carries no stat data, and deciding "unmodified" through
/// libgit2's status walks the whole work tree even for an exact path list (~50 ms on 1,000 modules); with the stat
/// data, one statx per wanted file answers the same question the way git itself does (read-cache.c,
/// ie_match_stat). Anything this reader does not understand makes it return null, and callers fall back to libgit2.
/// </summary>
internal static class GitIndexFile
{
    private const int Sha1Length = 20;

    /// <summary>The index file of a work tree: $GIT_DIR/index, following a ".git" file ("gitdir: …") of worktrees and submodules.</summary>
    public static string? FindIndexPath(string workTreeRoot)
    {
        var dotGit = Path.Combine(workTreeRoot, ".git");
        if (Directory.Exists(dotGit))
        {
            return Path.Combine(dotGit, "index");
        }

        try
        {
            var text = File.ReadAllText(dotGit).TrimEnd('\r', '\n');
            const string Prefix = "gitdir: ";
            return text.StartsWith(Prefix, StringComparison.Ordinal) && !text.Contains('\n', StringComparison.Ordinal)
                ? Path.Combine(Path.GetFullPath(text[Prefix.Length..], workTreeRoot), "index")
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The entries whose path is wanted (every stage of it), or null when the data is not an index this reader can
    /// vouch for: a bad signature or checksum, an unknown version, a SHA-256 repository, a split index, truncation.
    /// </summary>
    /// <param name="data">The whole index file.</param>
    /// <param name="wanted">Repository-relative paths with '/' separators.</param>
    public static List<GitIndexEntry>? Parse(ReadOnlySpan<byte> data, IReadOnlySet<string> wanted) =>
        Parse(data, WantedNames(wanted), wanted.Contains);

    /// <summary>The entries whose last path component is one of <paramref name="fileNames"/> (e.g. every go.mod).</summary>
    public static List<GitIndexEntry>? ParseByName(ReadOnlySpan<byte> data, IEnumerable<string> fileNames) =>
        Parse(data, [.. fileNames.Select(n => Encoding.UTF8.GetBytes("/" + n))], static _ => true);

    private static List<GitIndexEntry>? Parse(ReadOnlySpan<byte> data, byte[][] names, Func<string, bool> wanted)
    {
        if (data.Length < 12 + Sha1Length || !data[..4].SequenceEqual("DIRC"u8))
        {
            return null;
        }

        var version = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        var count = BinaryPrimitives.ReadUInt32BigEndian(data[8..]);
        if (version is < 2 or > 4 || !ChecksumMatches(data))
        {
            // A zero trailer (index.skipHash) cannot be verified, and a SHA-256 repository's trailer and ids are
            // 32 bytes: neither is read here.
            return null;
        }

        var body = data[..^Sha1Length];
        var result = new List<GitIndexEntry>();
        // Version 4 builds each path from the previous one; the buffer holds the previous path.
        var pathBuffer = new byte[256];
        var previousLength = 0;
        var offset = 12;
        try
        {
            for (var i = 0u; i < count; i++)
            {
                var entry = body[offset..];
                var flags = BinaryPrimitives.ReadUInt16BigEndian(entry[60..]);
                var extended = (flags & 0x4000) != 0;
                if (extended && version < 3)
                {
                    return null;
                }

                var extendedFlags = extended ? BinaryPrimitives.ReadUInt16BigEndian(entry[62..]) : 0;
                var pathStart = extended ? 64 : 62;
                ReadOnlySpan<byte> path;
                int entryLength;
                if (version == 4)
                {
                    // Prefix compression: drop N bytes from the previous path's end, then append a NUL-terminated suffix.
                    var strip = ReadOffset(entry[pathStart..], out var varintLength);
                    var suffixStart = pathStart + varintLength;
                    var suffixLength = entry[suffixStart..].IndexOf((byte)0);
                    if (strip > (ulong)previousLength || suffixLength < 0)
                    {
                        return null;
                    }

                    var kept = previousLength - (int)strip;
                    if (kept + suffixLength > pathBuffer.Length)
                    {
                        Array.Resize(ref pathBuffer, Math.Max(pathBuffer.Length * 2, kept + suffixLength));
                    }

                    entry.Slice(suffixStart, suffixLength).CopyTo(pathBuffer.AsSpan(kept));
                    previousLength = kept + suffixLength;
                    path = pathBuffer.AsSpan(0, previousLength);
                    entryLength = suffixStart + suffixLength + 1;
                }
                else
                {
                    var pathLength = entry[pathStart..].IndexOf((byte)0);
                    if (pathLength < 0)
                    {
                        return null;
                    }

                    path = entry.Slice(pathStart, pathLength);
                    // 1–8 NULs pad the entry to a multiple of 8 bytes.
                    entryLength = (pathStart + pathLength + 8) & ~7;
                }

                if (IsWanted(path, names) && Encoding.UTF8.GetString(path) is var pathText && wanted(pathText))
                {
                    result.Add(new GitIndexEntry(
                        Path: pathText,
                        ObjectId: Convert.ToHexString(entry.Slice(40, Sha1Length)).ToLowerInvariant(),
                        Mode: BinaryPrimitives.ReadUInt32BigEndian(entry[24..]),
                        Stage: (flags >> 12) & 3,
                        AssumeValid: (flags & 0x8000) != 0,
                        SkipWorktree: (extendedFlags & 0x4000) != 0,
                        IntentToAdd: (extendedFlags & 0x2000) != 0,
                        CtimeSeconds: BinaryPrimitives.ReadUInt32BigEndian(entry),
                        CtimeNanoseconds: BinaryPrimitives.ReadUInt32BigEndian(entry[4..]),
                        MtimeSeconds: BinaryPrimitives.ReadUInt32BigEndian(entry[8..]),
                        MtimeNanoseconds: BinaryPrimitives.ReadUInt32BigEndian(entry[12..]),
                        Inode: BinaryPrimitives.ReadUInt32BigEndian(entry[20..]),
                        Uid: BinaryPrimitives.ReadUInt32BigEndian(entry[28..]),
                        Gid: BinaryPrimitives.ReadUInt32BigEndian(entry[32..]),
                        Size: BinaryPrimitives.ReadUInt32BigEndian(entry[36..])));
                }

                offset += entryLength;
            }

            return HasSplitIndex(body[offset..]) ? null : result;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // An entry or extension runs past the end: a truncated or corrupt index whose checksum still matched.
            return null;
        }
    }

    private static bool ChecksumMatches(ReadOnlySpan<byte> data)
    {
        // SHA-1 here is git's integrity trailer format, not a security decision.
#pragma warning disable CA5350
        Span<byte> computed = stackalloc byte[Sha1Length];
        SHA1.HashData(data[..^Sha1Length], computed);
#pragma warning restore CA5350
        return computed.SequenceEqual(data[^Sha1Length..]);
    }

    /// <summary>A split index ("link" extension) keeps most entries in a shared file this reader does not follow.</summary>
    private static bool HasSplitIndex(ReadOnlySpan<byte> extensions)
    {
        while (extensions.Length >= 8)
        {
            if (extensions[..4].SequenceEqual("link"u8))
            {
                return true;
            }

            var size = BinaryPrimitives.ReadUInt32BigEndian(extensions[4..]);
            if (size > (uint)(extensions.Length - 8))
            {
                throw new ArgumentOutOfRangeException(nameof(extensions));
            }

            extensions = extensions[(8 + (int)size)..];
        }

        return extensions.Length == 0 ? false : throw new ArgumentOutOfRangeException(nameof(extensions));
    }

    /// <summary>git's varint.c decode_varint: big-endian base-128 where each continuation adds one.</summary>
    private static ulong ReadOffset(ReadOnlySpan<byte> data, out int length)
    {
        var i = 0;
        var c = data[i++];
        ulong value = c & 127u;
        while ((c & 128) != 0)
        {
            if (i > 9)
            {
                throw new ArgumentOutOfRangeException(nameof(data));
            }

            c = data[i++];
            value = ((value + 1) << 7) | (c & 127u);
        }

        length = i;
        return value;
    }

    /// <summary>The distinct last path components of the wanted paths, so most entries are skipped without decoding.</summary>
    private static byte[][] WantedNames(IReadOnlySet<string> wanted)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in wanted)
        {
            names.Add("/" + path[(path.LastIndexOf('/') + 1)..]);
        }

        return [.. names.Select(Encoding.UTF8.GetBytes)];
    }

    private static bool IsWanted(ReadOnlySpan<byte> path, byte[][] names)
    {
        foreach (var name in names)
        {
            // "/go.sum" matches "a/go.sum"; a top-level "go.sum" equals the name without its slash.
            if (path.EndsWith(name) || path.SequenceEqual(name.AsSpan(1)))
            {
                return true;
            }
        }

        return false;
    }
}
