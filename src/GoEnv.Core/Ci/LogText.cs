using System.Text;

namespace GoEnv.Core.Ci;

/// <summary>
/// The one sanitiser for untrusted text (values, Go's messages, file contents, paths) printed to a CI log.
/// A line it returns cannot start or forge a workflow command on GitHub (`::cmd` after trimming, `##[cmd]`
/// anywhere), Azure (`##vso[` anywhere) or GitLab, and cannot end, erase or recolour a log line.
/// </summary>
/// <remarks>
/// ci-protocols.md §7.1: (1) CR and LF never reach the log raw (the runner's ReadLine ends a line at a bare CR
/// too, and GitLab's renderer erases the line); (2) a line whose trimmed start is `::` gets a visible `│ ` marker;
/// (3) `##[` and `##vso[` are broken with a space after the first '#'; (4) ESC and every other control
/// character except tab is shown as a visible escape (`\e`, `\u0007`, …).
/// </remarks>
public static class LogText
{
    /// <summary>A visible, non-white-space marker: the runner trims white space before looking for `::`.</summary>
    public const string CommandMarker = "│ ";

    /// <summary>One line of untrusted text, safe to print: line breaks are shown as `\n`/`\r`.</summary>
    public static string Line(string? untrusted)
    {
        if (string.IsNullOrEmpty(untrusted))
        {
            return "";
        }

        var sb = new StringBuilder(untrusted.Length + 8);
        AppendEscaped(sb, untrusted);
        return Guard(sb.ToString());
    }

    /// <summary>Multi-line untrusted text as safe lines (split at LF, CRLF or a bare CR, like the runner).</summary>
    public static IReadOnlyList<string> Lines(string? untrusted)
    {
        if (string.IsNullOrEmpty(untrusted))
        {
            return [""];
        }

        return untrusted.ReplaceLineEndings("\n").Split('\n').Select(Line).ToList();
    }

    /// <summary>
    /// Control characters of one line shown as visible escapes (`\e`, `\r`, `\n`, `\u0007`, …; tab kept), without the
    /// workflow-command guard of <see cref="Line"/>: for text that a protocol's own encoding carries (annotation messages).
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c != '\t' && char.IsControl(c)))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            if (c == '\t' || !char.IsControl(c))
            {
                sb.Append(c);
                continue;
            }

            sb.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\u001b' => "\\e",
                _ => $"\\u{(int)c:x4}",
            });
        }
    }

    /// <summary>
    /// Breaks the legacy `##[cmd]` and Azure `##vso[` syntaxes, which runners find anywhere in a line, with a space
    /// after the first '#'. Also for the data of our own workflow commands: the runner tries the legacy parser on a
    /// line the `::` parser rejects. A visible space, not a zero-width character: the runner searches with ICU's
    /// culture-sensitive IndexOf, which skips ignorable characters such as U+2060 and still finds `##[`.
    /// </summary>
    public static string BreakLegacyCommands(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return !text.Contains("##", StringComparison.Ordinal) ? text
            : text.Replace("##[", "# #[", StringComparison.Ordinal)
                  .Replace("##vso[", "# #vso[", StringComparison.OrdinalIgnoreCase);
    }

    private static string Guard(string line)
    {
        line = BreakLegacyCommands(line);
        return line.AsSpan().TrimStart().StartsWith("::", StringComparison.Ordinal) ? CommandMarker + line : line;
    }
}
