using GoEnv.Core.Findings;
using GoEnv.Core.Rules.Flags;

namespace GoEnv.Core.Rules.Caches;

/// <summary>
/// Without -trimpath, cmd/go/internal/work.buildActionID hashes each package's absolute directory ("dir %s") into
/// its action ID (every release 1.10–1.27; packages in GOROOT excepted), dependencies in the module cache included.
/// A checkout path that differs between runners therefore makes a shared build cache miss on every package.
/// </summary>
internal sealed class BuildCacheNotShareableRule : Rule
{
    public override string Id => "GOENV0036";

    public override string Title => "The build cache cannot be shared between runners: the checkout path varies and -trimpath is off";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "Without -trimpath Go puts every package's absolute directory into its build cache key (cmd/go buildActionID: \"dir /builds/…/pkg\"), for the module's own packages and for dependencies in GOMODCACHE alike. GitLab clones into $CI_BUILDS_DIR/<runner token>/<concurrency slot>/<group>/<project>, so a build cache saved by one runner or slot misses on every package in every other: it is restored, takes time and space, and rebuilds everything. A shared remote cache (GOCACHEPROG) is hit the same way.";

    public override string Fix => "Add -trimpath to GOFLAGS (binaries then record module paths instead of directories, which also makes them reproducible), or give every runner the same clone path (GIT_CLONE_PATH: $CI_BUILDS_DIR/$CI_PROJECT_PATH, with custom_build_dir enabled on the runners).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var host = snapshot.Host;
        if (host.Get("GITLAB_CI") != "true" || host.GetNonEmpty("CI_PROJECT_DIR") is not { } projectDir
            || host.GetNonEmpty("CI_RUNNER_SHORT_TOKEN") is not { } token
            || !projectDir.Replace('\\', '/').Contains("/" + token + "/", StringComparison.Ordinal)
            || snapshot.Value(GoVariableNames.GoCache) == "off"
            || GoFlagsAnalysis.Of(snapshot).IsOn("trimpath"))
        {
            yield break;
        }

        var where = snapshot.Value(GoVariableNames.GoCacheProg).Length > 0 ? "the shared GOCACHEPROG cache" : "a build cache saved by one runner or concurrency slot";
        yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} has no -trimpath, and the checkout {projectDir} includes this runner's token ({token}) and concurrency slot: Go keys every package built without -trimpath by its absolute directory, so {where} misses on every package elsewhere.");
    }
}
