namespace GoEnv.Core.Caching;

/// <summary>What the CI should do with the Go caches in this job: restore (and save) each, or why not.</summary>
/// <param name="Modules">Restore the module cache (GOMODCACHE) with the modules key.</param>
/// <param name="Build">Restore the build cache (GOCACHE) with the build key, prepare it, trim it before saving.</param>
/// <param name="Save">Save what was restored at the end of the job.</param>
/// <param name="Notes">Why a cache is left out, or why nothing is saved.</param>
public sealed record CachePlan(bool Modules, bool Build, bool Save, IReadOnlyList<string> Notes)
{
    public static readonly CachePlan None = new(false, false, false, []);
}
