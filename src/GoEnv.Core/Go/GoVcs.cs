namespace GoEnv.Core.Go;

/// <summary>GOVCS as cmd/go/internal/vcs reads it (parseGOVCS) and applies it to a direct fetch (govcsConfig.allow).</summary>
public static class GoVcs
{
    /// <summary>What Go allows when GOVCS says nothing about a path (defaultGOVCS).</summary>
    private static readonly (string Pattern, string[] Allowed)[] s_default = [("public", ["git", "hg"]), ("private", ["all"])];

    /// <summary>Go's error text for a GOVCS it cannot parse, or null.</summary>
    public static string? Validate(string value) => Parse(value).Error;

    /// <summary>
    /// Whether Go may run <paramref name="vcs"/> (git, hg, svn, bzr, fossil) to fetch the repository at
    /// <paramref name="root"/>, private when GOPRIVATE matches the root: the first GOVCS rule whose pattern matches
    /// (private, public or a path glob) decides, then Go's default public:git|hg,private:all. Null when GOVCS does
    /// not parse (Go then fails on that first).
    /// </summary>
    public static bool? Allows(string govcs, string root, bool isPrivate, string vcs)
    {
        ArgumentNullException.ThrowIfNull(vcs);
        var (rules, error) = Parse(govcs);
        if (error is not null)
        {
            return null;
        }

        foreach (var (pattern, allowed) in rules.Concat(s_default))
        {
            var match = pattern switch
            {
                "private" => isPrivate,
                "public" => !isPrivate,
                _ => ModulePathPatterns.Matches(pattern, root),
            };
            if (match)
            {
                return allowed.Any(a => a == vcs || a == "all");
            }
        }

        return false;
    }

    private static (List<(string Pattern, string[] Allowed)> Rules, string? Error) Parse(string value)
    {
        var rules = new List<(string, string[])>();
        var s = value.Trim(GoStrings.AsciiSpace);
        if (s.Length == 0)
        {
            return (rules, null);
        }

        var have = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in s.Split(','))
        {
            var item = raw.Trim(GoStrings.AsciiSpace);
            if (item.Length == 0)
            {
                return (rules, "empty entry in GOVCS");
            }

            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return (rules, $"malformed entry in GOVCS (missing colon): \"{item}\"");
            }

            var pattern = item[..colon].Trim(GoStrings.AsciiSpace);
            var list = item[(colon + 1)..].Trim(GoStrings.AsciiSpace);
            if (pattern.Length == 0)
            {
                return (rules, $"empty pattern in GOVCS: \"{item}\"");
            }

            if (list.Length == 0)
            {
                return (rules, $"empty VCS list in GOVCS: \"{item}\"");
            }

            if (pattern is "." or ".." || pattern.StartsWith("./", StringComparison.Ordinal) || pattern.StartsWith("../", StringComparison.Ordinal))
            {
                return (rules, $"relative pattern not allowed in GOVCS: \"{pattern}\"");
            }

            if (have.TryGetValue(pattern, out var old))
            {
                return (rules, $"unreachable pattern in GOVCS: \"{item}\" after \"{old}\"");
            }

            have[pattern] = item;
            var allowed = list.Split('|').Select(a => a.Trim(GoStrings.AsciiSpace)).ToArray();
            if (allowed.Any(a => a.Length == 0))
            {
                return (rules, $"empty VCS name in GOVCS: \"{item}\"");
            }

            rules.Add((pattern, allowed));
        }

        return (rules, null);
    }
}
