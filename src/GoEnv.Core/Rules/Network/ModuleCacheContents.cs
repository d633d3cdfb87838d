using GoEnv.Core.Discovery;

namespace GoEnv.Core.Rules.Network;

/// <summary>Which of the main module's requirements Go would have to download: those whose .mod is not in the module cache.</summary>
internal static class ModuleCacheContents
{
    public static List<ModuleRequirement> Missing(GoSnapshot snapshot)
    {
        var cache = snapshot.Value(GoVariableNames.GoModCache);
        return snapshot.GoMod is not { } mod || snapshot.HasVendor
            ? []
            : mod.Requires.Where(r => cache.Length == 0 || !File.Exists(Path.Combine(cache, "cache", "download", EscapePath(r.Path), "@v", EscapePath(r.Version) + ".mod"))).ToList();
    }

    /// <summary>module.EscapePath: upper-case letters become '!' + lower case (case-insensitive file systems).</summary>
    private static string EscapePath(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length + 4);
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
}
