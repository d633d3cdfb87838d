using GoEnv.Core.Discovery;
using GoEnv.Core.Git;

namespace GoEnv.Core;

public sealed record CheckOptions
{
    /// <summary>The `go` to examine (--go); null = the first `go` on PATH.</summary>
    public string? GoExecutable { get; init; }

    /// <summary>How long `go env` may take before it is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The .goenv.yml to apply (--config); null = found from the working directory up to the repository root.</summary>
    public string? PolicyFile { get; init; }

    /// <summary>--strict: warnings fail the check too.</summary>
    public bool Strict { get; init; }

    /// <summary>Ask for real whether private modules can be fetched (`--probe`; pin asks where a check can only warn); null: no network.</summary>
    public FetchProbeOptions? FetchProbe { get; init; }

    public IProcessRunner ProcessRunner { get; init; } = Discovery.ProcessRunner.Instance;

    /// <summary>Where the module tree's files are read from (the CLI prefetches them while its `go env` probe runs).</summary>
    public ModuleTreeFiles ModuleTree { get; init; } = ModuleTreeFiles.Direct;

    /// <summary>Creates repository facts for a working directory (tests swap it).</summary>
    public Func<string, IGitFacts> GitFacts { get; init; } = dir => new GitFacts(dir);
}
