using System.Text;

namespace GoEnv.Tests.Ci;

/// <summary>
/// Faithful C# ports of the GitHub Actions runner's own parsers, so tests check what we write against what the
/// runner reads instead of against our own idea of the format.
/// </summary>
/// <remarks>
/// Source: actions/runner v2.336.0 (commit 258d6c857db3519913f7deb6004b60172f8043ae), ci-protocols.md §2.1–2.4:
/// `Runner.Worker/FileCommandManager.cs` (`EnvFileKeyValuePairs`, Linux/macOS branch: no CRLF handling;
/// `AddPathFileCommand`; `Handler.AddPrependPathToEnvironment`), `Runner.Common/ActionCommand.cs` (`TryParseV2`,
/// `TryParse`, the unescape tables), `Runner.Worker/ActionCommandManager.cs` (registered names, case-insensitive),
/// `Runner.Sdk/ProcessInvoker.cs` (`StreamReader.ReadLine`). Uses no GoEnv code.
/// <para>
/// One deliberate difference: the runner's `StartsWith("::")`, `IndexOf("::", 2)` and `IndexOf("##[")` are
/// culture-sensitive and the runner runs with ICU, where ignorable characters (U+00AD, U+200B, U+200D, U+2060,
/// U+FEFF) match nothing: `"\u200B::error::x".StartsWith("::")` and `"#\u2060#[error]x".IndexOf("##[") == 0` hold
/// there (checked with .NET 10 and ICU 72, en-US). This port is ordinal (the test projects run invariant). It still
/// accepts the same commands: the runner slices the name at a fixed offset (2 after `::`, 3 after `##[`), so when
/// a match needs an ignorable character the name starts with ':', '#', '[' or that character, and no registered
/// name does.
/// </para>
/// </remarks>
internal static class GitHubRunner
{
    /// <summary>Command names the runner acts on (`ActionCommandManager._registeredCommands`, OrdinalIgnoreCase).</summary>
    public static readonly IReadOnlySet<string> RegisteredCommands = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "stop-commands", "set-env", "set-output", "save-state", "add-mask", "add-path", "add-matcher", "remove-matcher",
        "debug", "echo", "warning", "error", "notice", "group", "endgroup",
    };

    /// <summary>
    /// The records of a GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE file in file order, duplicates included, exactly as
    /// `EnvFileKeyValuePairs` yields them. Throws <see cref="InvalidDataException"/> with the runner's message where
    /// the runner throws (the step then fails with "Unable to process file command").
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> ParseEnvFileRecords(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var records = new List<(string, string)>();
        var index = 0;
        var line = ReadEnvLine(content, ref index, out _);
        while (line is not null)
        {
            if (line.Length > 0)
            {
                var equalsIndex = line.IndexOf('=', StringComparison.Ordinal);
                var heredocIndex = line.IndexOf("<<", StringComparison.Ordinal);
                if (equalsIndex >= 0 && (heredocIndex < 0 || equalsIndex < heredocIndex))
                {
                    // NAME=VALUE. The runner's empty-name check tests the line, not the name, so "=x" passes here.
                    var split = line.Split('=', 2);
                    records.Add((split[0], split[1]));
                }
                else if (heredocIndex >= 0 && (equalsIndex < 0 || heredocIndex < equalsIndex))
                {
                    var split = line.Split("<<", 2);
                    if (split[0].Length == 0 || split[1].Length == 0)
                    {
                        throw new InvalidDataException($"Invalid format '{line}'. Name must not be empty and delimiter must not be empty");
                    }

                    var delimiter = split[1];
                    var startIndex = index;
                    var endIndex = index;
                    var tempLine = ReadEnvLine(content, ref index, out var newline);
                    while (!string.Equals(tempLine, delimiter, StringComparison.Ordinal))
                    {
                        if (tempLine is null)
                        {
                            throw new InvalidDataException($"Invalid value. Matching delimiter not found '{delimiter}'");
                        }

                        if (newline is null)
                        {
                            throw new InvalidDataException("Invalid value. EOF marker missing new line.");
                        }

                        endIndex = index - newline.Length;
                        tempLine = ReadEnvLine(content, ref index, out newline);
                    }

                    records.Add((split[0], endIndex > startIndex ? content[startIndex..endIndex] : ""));
                }
                else
                {
                    throw new InvalidDataException($"Invalid format '{line}'");
                }
            }

            line = ReadEnvLine(content, ref index, out _);
        }

        return records;
    }

    /// <summary>
    /// What the file sets: <see cref="ParseEnvFileRecords"/> applied to a dictionary as the runner does (the last
    /// value of a name wins; Linux compares names ordinally), in order of first appearance.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> ParseEnvFile(string content)
    {
        var result = new List<(string Name, string Value)>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, value) in ParseEnvFileRecords(content))
        {
            if (position.TryGetValue(name, out var i))
            {
                result[i] = (name, value);
            }
            else
            {
                position[name] = result.Count;
                result.Add((name, value));
            }
        }

        return result;
    }

    /// <summary>Reads a file like the runner (`File.ReadAllText`: UTF-8, a BOM dropped) and parses it.</summary>
    public static IReadOnlyList<(string Name, string Value)> ReadEnvFile(string path) => ParseEnvFile(File.ReadAllText(path));

    /// <summary>
    /// The directories a GITHUB_PATH file puts before PATH, in PATH order: lines as `File.ReadAllLines` splits
    /// them (LF, CRLF or a bare CR), empty ones skipped, a repeated one moved to the end of the list, and the list
    /// prepended reversed (the last line added comes first).
    /// </summary>
    public static IReadOnlyList<string> ParsePathFile(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var prependPath = new List<string>();
        foreach (var line in ReadLines(content))
        {
            if (line.Length == 0)
            {
                continue;
            }

            prependPath.RemoveAll(x => string.Equals(x, line, StringComparison.Ordinal));
            prependPath.Add(line);
        }

        prependPath.Reverse();
        return prependPath;
    }

    /// <summary>Reads a file like the runner (`File.ReadAllLines(path, UTF8)`: a BOM dropped) and parses it.</summary>
    public static IReadOnlyList<string> ReadPathFile(string path) => ParsePathFile(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>Output split into lines as the runner reads stdout/stderr: `StreamReader.ReadLine` ends a line at LF, CRLF or a bare CR.</summary>
    public static IReadOnlyList<string> ReadLines(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = new List<string>();
        using var reader = new StringReader(output);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>`ActionCommand.TryParseV2`: `::name k=v,k=v::data` after TrimStart, for a registered name.</summary>
    public static bool TryParseCommand(string line, out GitHubCommandLine command)
    {
        command = null!;
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        var message = line.TrimStart();
        if (!message.StartsWith("::", StringComparison.Ordinal))
        {
            return false;
        }

        var endIndex = message.IndexOf("::", 2, StringComparison.Ordinal);
        if (endIndex < 0)
        {
            return false;
        }

        var cmdInfo = message[2..endIndex];
        var spaceIndex = cmdInfo.IndexOf(' ', StringComparison.Ordinal);
        var commandName = spaceIndex < 0 ? cmdInfo : cmdInfo[..spaceIndex];
        if (!RegisteredCommands.Contains(commandName))
        {
            return false;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (spaceIndex > 0)
        {
            var propertiesStr = cmdInfo[(spaceIndex + 1)..].Trim();
            foreach (var propertyStr in propertiesStr.Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = propertyStr.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = UnescapeProperty(pair[1]);
                }
            }
        }

        command = new GitHubCommandLine(commandName, properties, UnescapeData(message[(endIndex + 2)..]));
        return true;
    }

    /// <summary>`ActionCommand.TryParse`: the legacy `##[name k=v;k=v]data`, found anywhere in the line.</summary>
    public static bool TryParseLegacyCommand(string line, out GitHubCommandLine command)
    {
        command = null!;
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        var prefixIndex = line.IndexOf("##[", StringComparison.Ordinal);
        if (prefixIndex < 0)
        {
            return false;
        }

        var rbIndex = line.IndexOf(']', prefixIndex);
        if (rbIndex < 0)
        {
            return false;
        }

        var cmdIndex = prefixIndex + 3;
        var cmdInfo = line[cmdIndex..rbIndex];
        var spaceIndex = cmdInfo.IndexOf(' ', StringComparison.Ordinal);
        var commandName = spaceIndex < 0 ? cmdInfo : cmdInfo[..spaceIndex];
        if (!RegisteredCommands.Contains(commandName))
        {
            return false;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (spaceIndex > 0)
        {
            foreach (var propertyStr in cmdInfo[(spaceIndex + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var pair = propertyStr.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = UnescapeLegacy(pair[1]);
                }
            }
        }

        command = new GitHubCommandLine(commandName, properties, UnescapeLegacy(line[(rbIndex + 1)..]));
        return true;
    }

    /// <summary>True when the line holds `##[` anywhere: a candidate for the legacy syntax, whatever follows.</summary>
    public static bool ContainsLegacyCommand(string line) => line.Contains("##[", StringComparison.Ordinal);

    /// <summary>True when `ActionCommandManager.TryProcessCommand` would take the line as a command (either syntax).</summary>
    public static bool IsCommand(string line) => TryParseCommand(line, out _) || TryParseLegacyCommand(line, out _);

    // The runner's escape tables, applied in table order (so %25 is decoded last).
    private static string UnescapeProperty(string escaped) =>
        escaped.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
               .Replace("%3A", ":", StringComparison.Ordinal).Replace("%2C", ",", StringComparison.Ordinal)
               .Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeData(string escaped) =>
        escaped.Replace("%0D", "\r", StringComparison.Ordinal).Replace("%0A", "\n", StringComparison.Ordinal)
               .Replace("%25", "%", StringComparison.Ordinal);

    private static string UnescapeLegacy(string escaped) =>
        escaped.Replace("%3B", ";", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal)
               .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal)
               .Replace("%25", "%", StringComparison.Ordinal);

    /// <summary>`EnvFileKeyValuePairs.ReadLine`, Linux/macOS branch: only LF ends a line; a CR before it stays in the line.</summary>
    private static string? ReadEnvLine(string text, ref int index, out string? newline)
    {
        if (index >= text.Length)
        {
            newline = null;
            return null;
        }

        var originalIndex = index;
        var lfIndex = text.IndexOf('\n', index);
        if (lfIndex < 0)
        {
            index = text.Length;
            newline = null;
            return text[originalIndex..];
        }

        index = lfIndex + 1;
        newline = "\n";
        return text[originalIndex..lfIndex];
    }
}
