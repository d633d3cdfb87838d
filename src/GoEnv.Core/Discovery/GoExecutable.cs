namespace GoEnv.Core.Discovery;

/// <param name="Path">The path as given or found on PATH.</param>
/// <param name="ResolvedPath">The real path (symbolic links resolved), or Path when it cannot be resolved.</param>
/// <param name="Source">command line (--go) or process environment (PATH).</param>
public sealed record GoExecutable(string Path, string ResolvedPath, ValueSource Source);
