namespace GoEnv.Core.Discovery;

/// <param name="Path">The required module path.</param>
/// <param name="Version">The required version.</param>
/// <param name="Line">1-based line number in go.mod.</param>
public sealed record ModuleRequirement(string Path, string Version, int Line);
