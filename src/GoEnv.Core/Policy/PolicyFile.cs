namespace GoEnv.Core.Policy;

/// <summary>Where the policy file is: .goenv.yml (or .goenv.yaml) from the working directory up to the repository root.</summary>
public static class PolicyFile
{
    /// <summary>The names looked for in each directory, in order: .yml wins when both exist.</summary>
    public static readonly IReadOnlyList<string> Names = [".goenv.yml", ".goenv.yaml"];

    /// <summary>
    /// The nearest policy file, looking in <paramref name="workingDirectory"/> and its parents up to and including
    /// <paramref name="repositoryRoot"/>; only the working directory when there is no repository (or the working
    /// directory is outside it), so a stray file in a parent directory of an unrelated checkout never applies.
    /// </summary>
    /// <summary>The policy to apply: the one given (--config, made absolute), else the one <see cref="Find"/> finds.</summary>
    public static string? Locate(string? given, string workingDirectory, string? repositoryRoot) =>
        given is { Length: > 0 } ? System.IO.Path.GetFullPath(given, workingDirectory) : Find(workingDirectory, repositoryRoot);

    public static string? Find(string workingDirectory, string? repositoryRoot)
    {
        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(workingDirectory));
        var root = repositoryRoot is null ? null : Path.TrimEndingDirectorySeparator(Path.GetFullPath(repositoryRoot));
        if (root is not null && !IsSameOrUnder(directory, root))
        {
            root = null;
        }

        while (true)
        {
            foreach (var name in Names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            if (root is null || string.Equals(directory, root, StringComparison.Ordinal))
            {
                return null;
            }

            var parent = Path.GetDirectoryName(directory);
            if (parent is null)
            {
                return null;
            }

            directory = parent;
        }
    }

    private static bool IsSameOrUnder(string directory, string root) =>
        string.Equals(directory, root, StringComparison.Ordinal)
        || directory.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
