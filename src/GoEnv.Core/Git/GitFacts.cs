using GoEnv.Core.Caching;

namespace GoEnv.Core.Git;

/// <summary>
/// Repository facts through LibGit2Sharp. The repository root is found by walking up the directories ourselves
/// (LibGit2Sharp's Repository.Discover silently returns nothing under Native AOT), and LibGit2Sharp is only
/// touched when an ignore check is really needed: loading it costs ~40 ms under JIT.
/// </summary>
public sealed class GitFacts : IGitFacts
{
    private readonly Lazy<LibGit2Repository?> _repository;

    public GitFacts(string workingDirectory)
    {
        WorkTreeRoot = FindWorkTreeRoot(workingDirectory);
        _repository = new Lazy<LibGit2Repository?>(() => WorkTreeRoot is null ? null : LibGit2Repository.TryOpen(WorkTreeRoot));
    }

    public string? WorkTreeRoot { get; }

    public static string? FindWorkTreeRoot(string start)
    {
        string? dir;
        try
        {
            dir = Path.GetFullPath(start);
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException)
        {
            return null;
        }

        while (dir is not null)
        {
            var dotGit = Path.Combine(dir, ".git");
            // A directory for a normal clone, a file ("gitdir: …") for worktrees and submodules.
            if (Directory.Exists(dotGit) || File.Exists(dotGit))
            {
                return dir;
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }

    public bool IsInsideWorkTree(string path)
    {
        if (WorkTreeRoot is null || !Path.IsPathFullyQualified(path))
        {
            return false;
        }

        var relative = Path.GetRelativePath(WorkTreeRoot, Path.GetFullPath(path));
        return !RelativePaths.LeavesRoot(relative);
    }

    public bool IsIgnored(string path)
    {
        if (!IsInsideWorkTree(path) || WorkTreeRoot is null)
        {
            return false;
        }

        var relative = Path.GetRelativePath(WorkTreeRoot, Path.GetFullPath(path)).Replace('\\', '/');
        if (relative == ".")
        {
            return false;
        }

        return _repository.Value?.IsIgnored(relative) ?? false;
    }
}
