namespace GoEnv.Core.Go;

/// <summary>
/// The value sets of the architecture variables (internal/buildcfg) and Go's own error texts. Go 1.23+ silently
/// accepts a bad GOAMD64 or GOARM (goarm64() overwrites buildcfg.Error), so GoEnv must check them itself.
/// </summary>
public static class ArchitectureLevels
{
    /// <summary>The variables, with the Go version each first appeared in.</summary>
    public static readonly IReadOnlyList<(string Name, int Minor)> Variables =
    [
        (GoVariableNames.GoAmd64, 18), (GoVariableNames.GoArm, 0), (GoVariableNames.GoArm64, 23), (GoVariableNames.Go386, 0),
        (GoVariableNames.GoMips, 0), (GoVariableNames.GoMips64, 0), (GoVariableNames.GoPpc64, 0), (GoVariableNames.GoRiscv64, 23),
        (GoVariableNames.GoWasm, 0),
    ];

    /// <summary>Go's error text for a bad value (without "go: "), or null when valid for that Go version.</summary>
    public static string? Validate(string name, string value, GoVersion? version)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var v = version ?? GoVersion.Parse("1.27")!;
        switch (name)
        {
            case GoVariableNames.GoAmd64:
                return value is "v1" or "v2" or "v3" or "v4" ? null : "invalid GOAMD64: must be v1, v2, v3, v4";
            case GoVariableNames.GoArm:
                if (v.AtLeast(1, 22))
                {
                    var (level, rest) = Cut(value, ',');
                    return level is "5" or "6" or "7" && (rest is null || rest is "softfloat" or "hardfloat")
                        ? null
                        : "invalid GOARM: must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\"";
                }

                return value is "5" or "6" or "7" ? null : "invalid GOARM: must be 5, 6, 7";
            case GoVariableNames.GoArm64:
                return !v.AtLeast(1, 23) || ValidGoarm64(value) ? null
                    : "invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"";
            case GoVariableNames.Go386:
                return value is "sse2" or "softfloat" ? null
                    : value == "387" ? "unsupported setting GO386=387. Consider using GO386=softfloat instead." : $"unsupported setting GO386={value}";
            case GoVariableNames.GoMips or GoVariableNames.GoMips64:
                return value is "hardfloat" or "softfloat" ? null : $"invalid {name}: must be hardfloat, softfloat";
            case GoVariableNames.GoPpc64:
                return value is "power8" or "power9" or "power10" ? null : "invalid GOPPC64: must be power8, power9, power10";
            case GoVariableNames.GoRiscv64:
                if (!v.AtLeast(1, 23))
                {
                    return null;
                }

                return value is "rva20u64" or "rva22u64" || (value == "rva23u64" && v.AtLeast(1, 25)) ? null
                    : v.AtLeast(1, 25) ? "invalid GORISCV64: must be rva20u64, rva22u64, rva23u64" : "invalid GORISCV64: must be rva20u64, rva22u64";
            case GoVariableNames.GoWasm:
                foreach (var feature in value.Split(','))
                {
                    if (feature.Length > 0 && feature is not "satconv" and not "signext")
                    {
                        return $"invalid GOWASM: no such feature \"{feature}\"";
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool ValidGoarm64(string value)
    {
        var parts = value.Split(',');
        var level = parts[0];
        var ok = level.Length == 4 && level[0] == 'v' && level[2] == '.' && char.IsAsciiDigit(level[3])
            && ((level[1] == '8') || (level[1] == '9' && level[3] <= '5'));
        if (!ok)
        {
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in parts.Skip(1))
        {
            if (option is not "lse" and not "crypto" || !seen.Add(option))
            {
                return false;
            }
        }

        return true;
    }

    private static (string Head, string? Tail) Cut(string s, char sep)
    {
        var i = s.IndexOf(sep, StringComparison.Ordinal);
        return i < 0 ? (s, null) : (s[..i], s[(i + 1)..]);
    }
}
