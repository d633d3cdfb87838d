using System.Text;
using CsCheck;
using GoEnv.Core.Findings;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// Generators for untrusted text: fragments from the alphabet that breaks CI protocols, shells and parsers (line
/// breaks of every kind, NUL, the workflow-command and heredoc markers, quotes of every kind, '$', '\', ESC, bidi
/// overrides, lone surrogates, very long runs) mixed with arbitrary UTF-16 code units and arbitrary code points.
/// </summary>
internal static class Hostile
{
    /// <summary>The dangerous alphabet, as whole tokens so that multi-character markers appear intact.</summary>
    private static readonly string[] s_tokens =
    [
        "\r", "\n", "\r\n", "\n\r", "\0", "\u2028", "\u2029", "\u0085", "\v", "\f", "\t", " ", "  ", "\u00A0", "\u3000", "\uFEFF",
        "%", "%25", "%0A", "%0D", "%3A", "%2C", "%3B", "%5D", "%%", ":", ",", ";", "=", "==", "<<", "<<EOF", "EOF",
        "ghadelimiter_", "ghadelimiter_0123456789abcdef0123456789abcdef", "::", "::error::", "::add-mask::", "::set-env name=X::",
        "::stop-commands::", "::group::", "::endgroup::", "##[", "##[error]", "##[set-output name=x;]", "##vso[", "##VSO[task.setvariable variable=x]", "#", "# ",
        "[", "]", "(", ")", "{", "}", "|", "&", "<", ">", "*", "_", "~", "?", "!", "^",
        "'", "\"", "`", "\u2018", "\u2019", "\u201A", "\u201B", "\u201C", "\u201D", "''", "'\\''", "\\'",
        "$", "$(id)", "${HOME}", "$HOME", "`id`", "$env:PATH", "\\", "\\\\", "\\n", "\\u001b", "\u001b", "\u001b[0K", "\u001b[31m", "\u001b]8;;http://x\u0007",
        "\u0007", "\u0008", "\u007f", "\u009b", "\u202E", "\u2066", "\u200B", "\u200D", "\u2060", "\u00AD",
        "section_start:1:x\r\u001b[0K", "section_end:1:x\r\u001b[0K", "section_start:1700000000:goenv[collapsed=true]\r\u001b[0K",
        "<br>", "<script>", "</code>", "<img src=x onerror=alert(1)>", "](http://evil)", "[x](http://evil)", "![i](http://e/i.png)", "&amp;", "&lt;", "&#x3C;",
        "export ", "GOFLAGS=", "GOPROXY=", "PATH=", "A=B", "\nGOFLAGS=-x\n", "\n::error::forged\n", "\n##[error]forged\n", "\nexport FORGED=1\n", "\n$env:FORGED = '1'\n",
        "https://user:p%40ss@proxy.example.com", "http://", "file:///x", "/", "/../", "..", ".", "C:\\", "\\\\?\\",
        "\uD800", "\uDBFF", "\uDC00", "\uDFFF", "\uD83D\uDE00", "é", "日本語", "\u0130", "\u212A", "\uFFFD", "\uFFFF", "\uFFFE",
    ];

    private static readonly Gen<string> s_token = Gen.OneOf(s_tokens);

    private static readonly Gen<string> s_fragment = Gen.Frequency(
        (8, s_token),
        (3, Gen.Char.Select(c => c.ToString())),
        (3, Gen.String[Gen.Char[' ', '~'], 1, 8]),
        (1, Gen.Int[0x80, 0x10FFFF].Where(cp => cp is < 0xD800 or > 0xDFFF).Select(char.ConvertFromUtf32)));

    private static readonly Gen<string> s_longRun = Gen.Select(s_token, Gen.Int[50, 3_000], (token, n) => string.Concat(Enumerable.Repeat(token, n)));

