using System.Text;

namespace GoEnv.Core.Modules;

/// <summary>Module paths and versions as cmd/go lays them out on disk (golang.org/x/mod/module).</summary>
public static class ModulePaths
{
    /// <summary>module.EscapePath/EscapeVersion: upper-case letters become '!' + lower case (case-insensitive file systems).</summary>
    public static string Escape(string path)
    {
        var sb = new StringBuilder(path.Length + 4);
        foreach (var c in path)
        {
            if (c is >= 'A' and <= 'Z')
            {
                sb.Append('!').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>$GOMODCACHE/cache/download/&lt;path&gt;/@v/&lt;version&gt;&lt;extension&gt; (".mod", ".zip", ".ziphash", ".info").</summary>
    public static string DownloadFile(string moduleCache, string path, string version, string extension) =>
        MirrorFile(Path.Combine(moduleCache, "cache", "download"), path, version, extension);

    /// <summary>$GOMODCACHE/&lt;path&gt;@&lt;version&gt;: the extracted module Go builds from.</summary>
    public static string ExtractedDirectory(string moduleCache, string path, string version) =>
        Path.Combine(moduleCache, Escape(path) + "@" + Escape(version));

    /// <summary>
    /// A mirror's file: &lt;root&gt;/&lt;path&gt;/@v/&lt;version&gt;&lt;extension&gt; (the GOPROXY protocol on disk, which the
    /// module cache's cache/download also follows).
    /// </summary>
    public static string MirrorFile(string mirror, string path, string version, string extension) =>
        Path.Combine(mirror, Escape(path), "@v", Escape(version) + extension);

    /// <summary>
    /// True for a standard-library import path: its first element has no dot (search.IsStandardImportPath); "C" (cgo)
    /// counts too.
    /// </summary>
    public static bool IsStandard(string importPath)
    {
        var slash = importPath.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? importPath : importPath[..slash];
        return !first.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>True when <paramref name="importPath"/> is <paramref name="modulePath"/> or inside it (str.HasPathPrefix).</summary>
    public static bool Contains(string modulePath, string importPath) =>
        importPath == modulePath || (importPath.Length > modulePath.Length && importPath.StartsWith(modulePath, StringComparison.Ordinal) && importPath[modulePath.Length] == '/');
}
