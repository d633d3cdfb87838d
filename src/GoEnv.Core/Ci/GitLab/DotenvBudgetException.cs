namespace GoEnv.Core.Ci.GitLab;

/// <summary>The pinned environment cannot fit GitLab's dotenv limits even with every optional variable left out.</summary>
public sealed class DotenvBudgetException : Exception
{
    public DotenvBudgetException()
    {
    }

    public DotenvBudgetException(string message)
        : base(message)
    {
    }

    public DotenvBudgetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
