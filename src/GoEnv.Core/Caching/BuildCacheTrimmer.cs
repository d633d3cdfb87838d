using System.Globalization;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Caching;

/// <summary>
/// Keeps a saved build cache (GOCACHE) to the job's working set: <see cref="Prepare"/> right after the cache is
/// restored, <see cref="Trim"/> right before it is saved.
/// </summary>
/// <remarks>
/// <para>
/// cmd/go/internal/cache (DiskCache.used, every release from 1.12 to 1.27) sets an entry's mtime to now when it
/// reads the entry, but only when the mtime is at least an hour old (mtimeInterval). A restored cache carries the
/// times it was archived with, so an entry saved 20 minutes ago is used without a trace. Prepare therefore records
/// the job's start (whole seconds, so a file system with coarse times cannot put a later use before it) and moves
/// every entry that Go would not refresh to an hour and a minute before it; from then on "used in this job" is
/// exactly "mtime at or after the start". The new mtime stays far inside Go's own trimLimit (5 days), so Go's
/// own trim does not take restored entries for stale ones.
/// </para>
/// <para>
/// Only Go's cache layout is touched: &lt;GOCACHE&gt;/&lt;2 hex&gt;/&lt;64 hex&gt;-a (index entries: "v1 &lt;action
/// ID&gt; &lt;output ID&gt; &lt;size&gt; &lt;time&gt;", 175 bytes) and -d (outputs: a file, or from Go 1.24 the directory
/// that holds a `go run`/`go tool` executable). README, trim.txt, testexpire.txt, fuzz/ and anything else stay.
/// Symbolic links are never followed or removed: Go never makes them, so one is somebody else's and is reported.
/// </para>
/// <para>
/// Trim keeps what Go will read, not what has a recent mtime: the index entries used in this job, and the outputs
/// they name whatever their mtime. Go does not touch an output it writes again with the same content
/// (DiskCache.copyFile returns early), so an output this job produced anew can keep its back-dated time while its
/// fresh index entries point at it; removing it by mtime would leave them dangling (a test result re-run).
/// </para>
/// </remarks>
public static class BuildCacheTrimmer
{
    /// <summary>The file in GOCACHE where Prepare records the job start (Go keeps its own trim.txt beside it).</summary>
    public const string MarkerName = "goenv-job-start.txt";

    private const string MarkerPrefix = "goenv-job-start ";

    /// <summary>cmd/go's mtimeInterval: Go refreshes an entry's mtime on use only when it is at least this old.</summary>
    public static readonly TimeSpan GoRefreshInterval = TimeSpan.FromHours(1);

    /// <summary>
    /// Records <paramref name="now"/> as the job start in GOCACHE (creating the directory when Go has not yet) and
    /// back-dates every entry Go would not refresh when it uses it.
    /// </summary>
    public static BuildCachePreparation Prepare(string gocache, DateTimeOffset now)
    {
        var start = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        var refreshedFrom = start - GoRefreshInterval;
        var backdated = refreshedFrom - TimeSpan.FromMinutes(1);
        Directory.CreateDirectory(gocache);
        var scan = Scan(gocache);
        var moved = 0;
        foreach (var entry in scan.Entries.Where(e => e.Modified > refreshedFrom))
        {
            try
            {
                if (entry.IsDirectory)
                {
                    Directory.SetLastWriteTimeUtc(entry.Path, backdated.UtcDateTime);
                }
                else
                {
                    File.SetLastWriteTimeUtc(entry.Path, backdated.UtcDateTime);
                }

                moved++;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                // Removed by a concurrent `go clean -cache`: nothing to move.
            }
        }

        AtomicFile.Write(Path.Combine(gocache, MarkerName), System.Text.Encoding.ASCII.GetBytes(
            MarkerPrefix + start.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + "\n"));
        return new BuildCachePreparation(start, scan.Entries.Count, scan.Entries.Sum(e => e.Size), moved, scan.Skipped);
    }

