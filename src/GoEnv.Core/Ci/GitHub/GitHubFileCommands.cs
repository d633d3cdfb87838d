using System.Security.Cryptography;
using System.Text;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// Writes the runner's file commands: GITHUB_ENV (variables for later steps), GITHUB_OUTPUT (step outputs) and
/// GITHUB_PATH (directories put first on PATH), as ci-protocols.md §2.4 and §7.2 prescribe.
/// </summary>
/// <remarks>
/// <para>
/// ENV and OUTPUT records use the heredoc form `NAME&lt;&lt;ghadelimiter_&lt;32 hex&gt;\nvalue\nDELIM\n` with a fresh
/// CSPRNG delimiter per record (CVE-2022-35954: a fixed delimiter let a value smuggle in more variables); a delimiter
/// that occurs in the name or value is never written, a new one is drawn. GITHUB_PATH has no escaping at all, so
/// anything that could split or extend an entry is refused.
/// </para>
/// <para>
/// Every record of a call is validated before any byte is written: a refusal throws
/// <see cref="GitHubFileCommandException"/> and leaves the file as it was. The records are then appended with one
/// write (UTF-8 without BOM, LF only) to the file the runner created; a missing file is a
/// <see cref="FileNotFoundException"/>, not created. The runner applies these files after the step even when it
/// fails (§2.4), so callers write them only for a run that passed.
/// </para>
/// </remarks>
public static class GitHubFileCommands
{
    /// <summary>Our delimiter prefix, the toolkit's: `ghadelimiter_` and 32 hex digits from a CSPRNG.</summary>
    public const string DelimiterPrefix = "ghadelimiter_";

    private const int MaxDelimiterAttempts = 8;

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Names never exported whatever the allow-list says (compared case-insensitively, prefixes end in '_' or '*'):
    /// the runner rejects or overrides them, or a later step's shell, loader or runtime executes what they say (§7.2).
    /// </summary>
    private static readonly string[] s_deniedNames =
    [
        "NODE_OPTIONS", "PATH", "CI", "BASH_ENV", "ENV", "PROMPT_COMMAND", "PERL5OPT", "PERL5LIB", "PYTHONSTARTUP",
        "PYTHONPATH", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "DOTNET_STARTUP_HOOKS", "RUBYOPT", "SHELLOPTS", "BASHOPTS",
        "IFS", "HOME", "GITHUB_*", "RUNNER_*", "ACTIONS_*", "LD_*", "DYLD_*", "GIT_*", "BASH_FUNC_*",
    ];

    /// <summary>
    /// Appends variables to GITHUB_ENV. Names: `^(GO|CGO_)[A-Z0-9_]*$` only (which includes our own GOENV_ prefix),
    /// never one of the denied names. Values: one line of text, no CR, LF or NUL (Go settings never hold a line
    /// break, and on a Linux runner a CR would stay in the value).
    /// </summary>
    public static void AppendEnv(string path, IReadOnlyList<KeyValuePair<string, string>> variables) =>
        AppendEnv(path, variables, NewDelimiter);

    /// <summary>
    /// Appends step outputs to GITHUB_OUTPUT. Names: `^[A-Za-z_][A-Za-z0-9_-]*$`. Values may span lines (JSON, say)
    /// but hold no CR (kept in the value on a Linux runner, dropped on a Windows one) and no NUL.
    /// </summary>
    public static void AppendOutputs(string path, IReadOnlyList<KeyValuePair<string, string>> outputs) =>
        AppendOutputs(path, outputs, NewDelimiter);

    /// <summary>
    /// Appends directories to GITHUB_PATH, one per line. The runner puts them before PATH in reverse order: the
    /// last one appended comes first. Each must be an absolute path without CR, LF, NUL or the PATH list
    /// separator (':' on Unix, ';' on Windows), which would split it into two entries.
    /// </summary>
    public static void AppendPath(string path, IReadOnlyList<string> directories)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(directories);
        var text = new StringBuilder();
        for (var i = 0; i < directories.Count; i++)
        {
            var directory = directories[i];
            var entry = $"GITHUB_PATH entry {i + 1}";
            if (string.IsNullOrEmpty(directory))
            {
                throw Refused(entry, "is empty");
            }

            RequireText(directory, entry, "path");
            if (directory.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                throw Refused(entry, "contains a line break or NUL; GITHUB_PATH has no escaping, so it would become several entries");
            }

            if (directory.Contains(Path.PathSeparator, StringComparison.Ordinal))
            {
                throw Refused(entry, $"contains '{Path.PathSeparator}', the PATH list separator, so PATH would get two entries");
            }

            if (!Path.IsPathFullyQualified(directory))
            {
                throw Refused(entry, "is not an absolute path; the runner would resolve it against whatever directory each later step runs in");
            }

            text.Append(directory).Append('\n');
        }

