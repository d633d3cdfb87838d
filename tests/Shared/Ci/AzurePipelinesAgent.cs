namespace GoEnv.Tests.Ci;

/// <summary>
/// A faithful C# port of the Azure Pipelines agent's logging-command parser, so tests check what we write against
/// what the agent reads instead of against our own idea of the `##vso[` format.
/// </summary>
/// <remarks>
/// Source: microsoft/azure-pipelines-agent at commit 42bde98bea7bb3b9e186d693e3b1554249e93a38 (v5.278.0 + 10; the
/// parser files last changed in df73f630, 2022-12-26): `src/Microsoft.VisualStudio.Services.Agent/Command.cs`
/// (`TryParse`), `src/Agent.Sdk/CommandStringConvertor.cs` (`Escape`, `Unescape`, the mapping table),
/// `src/Agent.Worker/WorkerCommandManager.cs` (`TryProcessCommand`), `src/Agent.Sdk/Knob/AgentKnobs.cs`
/// (`DecodePercents`: job variable or environment `DECODE_PERCENTS`, built-in default "true"),
/// `src/Agent.Sdk/ProcessInvoker.cs` (`StartReadStream`: `StreamReader.ReadLine`),
/// `src/Agent.Worker/TaskCommandExtension.cs` (the `task` events). Tests: `src/Test/L0/Worker/LoggingCommandL0.cs`.
/// Uses no GoEnv code.
/// <para>
/// What the worker does with a line: every line of stdout goes to `TryProcessCommand`, and every line of stderr
/// too for the Node (so the Bash and CmdLine script tasks), PowerShell3 and LegacyPowerShell handlers, and for the
/// Process handler unless `failOnStandardError` (the PowerShellExe handler only prints stderr). When `TryParse` accepts it, the line is not printed: a known area and event runs; an
/// unknown area gets the warning "Cannot find command extension"; an unknown event in a known area, or a command
/// that throws (e.g. `task.complete` with a result that `Enum.TryParse` rejects, which is case-sensitive), logs
/// "Unable to process command" and fails the step. A line holding "##vso" that `TryParse` rejects is printed after
/// a warning.
/// </para>
/// <para>
/// One deliberate difference: the agent's `message.IndexOf("##vso[")` is culture-sensitive and the agent runs with
/// ICU (`InvariantGlobalization` false in `src/Common.props`), where ignorable characters (U+0000, U+00AD, U+200B,
/// U+200D, U+2060, U+FEFF) match nothing: `"#\u2060#vso[task.debug]x".IndexOf("##vso[") == 0` holds there (checked
/// with .NET 10 and ICU 72, en-US). This port is ordinal (the test projects run invariant). The agent slices the
/// name at a fixed offset (6 after the match start), so such a match yields an area that starts inside the prefix
/// ("[task", "so[task") and no extension runs; but the line is still swallowed with a warning, and text after it,
/// a second `##vso[` included, is data. So for any line the commands the agent executes are a subset of what this
/// port returns; a line this port rejects may still vanish from the agent's log.
/// </para>
/// </remarks>
internal static class AzurePipelinesAgent
{
    /// <summary>
    /// Events of the `task` area (`TaskCommandExtension`: each command's `Name` and `Aliases`, looked up
    /// OrdinalIgnoreCase).
    /// </summary>
    public static readonly IReadOnlySet<string> TaskEvents = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "logissue", "issue", "setprogress", "logdetail", "complete", "setsecret", "setvariable", "addattachment", "debug",
        "uploadsummary", "uploadfile", "settaskvariable", "setendpoint", "prependpath",
    };

    private const string LoggingCommandPrefix = "##vso[";

    /// <summary>`Command.TryParse` with `DECODE_PERCENTS` at its default (true): `%AZP25` is decoded to '%'.</summary>
    public static bool TryParseCommand(string line, out AzureCommand command) => TryParseCommand(line, decodePercents: true, out command);

    /// <summary>
    /// `Command.TryParse`: the first `##vso[` anywhere in the line (case-sensitive), the first ']' after it, a name
    /// of exactly two non-empty '.'-separated parts up to the first space, then `;`-separated `key=value` pairs; a
    /// pair without '=' or with an empty key or value is dropped. The data runs to the end of the line.
    /// </summary>
    public static bool TryParseCommand(string line, bool decodePercents, out AzureCommand command)
    {
        command = null!;
        if (string.IsNullOrEmpty(line))
        {
            return false;
        }

        var prefixIndex = line.IndexOf(LoggingCommandPrefix, StringComparison.Ordinal);
        if (prefixIndex < 0)
        {
            return false;
        }

        var rbIndex = line.IndexOf(']', prefixIndex);
        if (rbIndex < 0)
        {
            return false;
        }

        var cmdIndex = prefixIndex + LoggingCommandPrefix.Length;
        var cmdInfo = line[cmdIndex..rbIndex];
        var spaceIndex = cmdInfo.IndexOf(' ', StringComparison.Ordinal);
        var commandName = spaceIndex < 0 ? cmdInfo : cmdInfo[..spaceIndex];

        // RemoveEmptyEntries: "task..debug" and ".task.debug." are task.debug; "task.set.variable" is rejected.
        var areaEvent = commandName.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (areaEvent.Length != 2)
        {
            return false;
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (spaceIndex > 0)
        {
            foreach (var propertyStr in cmdInfo[(spaceIndex + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                // With RemoveEmptyEntries "k==x" gives ["k", "x"] and "k=" or "=v" a single part.
                var pair = propertyStr.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                if (pair.Length == 2)
                {
                    properties[pair[0]] = Unescape(pair[1], decodePercents);
                }
            }
        }

        command = new AzureCommand(areaEvent[0], areaEvent[1], properties, Unescape(line[(rbIndex + 1)..], decodePercents));
        return true;
    }

    /// <summary>Every command in a whole output, line by line as the agent reads it, with `DECODE_PERCENTS` true.</summary>
    public static IEnumerable<AzureCommand> Commands(string output) => Commands(output, decodePercents: true);

    /// <summary>Every command the worker takes from a whole output: each line <see cref="TryParseCommand(string, bool, out AzureCommand)"/> accepts.</summary>
    public static IEnumerable<AzureCommand> Commands(string output, bool decodePercents)
    {
        var commands = new List<AzureCommand>();
        foreach (var line in ReadLines(output))
        {
            if (TryParseCommand(line, decodePercents, out var command))
            {
                commands.Add(command);
            }
        }

        return commands;
    }

    /// <summary>Output split into lines as `ProcessInvoker` reads stdout/stderr: `StreamReader.ReadLine` ends a line at LF, CRLF or a bare CR.</summary>
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

    /// <summary>
    /// `CommandStringConvertor.Escape(value, true)`, which the agent's own `TaskPlugin` applies to property values:
    /// '%' first, then ';', CR, LF and ']'. Null or empty gives "". An empty value is still dropped by the parser, and
    /// a value's leading '=' is lost (neither is escaped).
    /// </summary>
    public static string EscapeProperty(string? value) => Escape(value);

    /// <summary>
    /// `CommandStringConvertor.Escape(value, true)`, which the agent's own `TaskPlugin` applies to data too (the
    /// agent has one escaping for both; ';' and ']' are escaped in data although only CR and LF need to be).
    /// </summary>
    public static string EscapeData(string? value) => Escape(value);

    private static string Escape(string? input) =>
        string.IsNullOrEmpty(input)
            ? ""
            : input.Replace("%", "%AZP25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal)
                   .Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal)
                   .Replace("]", "%5D", StringComparison.Ordinal);

    // CommandStringConvertor.Unescape: the table in order, then %AZP25 last (so "%AZP253B" is "%3B"). %25 is never
    // decoded, and the match is case-sensitive ("%3b" stays).
    private static string Unescape(string escaped, bool decodePercents)
    {
        if (escaped.Length == 0)
        {
            return "";
        }

        var unescaped = escaped.Replace("%3B", ";", StringComparison.Ordinal).Replace("%0D", "\r", StringComparison.Ordinal)
                               .Replace("%0A", "\n", StringComparison.Ordinal).Replace("%5D", "]", StringComparison.Ordinal);
        return decodePercents ? unescaped.Replace("%AZP25", "%", StringComparison.Ordinal) : unescaped;
    }
}
