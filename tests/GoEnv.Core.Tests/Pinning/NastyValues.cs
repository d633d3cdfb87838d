namespace GoEnv.Core.Tests.Pinning;

/// <summary>Values that break naive quoting, and the subset each format promises to carry.</summary>
internal static class NastyValues
{
    /// <summary>Single-line values every format except dotenv accepts.</summary>
    public static Dictionary<string, string> SingleLine() => new()
    {
        ["SPACES"] = "a b  c",
        ["SINGLE"] = "it's 'quoted'",
        ["DOUBLE"] = "say \"hi\"",
        ["BOTH"] = "'\"'\"",
        ["ESCAPED_QUOTE"] = "'\\''",
        ["SUBST"] = "$(rm -rf /)",
        ["BACKTICK"] = "`id` ${HOME} $HOME",
        ["BACKSLASH"] = "C:\\go\\bin\\ \\n \\\\",
        ["PERCENT"] = "%PATH% %s 100%",
        ["STAR"] = "* ? [a-z] ~ ! # ; & | < > ( ) { }",
        ["UNICODE"] = "héllo 日本語 😀 \u00A0nbsp",
        ["SMART_QUOTES"] = "\u2018a\u2019 \u201Ab\u201B ‘’",
        ["LEADING_TRAILING"] = "  padded  ",
        ["TAB"] = "\ta\tb\t",
        ["EMPTY"] = "",
        ["EQUALS"] = "a=b==c=",
        ["GOFLAGS"] = "-mod=readonly -tags=a,b",
        ["lower_case"] = "x",
        ["_under"] = "y",
    };

    /// <summary>Everything above plus line breaks (sh and JSON carry them).</summary>
    public static Dictionary<string, string> MultiLine()
    {
        var values = SingleLine();
        values["NEWLINE"] = "line1\nline2\n";
        values["CRLF"] = "a\r\nb\r";
        values["ONLY_NEWLINE"] = "\n";
        values["QUOTE_NEWLINE"] = "'\n'";
        return values;
    }

    /// <summary>What GitLab's dotenv keeps exactly: no line breaks, no surrounding whitespace/quotes, no '$'.</summary>
    public static Dictionary<string, string> Dotenv() => new()
    {
        ["SPACES"] = "a b  c",
        ["INNER_QUOTES"] = "it's \"x\" 'y'",
        ["BACKTICK"] = "`id`",
        ["BACKSLASH"] = "C:\\go\\bin\\ \\n",
        ["PERCENT"] = "%PATH% 100%",
        ["STAR"] = "* ? [a-z] ~ ! # ; & |",
        ["UNICODE"] = "héllo 日本語 😀",
        ["EMPTY"] = "",
        ["EQUALS"] = "a=b==c=",
        ["GOPROXY"] = "https://proxy.example.com,direct",
        ["lower_case"] = "x",
        ["_under"] = "y",
    };
}
