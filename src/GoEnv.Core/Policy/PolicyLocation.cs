namespace GoEnv.Core.Policy;

/// <summary>A 1-based line and column in the policy file (YamlDotNet's marks are 1-based too).</summary>
public sealed record PolicyLocation(int Line, int Column);
