using System.Text.Json;
using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests;

/// <summary>A fake `go` for rule tests: answers `go env -json` with fixed values (real-Go behaviour is tested in GoEnv.Actions.Tests).</summary>
internal sealed class FakeGo : IProcessRunner
{
    private readonly Func<ProcessRequest, ProcessOutcome> _answer;

    private FakeGo(Func<ProcessRequest, ProcessOutcome> answer) => _answer = answer;

    public List<ProcessRequest> Requests { get; } = [];

    public static FakeGo Answering(IReadOnlyDictionary<string, string> values) =>
        new(_ => new ProcessOutcome(true, 0, JsonSerializer.Serialize(values), "", false));

    public static FakeGo Failing(string stderr, int exitCode = 1) => new(_ => new ProcessOutcome(true, exitCode, "", stderr, false));

    public static FakeGo With(Func<ProcessRequest, ProcessOutcome> answer) => new(answer);

    public ProcessOutcome Run(ProcessRequest request)
    {
        Requests.Add(request);
        return _answer(request);
    }
}