    /// <summary>Arbitrary text biased to the dangerous alphabet; empty, short, and now and then very long.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (1, Gen.Const("")),
        (12, s_fragment.Array[1, 10].Select(string.Concat)),
        (2, s_fragment.Array[11, 60].Select(string.Concat)),
        (1, Gen.String),
        (1, Gen.Select(s_fragment.Array[0, 5], s_longRun, s_fragment.Array[0, 5], (a, run, b) => string.Concat(a) + run + string.Concat(b))));

    /// <summary>Text without line breaks or NUL, so the writers that refuse those are pushed past the refusal.</summary>
    public static readonly Gen<string> OneLine = Text.Select(t => new string(t.Where(c => c is not ('\r' or '\n' or '\0')).ToArray()));

    /// <summary>Values for writers: hostile text, hostile text without line breaks, and plain printable text.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (3, Text),
        (3, OneLine),
        (1, Gen.String[Gen.Char[' ', '~'], 0, 40]));

    /// <summary>Arbitrary bytes, biased to UTF-8 fragments of the hostile alphabet, a BOM and invalid sequences.</summary>
    public static readonly Gen<byte[]> Bytes = Gen.Frequency(
        (3, Gen.Byte.Array[0, 200]),
        (3, Text.Select(t => Encoding.UTF8.GetBytes(t))),
        (1, Gen.Select(Text, Gen.Byte.Array[0, 8], (t, b) => Encoding.UTF8.Preamble.ToArray().Concat(Encoding.UTF8.GetBytes(t)).Concat(b).ToArray())),
        (1, Gen.Select(Text, Gen.OneOf<byte[]>([0xC0, 0x80], [0xED, 0xA0, 0x80], [0xFF], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]), (t, bad) => Encoding.UTF8.GetBytes(t).Concat(bad).Concat(Encoding.UTF8.GetBytes(t)).ToArray())));

    /// <summary>Variable names as a shell, Go and GitLab accept them ([A-Za-z_][A-Za-z0-9_]*).</summary>
    public static readonly Gen<string> ValidName = Gen.Select(
        Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_"],
        Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"], 0, 12],
        (first, rest) => first + rest);

    /// <summary>Go's own variable names (the ones every writer is really fed) and names that collide with our reserved ones.</summary>
    public static readonly Gen<string> GoName = Gen.OneOf(
        "GOFLAGS", "GOPROXY", "GOSUMDB", "GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOTOOLCHAIN", "GOROOT", "GOPATH", "GOCACHE",
        "GOMODCACHE", "GOENV", "GOOS", "GOARCH", "CGO_ENABLED", "GOAMD64", "GOWORK", "GOEXPERIMENT", "GOINSECURE", "GOVCS",
        "GOENV_PIN_SHA256", "GOENV_PIN_EMPTY", "GODEBUG", "TESTGO_X", "GO111MODULE", "GOTMPDIR", "GOBIN", "GOAUTH");

    /// <summary>Names: mostly valid, sometimes Go's, sometimes anything at all.</summary>
    public static readonly Gen<string> Name = Gen.Frequency((6, ValidName), (3, GoName), (1, Text));

    private static readonly Gen<int> s_edgeInt = Gen.OneOf(0, 1, -1, int.MaxValue, int.MaxValue - 1, int.MinValue);

    /// <summary>The workspace / repository root the report generators are given.</summary>
    public const string Workspace = "/ws/repo";

    /// <summary>File names a finding may carry: inside the workspace (absolute or relative), outside it, or anything.</summary>
    public static readonly Gen<string?> AnyFile = Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (3, Text.Select(t => (string?)(Workspace + "/" + t))),
        (2, Text.Select(t => (string?)t)),
        (1, Gen.OneOf<string?>("go.mod", "/home/u/.config/go/env", "../outside/go.mod", Workspace, Workspace + "/", "=go.mod", "sub dir/go.work", "a\\b\\go.mod")));

    /// <summary>Findings with arbitrary text everywhere a finding holds text; rule ids mostly from the catalog.</summary>
    public static readonly Gen<Finding> AnyFinding = Gen.Select(
        Gen.Frequency((4, Gen.OneOf(RuleCatalog.All.Select(r => r.Id).ToArray())), (1, Text)),
        Gen.OneOf(Severity.Error, Severity.Warning, Severity.Notice),
        Gen.Frequency((2, Gen.Const((string?)null)), (3, GoName.Select(n => (string?)n)), (1, Text.Select(t => (string?)t))),
        Text,
        Text,
        AnyFile,
        Gen.Frequency((3, Gen.Int[0, 500]), (1, Gen.Int[int.MinValue, int.MaxValue]), (1, s_edgeInt)),
        Gen.Frequency((3, Gen.Int[0, 80]), (1, Gen.Int[int.MinValue, int.MaxValue]), (1, s_edgeInt)),
        (id, severity, variable, message, fix, file, line, column) => new Finding(id, severity, variable, message, fix, file, line, column));
}
