using System.Text.Json;
using GoEnv.Core.Discovery;

namespace GoEnv.Benchmarks;

/// <summary>
/// Answers the one `go env -json NAME…` call with a fixed JSON object, so discovery and the rules run without a
/// child process (the child's cost is what bench/run.sh measures as the floor).
/// </summary>
internal sealed class CannedGoEnv : IProcessRunner
{
    private readonly ProcessOutcome _outcome;

    public CannedGoEnv(IReadOnlyDictionary<string, string> values) =>
        _outcome = new ProcessOutcome(true, 0, JsonSerializer.Serialize(values), "", false);

    public ProcessOutcome Run(ProcessRequest request) => _outcome;
}
