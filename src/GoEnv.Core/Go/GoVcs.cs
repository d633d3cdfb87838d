namespace GoEnv.Core.Go;

/// <summary>GOVCS as cmd/go/internal/vcs.parseGOVCS reads it; returns Go's error text or null.</summary>
public static class GoVcs
{
    public static string? Validate(string value)
    {
        var s = value.Trim(GoStrings.AsciiSpace);
        if (s.Length == 0)
        {
            return null;
        }

        var have = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in s.Split(','))
        {
            var item = raw.Trim(GoStrings.AsciiSpace);
            if (item.Length == 0)
            {
                return "empty entry in GOVCS";
            }

            var colon = item.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                return $"malformed entry in GOVCS (missing colon): \"{item}\"";
            }

            var pattern = item[..colon].Trim(GoStrings.AsciiSpace);
            var list = item[(colon + 1)..].Trim(GoStrings.AsciiSpace);
            if (pattern.Length == 0)
            {
                return $"empty pattern in GOVCS: \"{item}\"";
            }

            if (list.Length == 0)
            {
                return $"empty VCS list in GOVCS: \"{item}\"";
            }

            if (pattern is "." or ".." || pattern.StartsWith("./", StringComparison.Ordinal) || pattern.StartsWith("../", StringComparison.Ordinal))
            {
                return $"relative pattern not allowed in GOVCS: \"{pattern}\"";
            }

            if (have.TryGetValue(pattern, out var old))
            {
                return $"unreachable pattern in GOVCS: \"{item}\" after \"{old}\"";
            }

            have[pattern] = item;
            if (list.Split('|').Any(a => a.Trim(GoStrings.AsciiSpace).Length == 0))
            {
                return $"empty VCS name in GOVCS: \"{item}\"";
            }
        }

        return null;
    }
}
