using System.Text;
using BenchmarkDotNet.Attributes;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitHub;

namespace GoEnv.Benchmarks;

/// <summary>What reaches a CI runner: one log line of untrusted text, one GITHUB_ENV record, each for a 4 KiB hostile value.</summary>
[MemoryDiagnoser]
public class CiOutputBenchmarks
{
    private const int Length = 4096;

    /// <summary>Workflow-command and heredoc markers, escapes, quotes, bidi and line breaks (tests/GoEnv.Core.Tests/Properties/Hostile.cs).</summary>
    private static readonly string[] s_tokens =
    [
        "::error::forged", "##[error]", "##vso[task.setvariable variable=x]", "ghadelimiter_0123456789abcdef0123456789abcdef",
        "\u001b[31m", "\u001b]8;;http://x\u0007", "\r\n", "\n::add-mask::", "\r", "%0A", "'\\''", "$(id)", "`id`", "\u202E", "\u2028",
        "\t", "-ldflags=-s -w", " GOFLAGS=-x ", "日本語", "\uD83D\uDE00", "\u007f", "\\u001b",
    ];

    private string _logValue = "";
    private KeyValuePair<string, string>[] _envRecord = [];

    [GlobalSetup]
    public void Setup()
    {
        _logValue = Hostile(keepLineBreaks: true);
        _envRecord = [new("GOFLAGS", Hostile(keepLineBreaks: false))];
    }

    [Benchmark]
    public string LogTextLine4KiB() => LogText.Line(_logValue);

    /// <summary>
    /// The whole append: validation, a fresh CSPRNG delimiter, UTF-8 encoding and the open/write/close. /dev/null
    /// keeps the disk out (and the file from growing by gigabytes over the run).
    /// </summary>
    [Benchmark]
    public void GitHubEnvRecord4KiB() => GitHubFileCommands.AppendEnv("/dev/null", _envRecord);

    /// <summary>The tokens in turn to exactly 4,096 UTF-16 code units; GITHUB_ENV refuses CR, LF and NUL, so that value has none.</summary>
    private static string Hostile(bool keepLineBreaks)
    {
        var text = new StringBuilder(Length + 64);
        for (var i = 0; text.Length < Length; i++)
        {
            text.Append(keepLineBreaks ? s_tokens[i % s_tokens.Length] : s_tokens[i % s_tokens.Length].Replace("\r", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        }

        // Cut at exactly 4 KiB of code units without splitting a surrogate pair.
        var cut = char.IsHighSurrogate(text[Length - 1]) ? Length - 1 : Length;
        return text.ToString(0, cut).PadRight(Length, 'x');
    }
}
