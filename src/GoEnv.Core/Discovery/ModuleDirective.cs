namespace GoEnv.Core.Discovery;

/// <param name="Value">The directive's argument (unquoted).</param>
/// <param name="Line">1-based line number in the file.</param>
public sealed record ModuleDirective(string Value, int Line);
