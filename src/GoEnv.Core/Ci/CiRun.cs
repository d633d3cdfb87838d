using GoEnv.Core.Caching;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Ci;

/// <summary>Everything a CI provider reports or exports for one command: the check, and for `pin` what was pinned.</summary>
/// <param name="Command">"check" or "pin".</param>
/// <param name="Check">The check's result (findings are redacted; snapshot values are not: redact with Check.Snapshot.Redactor).</param>
/// <param name="Pin">What `pin` wrote; null for `check`, and for a `pin` whose check failed (nothing may be exported then).</param>
public sealed record CiRun(string Command, CheckResult Check, PinOutcome? Pin)
{
    /// <summary>--strict: warnings fail the run too (the policy's output.strict applies on its own).</summary>
    public bool Strict { get; init; }

    public bool Failed(bool strict) => Check.Failed(strict);
}

/// <summary>The outcome of a successful `pin`.</summary>
/// <param name="Environment">The pinned variables as written to the env file.</param>
/// <param name="EnvFilePath">Absolute path of the env file written.</param>
/// <param name="Notes">What the user should know (variables left out and why); already redacted.</param>
/// <param name="Keys">The cache keys.</param>
/// <param name="GoBinDirectory">The directory holding the pinned `go` ($GOROOT/bin), to put first on PATH.</param>
public sealed record PinOutcome(PinnedEnvironment Environment, string EnvFilePath, IReadOnlyList<string> Notes, CacheKeys Keys, string GoBinDirectory)
{
    /// <summary>Which caches the CI restores and saves in this job.</summary>
    public CachePlan Cache { get; init; } = CachePlan.None;
}
