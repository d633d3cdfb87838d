namespace GoEnv.Core.Discovery;

/// <param name="Verb">The directive's keyword as written ("go", "godebug", "tool", or anything else).</param>
/// <param name="Line">1-based line of the directive, or of the block's opening line.</param>
/// <param name="IsBlock">True for a block (`godebug (`), whose members are on the lines that follow.</param>
public sealed record ModuleStatement(string Verb, int Line, bool IsBlock);
