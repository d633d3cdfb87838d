using GoEnv.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// GitHub's cache service as actions/cache sees it, kept in a directory that several emulated jobs share: entries are
/// tar archives made and unpacked the way @actions/cache makes them (GNU tar, <c>--posix -cf … -P -C workspace
/// --files-from manifest</c> with paths relative to the workspace; <c>-xf … -P -C workspace</c>), without the
/// compression. Lookup as the service does it: the primary key exactly, else each restore key in order as a prefix,
/// newest entry first; an entry matches only the same paths (the service's "version"). An existing key is never
/// overwritten ("Unable to reserve cache").
/// </summary>
internal sealed class ActionsCacheService(string directory)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    public string Directory { get; } = directory;

    private string IndexPath => Path.Combine(Directory, "index");

    /// <summary>Every saved entry, oldest first: (key, paths, archive file).</summary>
    public IReadOnlyList<(string Key, string Paths, string Archive)> Entries =>
        File.Exists(IndexPath)
            ? [.. File.ReadAllLines(IndexPath).Select(l => l.Split('\t')).Select(f => (f[0], f[1].Replace('\u001f', '\n'), Path.Combine(Directory, f[2])))]
            : [];

    /// <summary>The key restored (null on a miss) and whether it was the primary key.</summary>
    public (string? MatchedKey, bool ExactHit, string Log) Restore(string workspace, string paths, string key, IReadOnlyList<string> restoreKeys)
    {
        var candidates = Entries.Where(e => e.Paths == Normalise(paths)).ToList();
        var match = candidates.LastOrDefault(e => e.Key == key);
        if (match.Key is null)
        {
            foreach (var prefix in restoreKeys)
            {
                match = candidates.LastOrDefault(e => e.Key.StartsWith(prefix, StringComparison.Ordinal));
                if (match.Key is not null)
                {
                    break;
                }
            }
        }

        if (match.Key is null)
        {
            return (null, false, $"Cache not found for input keys: {string.Join(", ", new[] { key }.Concat(restoreKeys))}");
        }

        var tar = ChildProcess.Run("tar", ["-xf", match.Archive, "-P", "-C", workspace], workspace, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, s_timeout);
        if (tar.ExitCode != 0)
        {
            // @actions/cache logs the failure as a warning and goes on without the cache.
            return (null, false, "Warning: Failed to restore: " + tar.StandardError);
        }

        return (match.Key, match.Key == key, $"Cache restored from key: {match.Key}");
    }

    public string Save(string workspace, string paths, string key)
    {
        if (Entries.Any(e => e.Key == key))
        {
            return $"Failed to save: Unable to reserve cache with key {key}, another job may be creating this cache.";
        }

        var existing = SplitLines(paths).Select(p => Path.GetFullPath(p, workspace)).Where(p => File.Exists(p) || System.IO.Directory.Exists(p)).ToList();
        if (existing.Count == 0)
        {
            return "Warning: Path Validation Error: Path(s) specified in the action for caching do(es) not exist, hence no cache is being saved.";
        }

        System.IO.Directory.CreateDirectory(Directory);
        var archive = $"{Entries.Count:D4}.tar";
        var manifest = Path.Combine(Directory, archive + ".manifest");
        File.WriteAllLines(manifest, existing.Select(p => Path.GetRelativePath(workspace, p)));
        var tar = ChildProcess.Run("tar", ["--posix", "-cf", Path.Combine(Directory, archive), "-P", "-C", workspace, "--files-from", manifest], workspace, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, s_timeout);
        if (tar.ExitCode != 0)
        {
            return "Warning: Failed to save: " + tar.StandardError;
        }

        File.AppendAllText(IndexPath, $"{key}\t{Normalise(paths).Replace('\n', '\u001f')}\t{archive}\n");
        return $"Cache saved with key: {key}";
    }

    public static List<string> SplitLines(string text) =>
        [.. text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static string Normalise(string paths) => string.Join('\n', SplitLines(paths));
}
