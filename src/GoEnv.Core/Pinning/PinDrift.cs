namespace GoEnv.Core.Pinning;

/// <param name="Variable">The drifted variable.</param>
/// <param name="Pinned">The pinned value (redacted).</param>
/// <param name="Current">The value this step has (redacted).</param>
/// <param name="Line">The line of the pinned value in the env file.</param>
public sealed record PinDrift(string Variable, string Pinned, string Current, int Line);