    /// <summary>The job start Prepare recorded in GOCACHE, or null (with the reason) when there is none to trust.</summary>
    public static DateTimeOffset? ReadJobStart(string gocache, out string? problem)
    {
        var path = Path.Combine(gocache, MarkerName);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problem = $"{path} does not exist: run `goenv-action cache prepare` right after the cache is restored, so trim knows what this job used";
            return null;
        }

        if (!text.StartsWith(MarkerPrefix, StringComparison.Ordinal)
            || !long.TryParse(text.AsSpan(MarkerPrefix.Length).TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            problem = $"{path} is not a job start written by `goenv-action cache prepare`";
            return null;
        }

        problem = null;
        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    /// <summary>
    /// Keeps the index entries used since <paramref name="since"/> whose output is there, and the outputs they name
    /// (whatever their mtime); removes every other entry. Then, while the kept entries exceed
    /// <paramref name="maxBytes"/>, removes the least recently used index entries, each with its output once no kept
    /// entry names it. Then removes the job start Prepare recorded. No kept index entry points at a missing output.
    /// </summary>
    public static BuildCacheTrimResult Trim(string gocache, DateTimeOffset since, long? maxBytes)
    {
        var scan = Scan(gocache);
        var outputs = scan.Entries.Where(e => !e.IsIndex).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var kept = scan.Entries.Where(e => e.IsIndex && e.Modified >= since && e.OutputId is { } o && outputs.ContainsKey(o)).OrderBy(e => e.Modified).ToList();
        var references = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var index in kept)
        {
            references[index.OutputId!] = references.GetValueOrDefault(index.OutputId!) + 1;
        }

        var keptSet = kept.Concat(references.Keys.Select(o => outputs[o])).ToHashSet();
        var removed = Remove([.. scan.Entries.Where(e => !keptSet.Contains(e))]);

        var keptBytes = keptSet.Sum(e => e.Size);
        var overSize = new List<CacheEntryFile>();
        if (maxBytes is { } max)
        {
            foreach (var index in kept)
            {
                if (keptBytes <= max)
                {
                    break;
                }

                overSize.Add(index);
                keptBytes -= index.Size;
                if (--references[index.OutputId!] == 0)
                {
                    overSize.Add(outputs[index.OutputId!]);
                    keptBytes -= outputs[index.OutputId!].Size;
                }
            }
        }

        var removedForSize = Remove(overSize);
        var keptCount = keptSet.Count - overSize.Count;

        // The cache is saved next: it must not carry this job's start into the next job, where a trim without its
        // own prepare would take it for that job's (and remove everything restored).
        File.Delete(Path.Combine(gocache, MarkerName));
        return new BuildCacheTrimResult(
            since,
            keptCount,
            keptBytes,
            removed.Count,
            removed.Bytes,
            removedForSize.Count,
            removedForSize.Bytes,
            [.. scan.Skipped, .. removed.Failures, .. removedForSize.Failures]);
    }

