using System.Globalization;

namespace GoEnv.Core.Go;

/// <summary>
/// A Go release or language version as cmd/go's gover package understands it: 1.N, 1.N.P, 1.NrcK, 1.NbetaK.
/// "go1.21" (a language version) sorts before "go1.21rc1", which sorts before "go1.21.0".
/// </summary>
public sealed class GoVersion : IComparable<GoVersion>, IEquatable<GoVersion>
{
    private GoVersion(int major, int minor, int? patch, string kind, int pre, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Kind = kind;
        Pre = pre;
        Text = text;
    }

    public int Major { get; }

    public int Minor { get; }

    /// <summary>Null for a language version ("1.21") or a prerelease.</summary>
    public int? Patch { get; }

    /// <summary>"" for a language version, "alpha", "beta", "rc" for prereleases, "." for a release with patch.</summary>
    public string Kind { get; }

    public int Pre { get; }

    /// <summary>The version without the "go" prefix, e.g. "1.21.3".</summary>
    public string Text { get; }

    public bool IsLanguageVersion => Kind.Length == 0;

    /// <summary>The language version, e.g. 1.21 for 1.21.3.</summary>
    public string Language => $"{Major}.{Minor}";

    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);

    /// <summary>Parses "1.21.3" or "go1.21.3"; with a toolchain string, a "-suffix" or " X:exp" tail is ignored.</summary>
    public static GoVersion? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var s = text.StartsWith("go", StringComparison.Ordinal) ? text[2..] : text;
        var end = s.IndexOfAny([' ', '\t', '-']);
        if (end >= 0)
        {
            s = s[..end];
        }

        return ParseStrict(s);
    }

    /// <summary>The exact grammar of internal/gover.Parse: no leading zeros, no prerelease on patch versions.</summary>
    public static GoVersion? ParseStrict(string s)
    {
        var i = 0;
        if (!ReadNumber(s, ref i, out var major) || major != 1 || i >= s.Length || s[i] != '.')
        {
            // Go 1 is the only major; "1" alone is valid in gover but not useful here.
            return major == 1 && i == s.Length && s.Length > 0 ? new GoVersion(1, 0, null, "", 0, s) : null;
        }

        i++;
        if (!ReadNumber(s, ref i, out var minor))
        {
            return null;
        }

        if (i == s.Length)
        {
            return new GoVersion(major, minor, null, "", 0, s);
        }

        if (s[i] == '.')
        {
            i++;
            if (!ReadNumber(s, ref i, out var patch) || i != s.Length)
            {
                return null;
            }

            return new GoVersion(major, minor, patch, ".", 0, s);
        }

        foreach (var kind in new[] { "alpha", "beta", "rc" })
        {
            if (string.CompareOrdinal(s, i, kind, 0, kind.Length) == 0)
            {
                i += kind.Length;
                if (!ReadNumber(s, ref i, out var pre) || i != s.Length || pre == 0)
                {
                    return null;
                }

                return new GoVersion(major, minor, null, kind, pre, s);
            }
        }

        return null;
    }

    private static bool ReadNumber(string s, ref int i, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && s[i] >= '0' && s[i] <= '9')
        {
            i++;
        }

        if (i == start || (s[start] == '0' && i - start > 1) || i - start > 9)
        {
            return false;
        }

        value = int.Parse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    public int CompareTo(GoVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        var c = Major.CompareTo(other.Major);
        if (c == 0)
        {
            c = Minor.CompareTo(other.Minor);
        }

        if (c == 0)
        {
            c = KindRank(Kind).CompareTo(KindRank(other.Kind));
        }

        if (c == 0)
        {
            c = Kind == "." ? (Patch ?? 0).CompareTo(other.Patch ?? 0) : Pre.CompareTo(other.Pre);
        }

        return c;
    }

    private static int KindRank(string kind) => kind switch
    {
        "" => 0,
        "alpha" => 1,
        "beta" => 2,
        "rc" => 3,
        _ => 4,
    };

    public bool Equals(GoVersion? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is GoVersion v && Equals(v);

    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, Kind, Pre);

    public override string ToString() => "go" + Text;

    public static bool operator <(GoVersion a, GoVersion b) => a.CompareTo(b) < 0;

    public static bool operator >(GoVersion a, GoVersion b) => a.CompareTo(b) > 0;

    public static bool operator <=(GoVersion a, GoVersion b) => a.CompareTo(b) <= 0;

    public static bool operator >=(GoVersion a, GoVersion b) => a.CompareTo(b) >= 0;

    public static bool operator ==(GoVersion? a, GoVersion? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(GoVersion? a, GoVersion? b) => !(a == b);
}
