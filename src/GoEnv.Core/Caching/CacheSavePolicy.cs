namespace GoEnv.Core.Caching;

/// <summary>Which jobs save the caches they restored (the action's `cache-save` input).</summary>
public enum CacheSavePolicy
{
    /// <summary>
    /// Pushes to the default branch only. Pull requests and other branches restore but never write, so a pull
    /// request cannot put anything into the caches that the default branch's (and release) jobs restore.
    /// </summary>
    DefaultBranch,

    /// <summary>Every job (a fork's pull request on GitHub still cannot: its token has no cache write access).</summary>
    Always,

    /// <summary>No job: restore only.</summary>
    Never,
}
