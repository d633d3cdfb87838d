namespace GoEnv.Core.Discovery;

/// <param name="Key">The key exactly as Go reads it (may contain spaces: that is the bug it reveals).</param>
/// <param name="Value">The value exactly as Go reads it (quotes and a trailing '\r' kept).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Text">The whole line.</param>
public sealed record GoEnvFileEntry(string Key, string Value, int Line, string Text);
