using BenchmarkDotNet.Attributes;
using GoEnv.Core;
using GoEnv.Core.Findings;

namespace GoEnv.Benchmarks;

/// <summary>
/// The in-process part of `check`: every rule over a snapshot, and the whole check with `go env` answered from
/// memory (discovery, the probe's JSON, the rules, the policy lookup).
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    /// <summary>What a pipeline gets wrong at once: each value is one a test in tests/GoEnv.Core.Tests/Rules reports.</summary>
    private static readonly Dictionary<string, string> s_broken = new(StringComparer.Ordinal)
    {
        ["GOFLAGS"] = "-mod=mod -ldflags=-s -w -typo",
        ["GOPROXY"] = "http://ci-bot:hunter2secret@proxy.corp.example.com,direct",
        ["GOSUMDB"] = "off",
        ["GOPRIVATE"] = "corp.example.com, https://github.com/acme",
        ["GO111MODULE"] = "yes",
        ["CGO_ENABLED"] = "yes",
        ["GOAMD64"] = "v9",
        ["GOTOOLCHAIN"] = "bogus",
    };

    private GoSandbox _healthy = null!;
    private GoSandbox _broken = null!;
    private GoSnapshot _healthySnapshot = null!;
    private GoSnapshot _brokenSnapshot = null!;

    [GlobalSetup]
    public void Setup()
    {
        _healthy = new GoSandbox();
        _broken = new GoSandbox(s_broken);
        _healthySnapshot = _healthy.Snapshot();
        _brokenSnapshot = _broken.Snapshot();
        var healthy = GoEnvChecker.Evaluate(_healthySnapshot);
        var broken = GoEnvChecker.Evaluate(_brokenSnapshot);
        if (healthy.Any(f => f.Severity >= Severity.Warning) || broken.Count < 8)
        {
            throw new InvalidOperationException($"The fixtures drifted: healthy has {Describe(healthy)}; broken has {Describe(broken)}.");
        }

        Console.WriteLine($"// healthy snapshot: {Describe(healthy)}; broken snapshot: {Describe(broken)}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _healthy.Dispose();
        _broken.Dispose();
    }

    [Benchmark]
    public IReadOnlyList<Finding> RulesOnHealthySnapshot() => GoEnvChecker.Evaluate(Reissue(_healthySnapshot));

    [Benchmark]
    public IReadOnlyList<Finding> RulesOnBrokenSnapshot() => GoEnvChecker.Evaluate(Reissue(_brokenSnapshot));

    [Benchmark]
    public CheckResult CheckWithoutChildProcess() => GoEnvChecker.Check(_healthy.Host(), _healthy.Options());

    /// <summary>
    /// The same snapshot as a new object. The GOFLAGS rules share one analysis per snapshot object (a
    /// ConditionalWeakTable); a real `check` pays for it once, so every evaluation here must too.
    /// </summary>
    private static GoSnapshot Reissue(GoSnapshot s) => new()
    {
        Host = s.Host,
        Go = s.Go,
        GoProblem = s.GoProblem,
        GoOnPath = s.GoOnPath,
        Version = s.Version,
        VersionText = s.VersionText,
        Probe = s.Probe,
        UserEnvFile = s.UserEnvFile,
        UserEnvFileProblem = s.UserEnvFileProblem,
        GoRootEnvFile = s.GoRootEnvFile,
        Variables = s.Variables,
        GoMod = s.GoMod,
        GoWork = s.GoWork,
        Graph = s.Graph,
        Git = s.Git,
        Redactor = s.Redactor,
    };

    private static string Describe(IReadOnlyList<Finding> findings) =>
        findings.Count == 0 ? "no findings" : $"{findings.Count} findings ({string.Join(", ", findings.Select(f => $"{f.RuleId} {f.Severity}"))})";
}
