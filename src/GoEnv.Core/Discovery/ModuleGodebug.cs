namespace GoEnv.Core.Discovery;

/// <param name="Key">The setting's name ("panicnil", or "default").</param>
/// <param name="Value">Its value; null when the statement has no '=' (Go: "usage: godebug key=value").</param>
/// <param name="Line">1-based line of the setting in go.mod or go.work.</param>
public sealed record ModuleGodebug(string Key, string? Value, int Line);