        Write(path, text, "GITHUB_PATH");
    }

    internal static void AppendEnv(string path, IReadOnlyList<KeyValuePair<string, string>> variables, Func<string> newDelimiter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(variables);
        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in variables)
        {
            RequireEnvName(name);
            RequireUnique(seen, name, "GITHUB_ENV");
            ArgumentNullException.ThrowIfNull(value, name);
            RequireText(value, name, "value");
            if (value.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0)
            {
                throw Refused(name, "has a value with a line break or NUL, which no Go setting holds");
            }

            AppendRecord(text, name, value, newDelimiter);
        }

        Write(path, text, "GITHUB_ENV");
    }

    internal static void AppendOutputs(string path, IReadOnlyList<KeyValuePair<string, string>> outputs, Func<string> newDelimiter)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(outputs);
        var text = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in outputs)
        {
            if (!IsOutputName(name))
            {
                throw Refused(Shown(name), "is not an output name ([A-Za-z_][A-Za-z0-9_-]*)");
            }

            // Output names are case-insensitive in expressions (steps.x.outputs.Name), so two spellings collide.
            RequireUnique(seen, name, "GITHUB_OUTPUT");
            ArgumentNullException.ThrowIfNull(value, name);
            RequireText(value, name, "value");
            if (value.AsSpan().IndexOfAny('\r', '\0') >= 0)
            {
                throw Refused(name, "has a value with a CR or NUL (a Linux runner keeps the CR in the value, a Windows one drops it)");
            }

            AppendRecord(text, name, value, newDelimiter);
        }

        Write(path, text, "GITHUB_OUTPUT");
    }

    /// <summary>True for a name GITHUB_ENV may carry: GO… or CGO_… in upper case, and not denied.</summary>
    public static bool IsExportableName(string? name) => IsAllowListed(name) && DenialReason(name!) is null;

    private static void RequireEnvName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw Refused("(empty)", "is not a variable name");
        }

        if (DenialReason(name) is { } reason)
        {
            throw Refused(Shown(name), reason);
        }

        if (!IsAllowListed(name))
        {
            throw Refused(Shown(name), "is not a Go variable: only ^(GO|CGO_)[A-Z0-9_]*$ is exported");
        }
    }

    private static bool IsAllowListed(string? name) =>
        name is not null
        && (name.StartsWith("GO", StringComparison.Ordinal) || name.StartsWith("CGO_", StringComparison.Ordinal))
        && name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');

    private static string? DenialReason(string name)
    {
        foreach (var denied in s_deniedNames)
        {
            var matches = denied.EndsWith('*')
                ? name.StartsWith(denied[..^1], StringComparison.OrdinalIgnoreCase)
                : name.Equals(denied, StringComparison.OrdinalIgnoreCase);
            if (matches)
            {
                return $"is never exported ({denied}): the runner rejects or overrides it, or a later step would execute what it says";
            }
        }

        return null;
    }

    private static bool IsOutputName(string? name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static void RequireUnique(HashSet<string> seen, string name, string file)
    {
        if (!seen.Add(name))
        {
            // The runner keeps the last one; which value wins must not depend on the caller's order.
            throw Refused(name, $"is given twice for {file}");
        }
    }

    /// <summary>Refuses text with no faithful UTF-8 form (a lone surrogate would be written as U+FFFD).</summary>
    private static void RequireText(string text, string name, string what)
    {
        if (!ReportText.IsWellFormedUtf16(text))
        {
            throw Refused(name, $"has a {what} that is not valid Unicode (a lone surrogate) and cannot be written as UTF-8");
        }
    }

    private static void AppendRecord(StringBuilder text, string name, string value, Func<string> newDelimiter)
    {
        for (var attempt = 0; attempt < MaxDelimiterAttempts; attempt++)
        {
            var delimiter = newDelimiter();
            if (string.IsNullOrEmpty(delimiter)
                || delimiter.AsSpan().IndexOfAny('\r', '\n', '\0') >= 0
                || name.Contains(delimiter, StringComparison.Ordinal)
                || value.Contains(delimiter, StringComparison.Ordinal))
            {
                continue;
            }

            // "\n" on every runner OS: the Windows runner takes LF as well as CRLF, the others only LF.
            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append('\n')
                .Append(delimiter).Append('\n');
            return;
        }

        throw Refused(name, "collides with every heredoc delimiter drawn for it");
    }

    private static string NewDelimiter() => DelimiterPrefix + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private static void Write(string path, StringBuilder text, string what)
    {
        if (text.Length == 0)
        {
            return;
        }

        AppendOnlyFile.Append(path, s_utf8NoBom.GetBytes(text.ToString()), what);
    }

    /// <summary>A name as it may appear in a message: one safe log line, not too long.</summary>
    private static string Shown(string name) => LogText.Line(name.Length > 80 ? name[..80] + "…" : name);

    private static GitHubFileCommandException Refused(string name, string reason) =>
        new($"'{name}' {reason}; nothing was written.", name);
}
