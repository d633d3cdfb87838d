using GoEnv.Core.Caching;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>
/// What the component's `.goenv-cache` job reads from the dotenv report: a key and a fallback key per cache. GitLab
/// caches are mutable (pull-push uploads every time) and keys match exactly (no prefixes), so the jobs that save
/// (the default branch's) keep one shared cache per configuration under a stable key, refreshed and trimmed by
/// every such pipeline, and the others look for an exact one first (written only with cache-save: always) and fall
/// back to the shared one. GOCACHE and GOMODCACHE inside $CI_PROJECT_DIR are left to the template: the checkout
/// path differs between runners, so a path pinned here would be wrong in the next job.
/// </summary>
public static class GitLabCacheVariables
{
    public const string ModulesKey = "GOENV_CACHE_KEY_MODULES";
    public const string ModulesFallback = "GOENV_CACHE_FALLBACK_MODULES";
    public const string BuildKey = "GOENV_CACHE_KEY_BUILD";
    public const string BuildFallback = "GOENV_CACHE_FALLBACK_BUILD";

    public static PinnedEnvironment Add(PinnedEnvironment environment, CacheKeys keys, CachePlan plan, string? projectDirectory, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(plan);
        var variables = new Dictionary<string, string>(environment.Variables, StringComparer.Ordinal);
        var modulesShared = keys.ModulesRestoreKeys[0].TrimEnd('-');
        var buildShared = keys.BuildRestoreKeys[0].TrimEnd('-');

        // A cache left out (a filled module cache, GOCACHEPROG) gets a key no job restores anything useful from.
        variables[ModulesKey] = !plan.Modules ? modulesShared + "-off" : plan.Save ? modulesShared : keys.Modules;
        variables[ModulesFallback] = modulesShared;
        variables[BuildKey] = !plan.Build ? buildShared + "-off" : plan.Save ? buildShared : keys.Build;
        variables[BuildFallback] = buildShared;

        if (projectDirectory is not null)
        {
            foreach (var name in new[] { GoVariableNames.GoCache, GoVariableNames.GoModCache })
            {
                if (variables.TryGetValue(name, out var path) && IsInside(path, projectDirectory))
                {
                    variables.Remove(name);
                    notes.Add($"{name} ({path}) is not in the dotenv report: it lies in this job's $CI_PROJECT_DIR, which differs between runners; jobs that extend .goenv-cache set it under their own $CI_PROJECT_DIR.");
                }
            }
        }

        return new PinnedEnvironment(environment.GoVersion, variables);
    }

    private static bool IsInside(string path, string directory)
    {
        return !RelativePaths.LeavesRoot(Path.GetRelativePath(directory, path));
    }
}
