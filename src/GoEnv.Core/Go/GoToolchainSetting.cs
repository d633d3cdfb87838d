namespace GoEnv.Core.Go;

/// <summary>
/// GOTOOLCHAIN as cmd/go/internal/toolchain.Select reads it (Go 1.21+): local | auto | path | &lt;tc&gt; |
/// &lt;tc&gt;+auto | &lt;tc&gt;+path | local+auto | local+path, where &lt;tc&gt; is "go" + a valid Go version with an
/// optional custom suffix. Case-sensitive and untrimmed.
/// </summary>
public sealed record GoToolchainSetting(string Minimum, string Mode)
{
    /// <summary>"local", or the toolchain name ("go1.22.3").</summary>
    public bool MinimumIsLocal => Minimum == "local";

    /// <summary>True when Go may switch to a newer toolchain for a go.mod/go.work that asks for one.</summary>
    public bool MaySwitch => Mode is "auto" or "path";

    /// <summary>Parses the value; returns null with Go's error text when Go rejects it. An empty value acts as "local".</summary>
    public static GoToolchainSetting? Parse(string value, out string? error)
    {
        error = null;
        if (value.Length == 0 || value == "local")
        {
            return new GoToolchainSetting("local", "");
        }

        if (value is "auto" or "path")
        {
            return new GoToolchainSetting("local", value);
        }

        var plus = value.IndexOf('+', StringComparison.Ordinal);
        var min = plus >= 0 ? value[..plus] : value;
        var suffix = plus >= 0 ? value[(plus + 1)..] : "";
        if (min != "local" && FromToolchain(min) is null)
        {
            error = plus >= 0 ? $"invalid GOTOOLCHAIN {GoStrings.Quote(value)}: invalid minimum toolchain {GoStrings.Quote(min)}" : $"invalid GOTOOLCHAIN {GoStrings.Quote(value)}";
            return null;
        }

        if (plus >= 0 && suffix is not "auto" and not "path")
        {
            error = $"invalid GOTOOLCHAIN {GoStrings.Quote(value)}: only version suffixes are +auto and +path";
            return null;
        }

        return new GoToolchainSetting(min, suffix);
    }

    /// <summary>gover.FromToolchain: "go1.21.3" → "1.21.3"; custom suffixes after '-', ' ' or tab are stripped; no path separators.</summary>
    public static string? FromToolchain(string name)
    {
        if (name.IndexOfAny(['/', '\\']) >= 0 || !name.StartsWith("go", StringComparison.Ordinal))
        {
            return null;
        }

        var v = name[2..];
        var cut = v.IndexOfAny([' ', '\t', '-']);
        if (cut >= 0)
        {
            v = v[..cut];
        }

        return IsValidVersion(v) ? v : null;
    }

    /// <summary>internal/gover's parse: MAJOR[.MINOR[.PATCH | kindN]] with no leading zeros; any major.</summary>
    public static bool IsValidVersion(string x)
    {
        var i = 0;
        if (!CutInt(x, ref i))
        {
            return false;
        }

        if (i == x.Length)
        {
            return true;
        }

        if (x[i] != '.')
        {
            return false;
        }

        i++;
        if (!CutInt(x, ref i))
        {
            return false;
        }

        if (i == x.Length)
        {
            return true;
        }

        if (x[i] == '.')
        {
            i++;
            return CutInt(x, ref i) && i == x.Length;
        }

        var start = i;
        while (i < x.Length && (x[i] < '0' || x[i] > '9'))
        {
            if (x[i] < 'a' || x[i] > 'z')
            {
                return false;
            }

            i++;
        }

        if (i == start)
        {
            return false;
        }

        if (i == x.Length)
        {
            return true;
        }

        return CutInt(x, ref i) && i == x.Length;
    }

    private static bool CutInt(string x, ref int i)
    {
        var start = i;
        while (i < x.Length && x[i] >= '0' && x[i] <= '9')
        {
            i++;
        }

        return i > start && !(x[start] == '0' && i - start > 1);
    }
}
