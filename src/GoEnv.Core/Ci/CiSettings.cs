namespace GoEnv.Core.Ci;

/// <summary>Command-line choices the providers need.</summary>
public sealed record CiSettings
{
    /// <summary>The GitLab Code Quality report to write (relative to the working directory).</summary>
    public string CodeQualityReport { get; init; } = "goenv-codequality.json";

    /// <summary>GitLab's dotenv variable limit (20 on self-managed by default; 50–150 on GitLab.com).</summary>
    public int DotenvMaxVariables { get; init; } = GitLab.DotenvBudget.DefaultMaxVariables;

    /// <summary>Colour on a plain terminal (a TTY without NO_COLOR).</summary>
    public bool TerminalColor { get; init; }

    /// <summary>The clock, for GitLab section timestamps (tests fix it).</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;
}
