namespace GoEnv.Actions;

/// <summary>A command line that parses but makes no sense (exit 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
