using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoEnv.Core.Pinning;

/// <summary>
/// Renders a <see cref="PinnedEnvironment"/> in one of the <see cref="EnvFileFormat"/>s, byte-identical for the same
/// input: ordinal-sorted names, LF line ends, UTF-8 without BOM, nothing taken from the clock or the machine.
/// </summary>
/// <remarks>
/// Format decisions (sources: shared/reference/ci-protocols.md §3.1, go-env.md §0):
/// <list type="bullet">
/// <item>dotenv has no header: GitLab's parser rejects the whole artifact for a comment or a blank line. Its first
/// line is `GOENV_PIN_SHA256=&lt;hash&gt;` instead, so jobs that `needs:` the pin job see which pin they run under and
/// `tail -n +2 goenv.env | sha256sum` reproduces the hash. It costs one of GitLab's 20 default variables; the Go
/// version is left out (it would cost another, and the pinned GOROOT already fixes the toolchain).</item>
/// <item>pwsh refuses CR and LF: a single-quoted literal could span lines, but a checkout with core.autocrlf turns
/// the LF inside it into CRLF and silently changes the value. Go settings never need line breaks (`go env -w`
/// refuses them too).</item>
/// <item>NUL is refused everywhere: no process environment can carry it.</item>
/// </list>
/// </remarks>
public static class EnvFileWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// PowerShell ends a single-quoted string at any of these (its tokenizer's IsSingleQuote), not only at '\'';
    /// each is escaped by doubling, like '\''.
    /// </summary>
    private const string PwshSingleQuotes = "'\u2018\u2019\u201A\u201B";

    /// <summary>Read by cmd/go from the OS environment only, never from a go/env file (go-env.md §0).</summary>
    private static readonly HashSet<string> s_osOnlyForGo = new(StringComparer.Ordinal) { "GOENV", "GODEBUG", "GOPACKAGESDRIVER", "GOROOT_FINAL" };

    /// <summary>
    /// Renders the file. The whole file is refused when any variable cannot be carried exactly: then
    /// <paramref name="problems"/> lists every such variable, the result is empty and the caller must write nothing
    /// (a file with a variable silently left out would pin less than it claims).
    /// </summary>
    public static byte[] Render(PinnedEnvironment env, EnvFileFormat format, out IReadOnlyList<EnvFileProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(env);
        var found = new List<EnvFileProblem>();
        foreach (var (name, value) in env.Variables)
        {
            Check(format, name, value, found);
        }

        problems = found;
        if (found.Count > 0)
        {
            return [];
        }

        return format switch
        {
            EnvFileFormat.Dotenv => s_utf8.GetBytes(Lines(PinHeader.DotenvHashVariable + "=" + env.ContentHash(), env, (n, v) => n + "=" + v)),
            EnvFileFormat.Sh => s_utf8.GetBytes(Lines(PinHeader.Comment(env), env, (n, v) => "export " + n + "=" + ShQuote(v))),
            EnvFileFormat.Pwsh => s_utf8.GetBytes(Lines(PinHeader.Comment(env), env, (n, v) => "$env:" + n + " = " + PwshQuote(v))),
            EnvFileFormat.GoEnv => s_utf8.GetBytes(Lines(PinHeader.Comment(env), env, (n, v) => n + "=" + v)),
            EnvFileFormat.Json => Json(env),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    /// <summary>POSIX single quotes keep every byte literally; only '\'' itself needs closing, escaping and reopening.</summary>
    internal static string ShQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    internal static string PwshQuote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            quoted.Append(c);
            if (PwshSingleQuotes.Contains(c, StringComparison.Ordinal))
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    private static void Check(EnvFileFormat format, string name, string value, List<EnvFileProblem> problems)
    {
        if (value.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(new(name, "the value contains a NUL character, which no process environment can carry"));
        }

        if (value.Contains('\uFFFD', StringComparison.Ordinal))
        {
            // .NET decodes the environment as UTF-8 and turns invalid bytes into U+FFFD (so does `go env -json`):
            // the bytes Go really sees are lost, and the file would pin a different value.
            problems.Add(new(name, "the value holds bytes that are not UTF-8 (read as U+FFFD), so the file cannot reproduce it"));
        }

        var lineBreak = value.AsSpan().IndexOfAny('\r', '\n') >= 0;
        switch (format)
        {
            case EnvFileFormat.Dotenv:
                if (name == PinHeader.DotenvHashVariable)
                {
                    problems.Add(new(name, $"{name} is reserved: the dotenv file carries the pin's content hash in it"));
                }

                if (name.Length > 255)
                {
                    problems.Add(new(name, "GitLab dotenv keys are at most 255 characters"));
                }

                if (lineBreak)
                {
                    problems.Add(new(name, "the value contains a line break; GitLab dotenv has no multi-line values"));
                }

                if (!lineBreak && value.Length > 0 && (IsRubyStripped(value[0]) || IsRubyStripped(value[^1])))
                {
                    problems.Add(new(name, "the value starts or ends with whitespace, which GitLab's dotenv parser strips"));
                }

                if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
                {
                    problems.Add(new(name, "the value is wrapped in quotes: GitLab keeps them, other dotenv readers remove them"));
                }

                if (value.Contains('$', StringComparison.Ordinal))
                {
                    // Dotenv variables are stored with raw: false, so GitLab may expand $NAME in consuming jobs
                    // (ci-protocols.md §3.1 "Value expansion", not verified on a runner): refuse rather than drift.
                    problems.Add(new(name, "the value contains '$', which GitLab may expand as a variable reference in later jobs"));
                }

                break;
            case EnvFileFormat.Pwsh when lineBreak:
                problems.Add(new(name, "the value contains a line break; the PowerShell format refuses them (a CRLF checkout would change the value)"));
                break;
            case EnvFileFormat.GoEnv:
                if (name[0] is < 'A' or > 'Z')
                {
                    problems.Add(new(name, "Go's env-file reader ignores lines that do not start with A-Z"));
                }

                if (s_osOnlyForGo.Contains(name) || name.StartsWith("TESTGO_", StringComparison.Ordinal))
                {
                    problems.Add(new(name, $"cmd/go reads {name} only from the OS environment, never from a go/env file"));
                }

                if (value.AsSpan().IndexOfAny('\r', '\n', '\v') >= 0)
                {
                    // readEnvFile splits at '\n' and keeps '\r'; `go env -w` refuses all three ("invalid newline").
                    problems.Add(new(name, "the value contains a line break, which a go/env file cannot carry"));
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Ruby's String#strip set (GitLab strips dotenv keys and values with it): ASCII whitespace and NUL.</summary>
    private static bool IsRubyStripped(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\0';

    private static string Lines(string header, PinnedEnvironment env, Func<string, string, string> line)
    {
        var text = new StringBuilder().Append(header).Append('\n');
        foreach (var (name, value) in env.Variables)
        {
            text.Append(line(name, value)).Append('\n');
        }

        return text.ToString();
    }

    private static byte[] Json(PinnedEnvironment env)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("goVersion", env.GoVersion);
            json.WriteString("sha256", env.ContentHash());
            json.WriteStartObject("environment");
            foreach (var (name, value) in env.Variables)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        var bytes = stream.ToArray();

        // net8's Utf8JsonWriter indents with Environment.NewLine. Raw CR/LF can only be layout (strings escape
        // them), so folding CRLF keeps the bytes the same on Windows.
        return Environment.NewLine == "\n" ? bytes : s_utf8.GetBytes(s_utf8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
