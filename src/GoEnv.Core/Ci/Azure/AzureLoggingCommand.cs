using System.Text;

namespace GoEnv.Core.Ci.Azure;

/// <summary>
/// Azure Pipelines logging commands, `##vso[area.action k=v;k=v]data` (ci-protocols.md §4), escaped as
/// azure-pipelines-task-lib's taskcommand.ts escapes them: data `%`→`%AZP25`, CR→`%0D`, LF→`%0A`; property values
/// also `;`→`%3B` and `]`→`%5D`, the two characters that would end a value or the properties. The agent decodes
/// `%AZP25` (its DECODE_PERCENTS knob, on by default since 2021). A command is one line: nothing in a value can end
/// it, add a property, or start another command.
/// </summary>
public static class AzureLoggingCommand
{
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace("%", "%AZP25", StringComparison.Ordinal)
                    .Replace("\r", "%0D", StringComparison.Ordinal)
                    .Replace("\n", "%0A", StringComparison.Ordinal);
    }

    public static string EscapeProperty(string value) =>
        EscapeData(value).Replace(";", "%3B", StringComparison.Ordinal)
                         .Replace("]", "%5D", StringComparison.Ordinal);

    /// <summary>`##vso[area.action k=v;…]data`; properties with a null or empty value are left out.</summary>
    /// <exception cref="ArgumentException">The command or a key is not a plain name: those are ours, never untrusted text.</exception>
    public static string Format(string command, IEnumerable<KeyValuePair<string, string?>> properties, string data)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(data);
        RequirePlainName(command);
        var sb = new StringBuilder("##vso[").Append(command);
        var first = true;
        foreach (var (key, value) in properties)
        {
            RequirePlainName(key);
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(first ? ' ' : ';').Append(key).Append('=').Append(EscapeProperty(value));
            first = false;
        }

        return sb.Append(']').Append(EscapeData(data)).ToString();
    }

    private static void RequirePlainName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException($"'{name}' is not a plain command or property name.", nameof(name));
        }
    }
}
