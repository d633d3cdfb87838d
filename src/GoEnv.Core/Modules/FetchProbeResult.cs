namespace GoEnv.Core.Modules;

/// <summary>What a real fetch of a module (`go mod download -json`, under the checked environment, into a scratch module cache) said.</summary>
/// <param name="Module">path@version asked for.</param>
/// <param name="Outcome">Reachable, failed, or no answer in time.</param>
/// <param name="Error">Go's error, first line and git's `fatal:` line, credentials masked; null when it worked.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record FetchProbeResult(string Module, FetchProbeOutcome Outcome, string? Error, TimeSpan Elapsed);
