namespace GoEnv.Core.Git;

/// <summary>What GoEnv needs to know about the repository around the working directory.</summary>
public interface IGitFacts
{
    /// <summary>The work tree root, or null when the working directory is not inside a git work tree.</summary>
    string? WorkTreeRoot { get; }

    /// <summary>True when the path lies inside the work tree (it need not exist yet).</summary>
    bool IsInsideWorkTree(string path);

    /// <summary>True when git ignores the path (a directory is checked as a directory).</summary>
    bool IsIgnored(string path);
}
