namespace GoEnv.Tests.Ci;

/// <summary>A workflow command as the GitHub runner parsed it (actions/runner `ActionCommand`).</summary>
/// <param name="Command">The command name as written (matched case-insensitively against the registered names).</param>
/// <param name="Properties">Unescaped property values by key; keys are case-insensitive, the last of a key wins.</param>
/// <param name="Data">The unescaped data after the second `::` (after `]` for the legacy syntax).</param>
internal sealed record GitHubCommandLine(string Command, IReadOnlyDictionary<string, string> Properties, string Data);
