namespace GoEnv.Core.Pinning;

/// <summary>A variable as read back from an env file, with the line `verify` names when it reports drift.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The value the file's consumer (sh, GitLab, Go, PowerShell) would see.</param>
/// <param name="Line">1-based line where the assignment starts (for JSON: the line of the property name).</param>
public sealed record EnvFileVariable(string Name, string Value, int Line);
