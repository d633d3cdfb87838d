using System.Text.Json;
using GoEnv.Core.Go;

namespace GoEnv.Core.Discovery;

/// <summary>
/// What GOCACHEPROG's program did when started as cmd/go starts it (cmd/go/internal/cache.startCacheProg): the value
/// split by cmd/internal/quoted.Split into the program and its arguments, run with the environment, and expected to
/// announce its capabilities at once — a JSON line {"ID":0,"KnownCommands":[…]} on stdout. Go waits for that line
/// forever (it only logs "still waiting" every 5 s); GoEnv gives it those 5 s.
/// </summary>
/// <param name="Program">The program as written (first word).</param>
/// <param name="Problem">Go's error (or what Go would do) when the program does not work; null when it answered.</param>
/// <param name="KnownCommands">The commands it announced.</param>
public sealed record CacheProgHandshake(string Program, string? Problem, IReadOnlyList<string> KnownCommands)
{
    /// <summary>How long the program gets to announce itself (cmd/go logs "still waiting" after this).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>cmd/go's last request of a session (ProgRequest{ID, Command: "close"}), one JSON line.</summary>
    private const string CloseRequest = "{\"ID\":1,\"Command\":\"close\"}\n";

    /// <summary>True when the release reads GOCACHEPROG: 1.24+, or 1.21–1.23 with GOEXPERIMENT=cacheprog.</summary>
    public static bool UsedBy(GoVersion? version, string goExperiment) =>
        version is null || version.AtLeast(1, 24)
        || (version.AtLeast(1, 21) && goExperiment.Split(',').Contains("cacheprog", StringComparer.Ordinal));

    /// <summary>
    /// encoding/json's error for output that is not JSON, as far as it can be told without Go's decoder: the common
    /// case (a program that prints text, a usage line, a banner) is a first character no JSON value starts with.
    /// Null for any other syntax error.
    /// </summary>
    private static string? JsonSyntaxError(string output)
    {
        var text = output.TrimStart(' ', '\t', '\r', '\n');
        if (text.Length == 0 || "{[\"-0123456789tfn".Contains(text[0], StringComparison.Ordinal))
        {
            return null;
        }

        // Go's quoteChar: '\'' and '"' as they are, anything else as strconv.Quote puts it, in single quotes.
        var c = char.IsSurrogatePair(text, 0) ? text[..2] : text[..1];
        return "invalid character " + (c == "'" ? @"'\''" : c == "\"" ? "'\"'" : "'" + GoStrings.Quote(c)[1..^1] + "'") + " looking for beginning of value";
    }

    public static CacheProgHandshake Run(IProcessRunner runner, HostEnvironment host, string value)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(host);
        var words = GoFlagsTokenizer.Split(value, null, out var splitError).Select(w => w.Text).ToList();
        if (splitError is not null)
        {
            return new CacheProgHandshake(value, $"GOCACHEPROG args: {splitError}", []);
        }

        if (words.Count == 0)
        {
            return new CacheProgHandshake(value, "GOCACHEPROG has no program", []);
        }

        var program = words[0];
        var path = GoLocator.FindCommand(host, program);
        if (path is null || !GoLocator.IsExecutableFile(path, host.Os))
        {
            var why = path is null ? $"exec: \"{program}\": executable file not found in {(host.Os == HostOs.Windows ? "%PATH%" : "$PATH")}" : $"fork/exec {path}: {(File.Exists(path) ? "permission denied" : "no such file or directory")}";
            return new CacheProgHandshake(program, $"error starting GOCACHEPROG program \"{program}\": {why}", []);
        }

        // After the announcement Go ends a session with a close request and then closes stdin; both are sent up front
        // (a program reads requests only once it has announced itself), so one that waits for close exits as well
        // as one that waits for the end of input.
        var outcome = runner.Run(new ProcessRequest(path, words.Skip(1).ToList(), host.Variables, host.WorkingDirectory, Limit, 64 * 1024, CloseRequest));
        if (!outcome.Started)
        {
            return new CacheProgHandshake(program, $"error starting GOCACHEPROG program \"{program}\": {outcome.StartError}", []);
        }

        // Go reads the announcement with a json.Decoder: the first JSON value, however it is spread over lines.
        var output = System.Text.Encoding.UTF8.GetBytes(outcome.StandardOutput);
        if (outcome.StandardOutput.AsSpan().Trim().Length == 0)
        {
            return new CacheProgHandshake(program, outcome.TimedOut
                ? $"GOCACHEPROG {program} did not announce its capabilities within {Limit.TotalSeconds:0} s: Go waits for it, logging \"# still waiting for GOCACHEPROG {program} ...\", and every build hangs"
                : $"GOCACHEPROG exited pre-Close with 1 pending requests", []);
        }

        try
        {
            var reader = new Utf8JsonReader(output, isFinalBlock: false, state: default);
            if (!JsonDocument.TryParseValue(ref reader, out var json))
            {
                return new CacheProgHandshake(program, $"GOCACHEPROG exited pre-Close with 1 pending requests (its output ends inside a JSON value)", []);
            }

            using (json)
            {
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ID", out var id) && id.ValueKind == JsonValueKind.Number && id.GetRawText() != "0")
                {
                    return new CacheProgHandshake(program, $"GOCACHEPROG sent response for unknown request ID {id.GetRawText()}", []);
                }

                var commands = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("KnownCommands", out var known) && known.ValueKind == JsonValueKind.Array
                    ? known.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).ToList()
                    : [];
                return commands.Count == 0
                    ? new CacheProgHandshake(program, $"GOCACHEPROG {program} declared no supported commands", [])
                    : new CacheProgHandshake(program, null, commands);
            }
        }
        catch (JsonException)
        {
            // Go's full text where it can be told; else its first words, which are still what Go prints.
            return new CacheProgHandshake(program, "error reading JSON from GOCACHEPROG" + (JsonSyntaxError(outcome.StandardOutput) is { } detail ? ": " + detail : ""), []);
        }
    }
}
