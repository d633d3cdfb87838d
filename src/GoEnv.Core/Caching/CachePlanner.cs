using System.Text.Json;
using GoEnv.Core.Ci;
using GoEnv.Core.Discovery;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Caching;

/// <summary>
/// Decides, from the pinned environment and the CI's own variables, which caches this job restores and whether it
/// saves them. The CI templates only carry the decision out (action.yml's `if:`, GitLab's cache policy).
/// </summary>
public static class CachePlanner
{
    public static CachePlan Plan(CacheMode mode, CacheSavePolicy savePolicy, PinnedEnvironment pinned, HostEnvironment host, CiPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(pinned);
        ArgumentNullException.ThrowIfNull(host);
        if (mode == CacheMode.Off)
        {
            return CachePlan.None;
        }

        var notes = new List<string>();
        string Pinned(string name) => pinned.Variables.TryGetValue(name, out var value) ? value : "";
        var modules = mode is CacheMode.All or CacheMode.Modules && Restorable(GoVariableNames.GoModCache, Pinned(GoVariableNames.GoModCache), mustBeEmpty: true, notes);
        var build = mode is CacheMode.All or CacheMode.Build;
        if (build && (Pinned(GoVariableNames.GoCacheProg).Length > 0 || host.GetNonEmpty(GoVariableNames.GoCacheProg) is not null))
        {
            notes.Add("the build cache is not restored or saved: GOCACHEPROG is set, so Go keeps its build outputs with the cache program, not in GOCACHE.");
            build = false;
        }

        build = build && Restorable(GoVariableNames.GoCache, Pinned(GoVariableNames.GoCache), mustBeEmpty: false, notes);
        var save = savePolicy switch
        {
            CacheSavePolicy.Always => true,
            CacheSavePolicy.Never => false,
            _ => OnDefaultBranch(host, platform, out var why) || Note(notes, why),
        };
        return new CachePlan(modules, build, (modules || build) && save, notes);
    }

    /// <summary>
    /// A restore extracts an archive over the directory. Go makes module cache directories read-only, so tar stops
    /// at the first one that already exists ("Cannot open: File exists"); a directory of another user cannot be
    /// written at all.
    /// </summary>
    private static bool Restorable(string name, string path, bool mustBeEmpty, List<string> notes)
    {
        if (path.Length == 0 || !Path.IsPathFullyQualified(path))
        {
            notes.Add($"{name} is not cached: it has no absolute directory ({path}).");
            return false;
        }

        if (!Directory.Exists(path))
        {
            return true;
        }

        if (FileSystemFacts.EffectiveUid() is { } me && FileSystemFacts.OwnerUid(path) is { } owner && owner != me)
        {
            notes.Add($"{name} ({path}) is not cached: it belongs to user {owner}, not to this job's user {me}, so a restore cannot write into it.");
            return false;
        }

        if (mustBeEmpty && Directory.EnumerateFileSystemEntries(path).Any())
        {
            notes.Add($"{name} ({path}) is not cached: it already holds modules (from the image or an earlier step), and restoring over Go's read-only module directories fails (tar: \"Cannot open: File exists\"). The modules already there are used as they are.");
            return false;
        }

        return true;
    }

    private static bool OnDefaultBranch(HostEnvironment host, CiPlatform platform, out string why)
    {
        switch (platform)
        {
            case CiPlatform.GitHub:
                var branch = GitHubDefaultBranch(host);
                var onIt = host.Get("GITHUB_EVENT_NAME") == "push" && branch is not null && host.Get("GITHUB_REF") == "refs/heads/" + branch;
                why = onIt ? "" : $"the caches are restored, not saved: this is a {host.Get("GITHUB_EVENT_NAME") ?? "?"} of {host.Get("GITHUB_REF") ?? "?"}, and they are saved by pushes to the default branch ({branch ?? "unknown"}) only (cache-save: always changes that).";
                return onIt;
            case CiPlatform.GitLab:
                var defaultBranch = host.GetNonEmpty("CI_DEFAULT_BRANCH");
                var onDefault = defaultBranch is not null && host.Get("CI_COMMIT_BRANCH") == defaultBranch;
                why = onDefault ? "" : $"the caches are pulled, not pushed: this pipeline is for {host.GetNonEmpty("CI_COMMIT_BRANCH") ?? host.GetNonEmpty("CI_MERGE_REQUEST_IID")?.Insert(0, "merge request !") ?? host.GetNonEmpty("CI_COMMIT_TAG") ?? "?"}, and only the default branch ({defaultBranch ?? "unknown"}) pushes them.";
                return onDefault;
            default:
                why = "the caches are not saved: outside GitHub and GitLab there is no default branch to tell.";
                return false;
        }
    }

    /// <summary>repository.default_branch of the event payload ($GITHUB_EVENT_PATH); the runner sets no variable for it.</summary>
    private static string? GitHubDefaultBranch(HostEnvironment host)
    {
        if (host.GetNonEmpty("GITHUB_EVENT_PATH") is not { } path)
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(File.ReadAllBytes(path));
            return payload.RootElement.TryGetProperty("repository", out var repository) && repository.ValueKind == JsonValueKind.Object
                && repository.TryGetProperty("default_branch", out var branch) && branch.ValueKind == JsonValueKind.String
                ? branch.GetString()
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    private static bool Note(List<string> notes, string note)
    {
        notes.Add(note);
        return false;
    }
}
