using LibGit2Sharp;

namespace GoEnv.Core.Git;

/// <summary>The only type that touches LibGit2Sharp, so the assembly loads only when an ignore check runs.</summary>
internal sealed class LibGit2Repository
{
    private readonly Repository _repository;

    private LibGit2Repository(Repository repository) => _repository = repository;

    public static LibGit2Repository? TryOpen(string workTreeRoot)
    {
        try
        {
            return Repository.IsValid(workTreeRoot) ? new LibGit2Repository(new Repository(workTreeRoot)) : null;
        }
        catch (Exception e) when (e is LibGit2SharpException or DllNotFoundException or TypeInitializationException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// A path is ignored when it, or any directory above it inside the work tree, is ignored: git does not look
    /// inside an ignored directory. Each prefix is checked as a directory ("a/b/") and the path itself also as a file.
    /// </summary>
    public bool IsIgnored(string relativePath)
    {
        var parts = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = "";
        for (var i = 0; i < parts.Length; i++)
        {
            prefix = prefix.Length == 0 ? parts[i] : prefix + "/" + parts[i];
            if (_repository.Ignore.IsPathIgnored(prefix + "/") || (i == parts.Length - 1 && _repository.Ignore.IsPathIgnored(prefix)))
            {
                return true;
            }
        }

        return false;
    }
}
