namespace GoEnv.Core.Caching;

/// <summary>Which Go caches the CI restores and saves (the action's and the component's `cache` input).</summary>
public enum CacheMode
{
    /// <summary>Neither: the keys are computed, restoring and saving is left to the user.</summary>
    Off,

    /// <summary>The module cache (GOMODCACHE) and the build cache (GOCACHE), each with its own key.</summary>
    All,

    /// <summary>The module cache only.</summary>
    Modules,

    /// <summary>The build cache only.</summary>
    Build,
}
