using GoEnv.Core.Go;

namespace GoEnv.Core.Modules;

/// <summary>
/// Which .go files a build for the target takes (go/build's Context.MatchFile without the file system): file-name
/// GOOS/GOARCH suffixes, `//go:build` expressions (or `// +build` lines in files without one), build tags from
/// GOFLAGS' -tags, cgo, and the go1.N release tags of the running release.
/// </summary>
public sealed class BuildContext
{
    // go/build/syslist.go (the lists decide which file-name suffixes are constraints).
    private static readonly HashSet<string> s_knownOs = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos"];
    private static readonly HashSet<string> s_unixOs = ["aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd", "openbsd", "solaris"];
    private static readonly HashSet<string> s_knownArch = ["386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x", "sparc", "sparc64", "wasm"];

    private readonly HashSet<string> _tags;

    public BuildContext(string goos, string goarch, bool cgo, GoVersion? release, IEnumerable<string> tags)
    {
        Goos = goos;
        Goarch = goarch;
        Cgo = cgo;
        _tags = [.. tags, "gc"];
        for (var minor = 1; release is not null && minor <= release.Minor && release.Major == 1; minor++)
        {
            _tags.Add("go1." + minor);
        }
    }

    public string Goos { get; }

    public string Goarch { get; }

    public bool Cgo { get; }

    /// <summary>go/build's goodOSArchFile: `name_GOOS`, `name_GOARCH`, `name_GOOS_GOARCH` (and `_test` before .go) must match.</summary>
    public bool MatchesFileName(string fileName)
    {
        var name = fileName.EndsWith(".go", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0)
        {
            return true;
        }

        var parts = name[underscore..].Split('_');
        var n = parts.Length;
        if (n >= 2 && parts[n - 1] == "test")
        {
            n--;
        }

        if (n >= 3 && s_knownOs.Contains(parts[n - 2]) && s_knownArch.Contains(parts[n - 1]))
        {
            return MatchTag(parts[n - 2]) && MatchTag(parts[n - 1]);
        }

        if (n >= 2 && (s_knownOs.Contains(parts[n - 1]) || s_knownArch.Contains(parts[n - 1])))
        {
            return MatchTag(parts[n - 1]);
        }

        return true;
    }

    /// <summary>go/build's matchTag for one build tag.</summary>
    public bool MatchTag(string name) => name switch
    {
        "cgo" => Cgo,
        "unix" => s_unixOs.Contains(Goos),
        "linux" => Goos is "linux" or "android",
        "solaris" => Goos is "solaris" or "illumos",
        "darwin" => Goos is "darwin" or "ios",
        _ => name == Goos || name == Goarch || _tags.Contains(name),
    };

    /// <summary>Evaluates a `//go:build` expression (|| && ! parentheses); an expression that does not parse excludes the file, as go/build does.</summary>
    public bool MatchExpression(string expression)
    {
        var position = 0;
        try
        {
            var result = Or(expression, ref position);
            SkipSpace(expression, ref position);
            return position == expression.Length && result;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A `// +build` line: space-separated options OR'ed, comma-separated terms AND'ed, `!` negates.</summary>
    public bool MatchPlusBuildLine(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(option =>
            option.Split(',').All(term => term.StartsWith('!') ? !MatchTag(term[1..]) : MatchTag(term)));

    private bool Or(string s, ref int i)
    {
        var value = And(s, ref i);
        while (Accept(s, ref i, "||"))
        {
            value |= And(s, ref i);
        }

        return value;
    }

    private bool And(string s, ref int i)
    {
        var value = Not(s, ref i);
        while (Accept(s, ref i, "&&"))
        {
            value &= Not(s, ref i);
        }

        return value;
    }

    private bool Not(string s, ref int i)
    {
        if (Accept(s, ref i, "!"))
        {
            return !Not(s, ref i);
        }

        if (Accept(s, ref i, "("))
        {
            var value = Or(s, ref i);
            return Accept(s, ref i, ")") ? value : throw new FormatException();
        }

        SkipSpace(s, ref i);
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '.'))
        {
            i++;
        }

        return i > start ? MatchTag(s[start..i]) : throw new FormatException();
    }

    private static bool Accept(string s, ref int i, string token)
    {
        SkipSpace(s, ref i);
        if (string.CompareOrdinal(s, i, token, 0, token.Length) == 0)
        {
            i += token.Length;
            return true;
        }

        return false;
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }
}
