namespace GoEnv.Core.Modules;

/// <summary>One go.sum (or go.work.sum) line: `path version[/go.mod] hash`.</summary>
/// <param name="Hash">The hash as written, e.g. "h1:…=".</param>
/// <param name="File">The go.sum it is in.</param>
/// <param name="Line">1-based line.</param>
public sealed record GoSumEntry(string Hash, string File, int Line);
