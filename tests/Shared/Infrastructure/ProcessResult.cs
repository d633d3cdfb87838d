namespace GoEnv.Tests.Infrastructure;

/// <summary>What a finished (or killed) child process left behind.</summary>
internal sealed record ProcessResult(
    string FileName,
    IReadOnlyList<string> Arguments,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    bool TimedOut,
    TimeSpan Duration,
    string? StartError = null)
{
    public string CommandLine => FileName + (Arguments.Count == 0 ? string.Empty : " " + string.Join(' ', Arguments.Select(Quote)));

    public string Output => StandardOutput + StandardError;

    /// <summary>A short account for assertion messages: command, exit status and both streams, trimmed.</summary>
    public string Describe(int maxChars = 1500)
    {
        string status = StartError is not null ? "could not start: " + StartError
            : TimedOut ? $"timed out after {Duration.TotalSeconds:F0}s and was killed"
            : $"exit {ExitCode}";
        return $"`{CommandLine}` → {status}" +
            Environment.NewLine + "    stdout: " + Clip(StandardOutput, maxChars) +
            Environment.NewLine + "    stderr: " + Clip(StandardError, maxChars);
    }

    private static string Clip(string text, int maxChars)
    {
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return "(empty)";
        }

        string oneBlock = trimmed.Replace("\n", Environment.NewLine + "            ", StringComparison.Ordinal);
        return oneBlock.Length <= maxChars ? oneBlock : string.Concat(oneBlock.AsSpan(0, maxChars), " …");
    }

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:@,+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
