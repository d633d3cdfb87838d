using System.Text.RegularExpressions;
using GoEnv.Core.Discovery;

namespace GoEnv.Core.Go;

/// <summary>
/// The GODEBUG settings a Go release knows, read from its own table ($GOROOT/src/internal/godebugs/table.go, which
/// every release carries), and cmd/go's modload.CheckGodebug on a `godebug` line of go.mod or go.work (Go 1.23+):
/// spaces and commas refused, `default=goX` no newer than the release, a key the table lacks is "unknown"; a removed
/// setting is "use of removed" in 1.26 and, from 1.27, refused only with its old value.
/// </summary>
public sealed partial class GodebugSettings
{
    private readonly Dictionary<string, string> _known;
    private readonly Dictionary<string, (int Removed, string[]? OldValues)> _removed;

    private GodebugSettings(Dictionary<string, string> known, Dictionary<string, (int, string[]?)> removed)
    {
        _known = known;
        _removed = removed;
    }

    /// <summary>Reads the release's table; null when the file is missing or names no setting.</summary>
    public static GodebugSettings? Read(string? goRoot)
    {
        if (string.IsNullOrEmpty(goRoot))
        {
            return null;
        }

        string text;
        try
        {
            text = File.ReadAllText(Path.Combine(goRoot, "src", "internal", "godebugs", "table.go"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(text);
    }

    public static GodebugSettings? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var removedAt = text.IndexOf("var Removed", StringComparison.Ordinal);
        var all = removedAt < 0 ? text : text[..removedAt];
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in InfoName().Matches(all))
        {
            known[m.Groups[1].Value] = m.Groups[2].Value;
        }

        var removed = new Dictionary<string, (int, string[]?)>(StringComparer.Ordinal);
        if (removedAt >= 0)
        {
            foreach (Match m in RemovedEntry().Matches(text[removedAt..]))
            {
                // 1.27: "Old: one" / "Old: zero" / a func literal comparing with the old values (s == "1" || s == "2").
                string[]? old = m.Groups[3].Success
                    ? m.Groups[3].Value switch
                    {
                        "one" => ["1"],
                        "zero" => ["0"],
                        _ => [.. QuotedValue().Matches(m.Groups[3].Value).Select(q => q.Groups[1].Value)],
                    }
                    : null;
                removed[m.Groups[1].Value] = (int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), old);
            }
        }

        return known.Count == 0 ? null : new GodebugSettings(known, removed);
    }

    /// <summary>True when the release knows the setting.</summary>
    public bool Knows(string key) => _known.ContainsKey(key);

    /// <summary>The package that reads the setting ("cmd/go", "runtime", …); null when the release does not know it.</summary>
    public string? PackageOf(string key) => _known.TryGetValue(key, out var package) ? package : null;

    /// <summary>Go's error for the setting (the text after "file:line: "), or null when the release accepts it.</summary>
    public string? Check(ModuleGodebug setting, GoVersion release)
    {
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(release);
        var (k, v) = (setting.Key, setting.Value ?? "");
        if (k.IndexOfAny([' ', '\t']) >= 0)
        {
            return "key contains space";
        }

        if (v.IndexOfAny([' ', '\t']) >= 0)
        {
            return "value contains space";
        }

        if (k.Contains(',', StringComparison.Ordinal))
        {
            return "key contains comma";
        }

        if (v.Contains(',', StringComparison.Ordinal))
        {
            return "value contains comma";
        }

        if (k == "default")
        {
            if (!v.StartsWith("go", StringComparison.Ordinal) || !GoToolchainSetting.IsValidVersion(v[2..]))
            {
                return "value for default= must be goVERSION";
            }

            return GoVersion.ParseStrict(v[2..]) is { } wanted && wanted > release ? $"default={v} too new (toolchain is go{release.Text})" : null;
        }

        if (_known.ContainsKey(k))
        {
            return null;
        }

        if (release.AtLeast(1, 26) && _removed.TryGetValue(k, out var removed))
        {
            if (removed.OldValues is null)
            {
                return $"use of removed godebug \"{k}\", see https://go.dev/doc/godebug#go-1{removed.Removed}";
            }

            return removed.OldValues.Contains(v, StringComparer.Ordinal)
                ? $"removed GODEBUG \"{k}\" set to old value \"{v}\" (https://go.dev/doc/godebug#go-1{removed.Removed})"
                : null;
        }

        return $"unknown godebug \"{k}\"";
    }

    [GeneratedRegex("""\{\s*Name:\s*"([^"]+)",\s*Package:\s*"([^"]*)""")]
    private static partial Regex InfoName();

    [GeneratedRegex("""\{\s*Name:\s*"([^"]+)",\s*Removed:\s*(\d+)(?:,\s*Old:\s*(one|zero|func[^\n]*\}))?""")]
    private static partial Regex RemovedEntry();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedValue();
}