    /// <summary>Parses a size such as 500MB, 2GiB, 1.5G or 1000000 (bytes) for --max-size.</summary>
    public static long? ParseSize(string text)
    {
        var trimmed = text.Trim();
        var end = trimmed.Length;
        while (end > 0 && char.IsAsciiLetter(trimmed[end - 1]))
        {
            end--;
        }

        var unit = trimmed[end..].ToUpperInvariant();
        long? multiplier = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            "T" or "TB" or "TIB" => 1L << 40,
            _ => null,
        };
        if (multiplier is null || !decimal.TryParse(trimmed[..end], NumberStyles.AllowDecimalPoint | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var bytes = number * multiplier.Value;
        return bytes > long.MaxValue ? null : (long)bytes;
    }

    /// <summary>"12.3 MB" (binary multiples, as `du -h` prints them).</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1L << 10 => $"{bytes} B",
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.0} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1073741824.0:0.00} GB"),
    };

    private static (int Count, long Bytes, List<string> Failures) Remove(List<CacheEntryFile> entries)
    {
        var count = 0;
        var bytes = 0L;
        var failures = new List<string>();
        foreach (var entry in entries)
        {
            try
            {
                if (entry.IsDirectory)
                {
                    // A `go run` executable's directory: Go puts regular files in it (links in it are removed, not followed).
                    Directory.Delete(entry.Path, recursive: true);
                }
                else
                {
                    File.Delete(entry.Path);
                }

                count++;
                bytes += entry.Size;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{entry.Path}: not removed ({e.Message})");
            }
        }

        return (count, bytes, failures);
    }

    private static (List<CacheEntryFile> Entries, List<string> Skipped) Scan(string gocache)
    {
        var entries = new List<CacheEntryFile>();
        var skipped = new List<string>();
        var root = new DirectoryInfo(gocache);
        if (!root.Exists)
        {
            return (entries, skipped);
        }

        foreach (var directory in root.EnumerateDirectories())
        {
            if (!IsHex(directory.Name, 2))
            {
                continue;
            }

            if (directory.LinkTarget is not null)
            {
                skipped.Add($"{directory.FullName}: a symbolic link, not followed");
                continue;
            }

            foreach (var file in directory.EnumerateFileSystemInfos())
            {
                var name = file.Name;
                if (name.Length != 66 || name[64] != '-' || name[65] is not ('a' or 'd') || !IsHex(name.AsSpan(0, 64), 64))
                {
                    continue;
                }

                var isIndex = name[65] == 'a';
                if (file.LinkTarget is not null || (file is not FileInfo && (isIndex || file is not DirectoryInfo)))
                {
                    skipped.Add($"{file.FullName}: {(file.LinkTarget is not null ? "a symbolic link" : "not a regular file")}, left alone");
                    continue;
                }

                var modified = new DateTimeOffset(file.LastWriteTimeUtc);
                entries.Add(file is DirectoryInfo executables
                    ? new CacheEntryFile(executables.FullName, name[..64], false, DirectorySize(executables), modified, null, IsDirectory: true)
                    : new CacheEntryFile(file.FullName, name[..64], isIndex, ((FileInfo)file).Length, modified, isIndex ? ReadOutputId(file.FullName) : null));
            }
        }

        return (entries, skipped);
    }

    /// <summary>cmd/go's entrySize: "v1 " + 64 hex + " " + 64 hex + " " + 20 (size) + " " + 20 (time) + "\n".</summary>
    private const int IndexEntrySize = 2 + 1 + 64 + 1 + 64 + 1 + 20 + 1 + 20 + 1;

    /// <summary>The output ID an index entry names, checked as DiskCache.get checks the entry; null when Go would take it as a miss.</summary>
    internal static string? ReadOutputId(string path)
    {
        Span<byte> entry = stackalloc byte[IndexEntrySize + 1];
        int read;
        try
        {
            using var file = File.OpenHandle(path);
            read = RandomAccess.Read(file, entry, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (read != IndexEntrySize || entry[0] != 'v' || entry[1] != '1' || entry[2] != ' ' || entry[3 + 64] != ' ' || entry[3 + 64 + 1 + 64] != ' '
            || entry[3 + 64 + 1 + 64 + 1 + 20] != ' ' || entry[IndexEntrySize - 1] != '\n')
        {
            return null;
        }

        var output = System.Text.Encoding.ASCII.GetString(entry.Slice(3 + 64 + 1, 64));
        return IsHex(output, 64) ? output : null;
    }

    /// <summary>What a `go run` executable's directory holds (its regular files; links are not followed).</summary>
    private static long DirectorySize(DirectoryInfo directory)
    {
        try
        {
            return directory.EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }).Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Go names entries with lower-case hex (fmt's %x).</summary>
    private static bool IsHex(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExcept("0123456789abcdef");

    /// <summary>An index entry (-a, with the output ID it names when Go could read it) or an output (-d: a file, or a `go run` executable's directory).</summary>
    private sealed record CacheEntryFile(string Path, string Id, bool IsIndex, long Size, DateTimeOffset Modified, string? OutputId, bool IsDirectory = false);
}
