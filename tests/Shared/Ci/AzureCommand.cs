namespace GoEnv.Tests.Ci;

/// <summary>A logging command as the Azure Pipelines agent parsed it (azure-pipelines-agent `Command`).</summary>
/// <param name="Area">The text before the '.' of the name, as written (the agent finds the extension case-insensitively).</param>
/// <param name="Event">The text after the '.', as written (the extension finds the command case-insensitively).</param>
/// <param name="Properties">
/// Unescaped values by key, in order of first appearance; keys are case-insensitive, keep their first spelling and are
/// not trimmed, and the last value of a key wins.
/// </param>
/// <param name="Data">The unescaped text after the first ']' up to the end of the line; empty, never null.</param>
internal sealed record AzureCommand(string Area, string Event, IReadOnlyDictionary<string, string> Properties, string Data);
