namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// A GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH or GITHUB_STEP_SUMMARY write was refused before anything was written:
/// the message names the entry and the reason, never the value (it may be a secret).
/// </summary>
public sealed class GitHubFileCommandException : ExportRefusedException
{
    public GitHubFileCommandException()
    {
    }

    public GitHubFileCommandException(string message)
        : base(message)
    {
    }

    public GitHubFileCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GitHubFileCommandException(string message, string? name)
        : base(message)
    {
        Name = name;
    }

    /// <summary>The variable, output or entry refused (a name, or "entry 3" for a path), when one is to blame.</summary>
    public string? Name { get; }
}
