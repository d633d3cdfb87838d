using LibGit2Sharp;

namespace GoEnv.Core.Git;

/// <summary>
/// Reads git's configuration with libgit2 (includes and includeIf resolved as git does), from the files
/// <see cref="GitConfigFiles"/> names and GIT_CONFIG_COUNT's KEY/VALUE pairs (which git applies last), keeping where
/// each setting is. Only this type and <see cref="LibGit2Repository"/> touch LibGit2Sharp.
/// </summary>
internal static class GitConfigReader
{
    /// <summary>The settings, lowest priority first (system, XDG, global, then the environment's pairs); empty when none can be read.</summary>
    public static IReadOnlyList<GitConfigEntry> Read(HostEnvironment host)
    {
        var files = GitConfigFiles.For(host);
        var entries = new List<GitConfigEntry>();
        foreach (var (file, level) in new[] { (files.System, ConfigurationLevel.System), (files.Xdg, ConfigurationLevel.Xdg), (files.Global, ConfigurationLevel.Global) })
        {
            if (file is not null && File.Exists(file))
            {
                entries.AddRange(ReadFile(file, level));
            }
        }

        entries.AddRange(FromEnvironment(host));
        return entries;
    }

    /// <summary>GIT_CONFIG_COUNT=n with GIT_CONFIG_KEY_i/GIT_CONFIG_VALUE_i (git 2.31+; what actions and runners use to pass settings).</summary>
    internal static IEnumerable<GitConfigEntry> FromEnvironment(HostEnvironment host)
    {
        if (!int.TryParse(host.Get("GIT_CONFIG_COUNT"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            yield break;
        }

        for (var i = 0; i < Math.Min(count, 10_000); i++)
        {
            if (host.GetNonEmpty($"GIT_CONFIG_KEY_{i}") is { } key && NormalizeKey(key) is { } normalized)
            {
                yield return new GitConfigEntry(normalized, host.Get($"GIT_CONFIG_VALUE_{i}") ?? "", $"GIT_CONFIG_KEY_{i}", 0);
            }
        }
    }

    /// <summary>Git's key form: section and name in lower case, a subsection (between the first and last dot) as written; null when it has no name.</summary>
    internal static string? NormalizeKey(string key)
    {
        var first = key.IndexOf('.', StringComparison.Ordinal);
        var last = key.LastIndexOf('.');
        if (first <= 0 || last == key.Length - 1)
        {
            return null;
        }

        return first == last
            ? key.ToLowerInvariant()
            : key[..first].ToLowerInvariant() + key[first..(last + 1)] + key[(last + 1)..].ToLowerInvariant();
    }

    /// <summary>A configuration file larger than this is not read (git's are a few KiB; this bounds memory on hostile input).</summary>
    internal const long MaxBytes = 4L << 20;

    private static List<GitConfigEntry> ReadFile(string file, ConfigurationLevel level)
    {
        string[] lines;
        try
        {
            if (new FileInfo(file).Length > MaxBytes)
            {
                return [];
            }

            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var entries = new List<GitConfigEntry>();
        try
        {
            // Only this file at its level; the others are paths that do not exist, so libgit2 probes none of the process's own.
            var missing = Path.Combine(Path.GetTempPath(), "goenv-no-such-git-config");
            using var configuration = Configuration.BuildFrom(null, level == ConfigurationLevel.Global ? file : missing, level == ConfigurationLevel.Xdg ? file : missing, level == ConfigurationLevel.System ? file : missing);
            var searchFrom = 0;
            foreach (var entry in configuration)
            {
                if (entry.Level != level)
                {
                    continue;
                }

                var line = FindLine(lines, entry.Key, ref searchFrom);
                entries.Add(new GitConfigEntry(entry.Key, entry.Value ?? "", file, line));
            }
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException or IOException or FormatException)
        {
            // A file libgit2 cannot parse: git refuses it too ("bad config line"), and git's fetch fails; nothing to read.
            // (LibGit2Sharp 0.32 formats libgit2's error text as a format string: one with a brace throws FormatException.)
            return [];
        }

        return entries;
    }

    /// <summary>
    /// The line that sets the key's name, searched from after the previous entry's line (libgit2 lists a file's
    /// entries in order); 0 when not found (an included file, a continuation).
    /// </summary>
    private static int FindLine(string[] lines, string key, ref int searchFrom)
    {
        var name = key[(key.LastIndexOf('.') + 1)..];
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = pass == 0 ? searchFrom : 0; i < (pass == 0 ? lines.Length : searchFrom); i++)
            {
                var text = lines[i].AsSpan().TrimStart();
                if (text.Length > 0 && text[0] == '[')
                {
                    var close = text.IndexOf(']');
                    text = close < 0 ? [] : text[(close + 1)..].TrimStart();
                }

                if (text.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (text.Length == name.Length || text[name.Length] is ' ' or '\t' or '='))
                {
                    searchFrom = i + 1;
                    return i + 1;
                }
            }
        }

        return 0;
    }
}
