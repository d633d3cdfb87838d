using System.Text;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// GitHub Actions workflow command lines (`::name k=v,k=v::data`), escaped exactly like the toolkit
/// (`@actions/core` command.ts) so the runner's `ActionCommand.TryParseV2` decodes every input back unchanged —
/// except `##[` and `##vso[`, which <see cref="LogText.BreakLegacyCommands"/> breaks first (the runner falls back to
/// the legacy parser, which finds them anywhere in a line).
/// </summary>
/// <remarks>
/// ci-protocols.md §2.2: data escapes `%` (first), CR, LF; properties also `:` and `,`. The runner decodes `%25`
/// last, so escaping `%` first round-trips any text, including a literal `%0A`. Escaping also keeps a command on
/// one line: a CR or LF in a title or message can no longer end the line and start a forged command after it.
/// Write each line to stdout, at the start of a fresh line (§2.1).
/// Two runner quirks no escape can reach (ActionCommand.TryParseV2): a property value's leading '=' is dropped
/// (each property is split with Split('=', 2, RemoveEmptyEntries)), and so is trailing white space of the last
/// property (the list is Trim()med).
/// </remarks>
public static class GitHubCommand
{
    /// <summary>Ends the group opened by <see cref="Group"/>. Groups do not nest (§2.3).</summary>
    public const string EndGroup = "::endgroup::";

    /// <summary>Escapes text for the data part (after the second `::`): `%`→`%25`, CR→`%0D`, LF→`%0A`.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%25", StringComparison.Ordinal)
                    .Replace("\r", "%0D", StringComparison.Ordinal)
                    .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    /// <summary>Escapes a property value: as data, plus `:`→`%3A` and `,`→`%2C` (which would end the value or the properties).</summary>
    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal)
                         .Replace(",", "%2C", StringComparison.Ordinal);

    /// <summary>
    /// `::command k=v,k=v::message`. Properties whose value is null or empty are left out, like the toolkit
    /// (which skips falsy values); the space after the command is written only when a property follows.
    /// </summary>
    /// <exception cref="ArgumentException">The command or a property key is not a plain name (letters, digits, `-`, `_`):
    /// those are ours, never untrusted text, and cannot be escaped.</exception>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string message)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(message);
        RequirePlainName(command, nameof(command));
        var sb = new StringBuilder("::").Append(command);
        var first = true;
        foreach (var (key, value) in properties)
        {
            RequirePlainName(key, nameof(properties));
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(first ? ' ' : ',').Append(key).Append('=').Append(EscapeProperty(LogText.BreakLegacyCommands(value)));
            first = false;
        }

        return sb.Append("::").Append(EscapeData(LogText.BreakLegacyCommands(message))).ToString();
    }

    /// <summary>
    /// `::add-mask::secret`, escaped as data so a multi-line secret reaches the runner whole: it then masks the
    /// whole value and each of its lines (§2.6). A raw line break would mask the first line only.
    /// </summary>
    /// <exception cref="ArgumentException">The secret is empty or white space (the runner only warns "Can't add secret mask for empty string").</exception>
    public static string AddMask(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("An empty or white-space secret cannot be masked.", nameof(secret));
        }

        return "::add-mask::" + EscapeData(secret);
    }

    /// <summary>`::group::title`; the runner folds what follows up to <see cref="EndGroup"/>.</summary>
    public static string Group(string title) => "::group::" + EscapeData(LogText.BreakLegacyCommands(title));

    private static void RequirePlainName(string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"'{name}' is not a command or property name (ASCII letters, digits, '-', '_').", parameter);
        }
    }
}
