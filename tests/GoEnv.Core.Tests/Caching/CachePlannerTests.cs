using GoEnv.Core.Caching;
using GoEnv.Core.Ci;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class CachePlannerTests
{
    [TestMethod]
    [DataRow("push", "refs/heads/main", true)]
    [DataRow("push", "refs/heads/feature", false)]
    [DataRow("pull_request", "refs/pull/7/merge", false)]
    [DataRow("pull_request_target", "refs/heads/main", false)]
    [DataRow("schedule", "refs/heads/main", false)]
    public void Plan_GitHubDefaultBranchPolicy_SavesOnPushesToTheDefaultBranchOnly(string eventName, string gitRef, bool save)
    {
        using var temp = new TempDirectory();
        var payload = temp.Write("event.json", "{\"repository\":{\"default_branch\":\"main\"}}");
        var host = Host(temp, ("GITHUB_EVENT_NAME", eventName), ("GITHUB_REF", gitRef), ("GITHUB_EVENT_PATH", payload));

        var plan = CachePlanner.Plan(CacheMode.All, CacheSavePolicy.DefaultBranch, Pinned(temp), host, CiPlatform.GitHub);

        Assert.IsTrue(plan.Modules && plan.Build);
        Assert.AreEqual(save, plan.Save);
        Assert.AreEqual(save ? 0 : 1, plan.Notes.Count, string.Join("\n", plan.Notes));
    }

    [TestMethod]
    public void Plan_GitHubWithoutEventPayload_DoesNotSave()
    {
        using var temp = new TempDirectory();
        var host = Host(temp, ("GITHUB_EVENT_NAME", "push"), ("GITHUB_REF", "refs/heads/main"));

        var plan = CachePlanner.Plan(CacheMode.All, CacheSavePolicy.DefaultBranch, Pinned(temp), host, CiPlatform.GitHub);

        Assert.IsFalse(plan.Save);
        StringAssert.Contains(plan.Notes.Single(), "(unknown)");
    }

    [TestMethod]
    [DataRow("main", null, true)]
    [DataRow("feature", null, false)]
    [DataRow(null, "12", false)]
    public void Plan_GitLabDefaultBranchPolicy_PushesOnTheDefaultBranchOnly(string? branch, string? mergeRequest, bool save)
    {
        using var temp = new TempDirectory();
        var host = Host(temp, ("CI_DEFAULT_BRANCH", "main"), ("CI_COMMIT_BRANCH", branch ?? ""), ("CI_MERGE_REQUEST_IID", mergeRequest ?? ""));

        var plan = CachePlanner.Plan(CacheMode.All, CacheSavePolicy.DefaultBranch, Pinned(temp), host, CiPlatform.GitLab);

        Assert.AreEqual(save, plan.Save, string.Join("\n", plan.Notes));
        if (mergeRequest is not null)
        {
            StringAssert.Contains(plan.Notes.Single(), "merge request !12");
        }
    }

    [TestMethod]
    [DataRow(CacheSavePolicy.Always, true)]
    [DataRow(CacheSavePolicy.Never, false)]
    public void Plan_ExplicitPolicy_WinsOverTheBranch(CacheSavePolicy policy, bool save)
    {
        using var temp = new TempDirectory();

        var plan = CachePlanner.Plan(CacheMode.Modules, policy, Pinned(temp), Host(temp), CiPlatform.None);

        Assert.AreEqual((true, false, save), (plan.Modules, plan.Build, plan.Save));
    }

    [TestMethod]
    public void Plan_Off_PlansNothing()
    {
        using var temp = new TempDirectory();

        Assert.AreSame(CachePlan.None, CachePlanner.Plan(CacheMode.Off, CacheSavePolicy.Always, Pinned(temp), Host(temp), CiPlatform.GitHub));
    }

    [TestMethod]
    public void Plan_ModuleCacheAlreadyFilled_LeavesItOutButRestoresTheBuildCache()
    {
        using var temp = new TempDirectory();
        temp.Write("mod/cache/download/example.org/dep/@v/list", "v1.0.0\n");
        temp.Write("go-build/README", "Go's\n");

        var plan = CachePlanner.Plan(CacheMode.All, CacheSavePolicy.Always, Pinned(temp), Host(temp), CiPlatform.GitHub);

        Assert.IsFalse(plan.Modules);
        Assert.IsTrue(plan.Build, "a build cache that exists is restored over: Go's entries are writable");
        StringAssert.Contains(plan.Notes.Single(), "Cannot open: File exists");
    }

    [TestMethod]
    public void Plan_GoCacheProgInTheEnvironment_LeavesTheBuildCacheOut()
    {
        using var temp = new TempDirectory();

        var plan = CachePlanner.Plan(CacheMode.All, CacheSavePolicy.Always, Pinned(temp), Host(temp, ("GOCACHEPROG", "cacheprog --token=x")), CiPlatform.GitHub);

        Assert.AreEqual((true, false), (plan.Modules, plan.Build));
        StringAssert.Contains(plan.Notes.Single(), "GOCACHEPROG is set");
    }

    private static PinnedEnvironment Pinned(TempDirectory temp) => new("go1.24.6",
    [
        new(GoVariableNames.GoCache, Path.Combine(temp.Path, "go-build")),
        new(GoVariableNames.GoModCache, Path.Combine(temp.Path, "mod")),
    ]);

    private static HostEnvironment Host(TempDirectory temp, params (string Name, string Value)[] variables) =>
        new(variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)), temp.Path, HostOs.Linux);
}
