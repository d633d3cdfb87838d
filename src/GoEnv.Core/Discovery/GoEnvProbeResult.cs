namespace GoEnv.Core.Discovery;

/// <summary>What one `go env -json NAME…` call gave.</summary>
public sealed class GoEnvProbeResult
{
    public static readonly GoEnvProbeResult NotRun = new() { Status = GoEnvProbeStatus.NotRun };

    public required GoEnvProbeStatus Status { get; init; }

    /// <summary>The values printed (empty unless Status is Succeeded).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Go's own message (stderr) when it failed, or a description of what went wrong.</summary>
    public string Message { get; init; } = "";

    public int ExitCode { get; init; }

    public TimeSpan Elapsed { get; init; }

    public bool Succeeded => Status == GoEnvProbeStatus.Succeeded;

    /// <summary>Go's warnings on stderr of a successful call (e.g. "warning: GOPATH set to GOROOT … has no effect").</summary>
    public string Warnings { get; init; } = "";
}
