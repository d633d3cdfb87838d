namespace GoEnv.Core.Pinning;

/// <param name="Environment">What is pinned.</param>
/// <param name="Omitted">Variables deliberately left out (credentials), with the reason to tell the user.</param>
public sealed record PinResult(PinnedEnvironment Environment, IReadOnlyList<PinOmission> Omitted);
