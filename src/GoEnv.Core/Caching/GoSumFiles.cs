using GoEnv.Core.Discovery;
using GoEnv.Core.Git;

namespace GoEnv.Core.Caching;

/// <summary>
/// Finds the go.sum files that decide what `go mod download` fetches, the way cmd/go picks them
/// (modload.FindGoWork, findModuleRoot, modfetch.WorkspaceGoSumFiles): in workspace mode the go.sum of every
/// `use` directory plus the workspace's own go.work.sum; in module mode the main module's go.sum.
/// </summary>
public static class GoSumFiles
{
    /// <param name="workingDirectory">Where `go` would run.</param>
    /// <param name="goWork">
    /// The effective GOWORK: null, empty or "auto" searches upward for go.work; "off" forces module mode; anything
    /// else is the go.work path. Go rejects a relative GOWORK; it is resolved against the working directory here so
    /// that a key can still be computed (the check reports the bad value).
    /// </param>
    public static GoSumSet Find(string workingDirectory, string? goWork)
    {
        var start = Path.GetFullPath(workingDirectory);
        var workPath = goWork switch
        {
            "off" => null,
            null or "" or "auto" => ModuleFile.FindUpward(start, "go.work"),
            _ => Path.GetFullPath(goWork, start),
        };

        var modPath = workPath is null ? ModuleFile.FindUpward(start, "go.mod") : null;
        return From(start, workPath is null ? null : ModuleFile.Read(workPath), modPath);
    }

    /// <summary>The go.sum set of a checked snapshot, from the go.work and go.mod it already read.</summary>
    public static GoSumSet Find(GoSnapshot snapshot, ModulesKeyScope scope = ModulesKeyScope.Module)
    {
        var set = From(Path.GetFullPath(snapshot.Host.WorkingDirectory), snapshot.GoWork, snapshot.GoMod?.Path);
        return scope == ModulesKeyScope.Module || set.RepositoryRoot is null ? set : WithRepository(set, scope);
    }

    /// <summary>
    /// Adds the go.sum files of the repository's other modules, found in the git index (one read, no directory
    /// walk); an index this reader declines leaves the set as it is.
    /// </summary>
    private static GoSumSet WithRepository(GoSumSet set, ModulesKeyScope scope)
    {
        var root = set.RepositoryRoot!;
        List<GitIndexEntry>? entries = null;
        if (GitIndexFile.FindIndexPath(root) is { } indexPath)
        {
            try
            {
                entries = GitIndexFile.ParseByName(File.ReadAllBytes(indexPath), scope == ModulesKeyScope.GoSumGlob ? ["go.sum"] : ["go.mod", "go.work"]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                entries = null;
            }
        }

        if (entries is null)
        {
            return set;
        }

        var paths = set.Files.Select(f => f.FullPath).ToList();
        foreach (var entry in entries.Where(e => e.Stage == 0 && !e.SkipWorktree))
        {
            var directory = entry.Path.Contains('/', StringComparison.Ordinal) ? entry.Path[..entry.Path.LastIndexOf('/')] : "";
            var name = entry.Path[(directory.Length == 0 ? 0 : directory.Length + 1)..];
            if (scope == ModulesKeyScope.GoSumGlob)
            {
                paths.Add(Path.Combine(root, entry.Path));
            }
            else if (!IgnoredByGo(directory))
            {
                // cmd/go: a module's sums are in go.sum beside go.mod; a workspace's own in the go.work path + ".sum".
                paths.Add(name == "go.mod" ? Path.Combine(root, directory, "go.sum") : Path.Combine(root, entry.Path) + ".sum");
            }
        }

        return Build(set.BaseDirectory, set.GoWorkPath, set.GoModPath, paths);
    }

    /// <summary>testdata, vendor and directories starting with '.' or '_' hold no module of the repository's own.</summary>
    private static bool IgnoredByGo(string directory) =>
        directory.Split('/').Any(d => d is "testdata" or "vendor" || d.StartsWith('.') || d.StartsWith('_'));

    private static GoSumSet From(string start, ModuleFile? work, string? modPath)
    {
        if (work is not null)
        {
            var workDir = Path.GetDirectoryName(work.Path) ?? start;
            var sums = new List<string>();
            foreach (var use in work.Uses)
            {
                sums.Add(Path.Combine(Path.GetFullPath(use.Value, workDir), "go.sum"));
            }

            // cmd/go: the workspace's sum file is the go.work path + ".sum" (go.work.sum for the usual name).
            sums.Add(work.Path + ".sum");
            return Build(workDir, work.Path, null, sums);
        }

        if (modPath is null)
        {
            return Build(start, null, null, []);
        }

        var modDir = Path.GetDirectoryName(modPath)!;
        return Build(modDir, null, modPath, [Path.Combine(modDir, "go.sum")]);
    }

    private static GoSumSet Build(string rootDir, string? workPath, string? modPath, IEnumerable<string> fullPaths)
    {
        var repositoryRoot = GitFacts.FindWorkTreeRoot(rootDir);
        var baseDir = repositoryRoot ?? rootDir;
        // A dictionary and one sort: a SortedDictionary cost more than all the path work on 5,000 modules.
        var files = new Dictionary<string, GoSumFile>(StringComparer.Ordinal);
        foreach (var full in fullPaths)
        {
            var relative = RelativePaths.Of(baseDir, full);
            files.TryAdd(relative, new GoSumFile(relative, full));
        }

        var sorted = files.Values.ToList();
        sorted.Sort(static (a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new GoSumSet(baseDir, repositoryRoot, workPath, modPath, sorted);
    }
}
