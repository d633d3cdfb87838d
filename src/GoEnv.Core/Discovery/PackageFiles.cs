using System.IO.Enumeration;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Discovery;

/// <summary>
/// The .go files of packages on disk, found as `./...` finds them in module mode, with one directory read per
/// directory (the entries' types come from the directory listing: no stat per file).
/// </summary>
internal static class PackageFiles
{
    private static readonly EnumerationOptions s_options = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 };

    /// <summary>
    /// Every package directory of the module rooted at <paramref name="moduleRoot"/> with its .go files: vendor,
    /// testdata, '.' and '_' directories and nested modules (a directory with its own go.mod) left out.
    /// </summary>
    /// <param name="budget">How many .go files may still be listed (it is lowered by those listed); null once there are more.</param>
    public static List<(string Directory, string[] GoFiles)>? PackagesOf(string moduleRoot, ref int budget)
    {
        var packages = new List<(string, string[])>();
        var pending = new Stack<string>();
        pending.Push(moduleRoot);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            var (files, subdirectories, hasGoMod) = List(directory);
            if (hasGoMod && directory != moduleRoot)
            {
                continue;
            }

            budget -= files.Count;
            if (budget < 0)
            {
                return null;
            }

            if (files.Count > 0)
            {
                files.Sort(StringComparer.Ordinal);
                packages.Add((directory, [.. files]));
            }

            foreach (var subdirectory in subdirectories)
            {
                var name = Path.GetFileName(subdirectory);
                if (name is not ("vendor" or "testdata") && !name.StartsWith('.') && !name.StartsWith('_'))
                {
                    pending.Push(subdirectory);
                }
            }
        }

        return packages;
    }

    /// <summary>The .go files of one directory, in name order (none when it does not exist).</summary>
    public static string[] GoFilesIn(string directory)
    {
        var files = List(directory).Files;
        files.Sort(StringComparer.Ordinal);
        return [.. files];
    }

    /// <summary>
    /// The imports of the package made of <paramref name="goFiles"/> for the target, first occurrence each: of its
    /// build files, or (<paramref name="tests"/>) of its _test.go files.
    /// </summary>
    public static IEnumerable<(string Path, string File, int Line)> Imports(string[] goFiles, BuildContext context, ModuleTreeFiles files, bool tests = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in goFiles)
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('_') || name.StartsWith('.') || name.EndsWith("_test.go", StringComparison.Ordinal) != tests || !context.MatchesFileName(name))
            {
                continue;
            }

            var header = files.Header(file);
            var included = header.GoBuild is { } expression ? context.MatchExpression(expression) : header.PlusBuild.All(context.MatchPlusBuildLine);
            if (!included || (!context.Cgo && header.Imports.Any(i => i.Path == "C")))
            {
                continue;
            }

            foreach (var (path, line) in header.Imports)
            {
                if (seen.Add(path))
                {
                    yield return (path, file, line);
                }
            }
        }
    }

    private static (List<string> Files, List<string> Subdirectories, bool HasGoMod) List(string directory)
    {
        var files = new List<string>();
        var subdirectories = new List<string>();
        var hasGoMod = false;
        try
        {
            var entries = new FileSystemEnumerable<(string Path, bool IsDirectory, bool IsGo, bool IsGoMod)>(
                directory,
                (ref FileSystemEntry entry) => (entry.ToFullPath(), entry.IsDirectory, entry.FileName.EndsWith(".go", StringComparison.Ordinal), entry.FileName.SequenceEqual("go.mod")),
                s_options)
            {
                // Symbolic links are not followed (as `./...` does not follow them to directories); a linked .go file counts.
                // Only directories, .go files and go.mod get a path made: a tree's other files cost no allocation.
                ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory
                    ? (entry.Attributes & FileAttributes.ReparsePoint) == 0
                    : entry.FileName.EndsWith(".go", StringComparison.Ordinal) || entry.FileName.SequenceEqual("go.mod"),
            };
            foreach (var (path, isDirectory, isGo, isGoMod) in entries)
            {
                if (isDirectory)
                {
                    subdirectories.Add(path);
                }
                else if (isGoMod)
                {
                    hasGoMod = true;
                }
                else if (isGo)
                {
                    files.Add(path);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return (files, subdirectories, hasGoMod);
    }
}
