using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The action's own caching, run by the emulator with real Go and the published goenv-action: a push to the default
/// branch restores, builds, trims and saves; a pull request restores only; post steps run in the runner's order.
/// </summary>
public sealed partial class CompositeActionTests
{
    [TestMethod]
    public void Action_PushToDefaultBranchThenPullRequest_SavesTrimmedCachesThenRestoresThemWithoutSaving()
    {
        var (go, checkout, emulator, sandbox) = CachingJob();

        // Job 1: a push to main, the default branch.
        var push = emulator.Run(With(checkout), Event(sandbox, "push", "refs/heads/main"));
        Assert.IsTrue(push.Succeeded, push.Describe());
        Assert.AreEqual("true", push.Outputs["cache-save"], push.Describe());
        Assert.AreEqual("false", push.Outputs["cache-hit"], "nothing to restore yet");
        var build = emulator.RunLaterStep(push, "go build ./... && go vet ./...\n");
        Assert.AreEqual(0, build.ExitCode, build.Describe());
        var gocache = push.Outputs["gocache"];
        var unused = Path.Combine(gocache, "ff", new string('f', 64) + "-d");
        Directory.CreateDirectory(Path.GetDirectoryName(unused)!);
        File.WriteAllText(unused, "an entry this job never used");
        File.SetLastWriteTimeUtc(unused, DateTime.UtcNow.AddDays(-1));

        var posts = emulator.RunPostSteps(push);

        // Registered: module cache, build cache, trim; run last registered first.
        CollectionAssert.AreEqual(
            new[] { "Post Prepare the build cache (trimmed at the end of the job)", "Post Restore the build cache (trimmed and saved at the end of the job)", "Post Restore the module cache (saved at the end of the job)" },
            posts.Select(p => p.Name).ToArray());
        Assert.IsTrue(posts.All(p => p.Succeeded), string.Join("\n", posts.Select(p => p.Describe())));
        StringAssert.Contains(posts[0].StandardOutput, "cache trim: ", posts[0].Describe());
        Assert.IsFalse(File.Exists(unused), "trim runs before the save: an unused entry must not be saved");
        var saved = emulator.CacheService.Entries.Select(e => e.Key).ToList();
        CollectionAssert.AreEqual(new[] { push.Outputs["cache-key"] + "-1001-1", push.Outputs["cache-key-modules"] }, saved);

        // Job 2: a pull request on a fresh runner (same paths, empty caches).
        Assert.AreEqual(0, emulator.RunLaterStep(push, "go clean -modcache && rm -rf \"$GOCACHE\"\n").ExitCode);
        var pullRequest = new CompositeActionEmulator(checkout.ActionDirectory, sandbox.ModuleDirectory, checkout.RunnerDirectory, sandbox.Environment, emulator.CacheService) { RunId = "1002" }
            .Run(With(checkout), Event(sandbox, "pull_request", "refs/pull/7/merge"));

        Assert.IsTrue(pullRequest.Succeeded, pullRequest.Describe());
        Assert.AreEqual("false", pullRequest.Outputs["cache-save"]);
        Assert.AreEqual("true", pullRequest.Outputs["cache-hit"], pullRequest.Describe());
        Assert.IsEmpty(pullRequest.PostSteps, "a pull request registers no save and no trim");
        var offline = emulator.RunLaterStep(pullRequest, "GOPROXY=off go build -x ./... 2>&1\n");
        Assert.AreEqual(0, offline.ExitCode, "the module cache was restored: nothing to download\n" + offline.Describe());
        Assert.IsFalse(offline.StandardOutput.Contains("/compile ", StringComparison.Ordinal), "the build cache was restored: nothing to compile\n" + offline.StandardOutput);
        _ = go;
    }

    [TestMethod]
    public void Action_ModuleCacheAlreadyFilled_LeavesItAloneInsteadOfFailingInTar()
    {
        var (_, checkout, emulator, sandbox) = CachingJob();
        var first = emulator.Run(With(checkout), Event(sandbox, "push", "refs/heads/main"));
        Assert.AreEqual(0, emulator.RunLaterStep(first, "go mod download\n").ExitCode);
        emulator.RunPostSteps(first);

        var again = new CompositeActionEmulator(checkout.ActionDirectory, sandbox.ModuleDirectory, checkout.RunnerDirectory, sandbox.Environment, emulator.CacheService) { RunId = "1002" }
            .Run(With(checkout), Event(sandbox, "push", "refs/heads/main"));

        Assert.IsTrue(again.Succeeded, again.Describe());
        Assert.IsFalse(again.Step("modules-cache").Ran || again.Step("modules-cache-restore").Ran, again.Describe());
        StringAssert.Contains(again.Step("goenv").StandardOutput, "already holds modules", again.Step("goenv").Describe());
        Assert.IsTrue(again.Step("build-cache").Ran, "the build cache is still restored");
    }

    [TestMethod]
    public void Tar_RestoreOverReadOnlyModuleDirectories_FailsWithFileExists()
    {
        // Why a filled module cache is left alone: Go makes module directories 0555 and files 0444, and the tar that
        // actions/cache runs (-xf … -P -C workspace) cannot replace them. Root ignores the modes: run as nobody then.
        var root = Directory.CreateTempSubdirectory("goenv-tar-").FullName;
        try
        {
            const string Script = "mkdir -p mod/example.org/dep@v1.0.0 && echo 'package dep' > mod/example.org/dep@v1.0.0/dep.go "
                + "&& chmod 0444 mod/example.org/dep@v1.0.0/dep.go && chmod 0555 mod/example.org/dep@v1.0.0 "
                + "&& tar --posix -cf cache.tar -P -C . mod && tar -xf cache.tar -P -C .";
            string[] command = HostUser.IsRoot ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/sh", "-c", Script] : ["/bin/sh", "-c", Script];
            if (HostUser.IsRoot)
            {
                ChildProcess.Run("/bin/chown", ["65534:65534", root], root, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(30));
            }

            var tar = ChildProcess.Run(command[0], command[1..], root, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(60));

            Assert.AreNotEqual(0, tar.ExitCode, tar.Describe());
            StringAssert.Contains(tar.StandardError, "Cannot open: File exists", tar.Describe());
        }
        finally
        {
            ChildProcess.Run("/bin/chmod", ["-R", "u+w", root], "/", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(30));
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("false", false, false)]
    [DataRow("modules", true, false)]
    [DataRow("build", false, true)]
    public void Action_CacheInput_RestoresOnlyTheCachesAsked(string cache, bool modules, bool build)
    {
        var (_, checkout, emulator, sandbox) = CachingJob();

        var run = emulator.Run(With(checkout, ("cache", cache)), Event(sandbox, "push", "refs/heads/main"));

        Assert.IsTrue(run.Succeeded, run.Describe());
        Assert.AreEqual(modules, run.Step("modules-cache").Ran, run.Describe());
        Assert.AreEqual(build, run.Step("build-cache").Ran && run.Step("build-cache-trim").Ran, run.Describe());
        Assert.IsFalse(string.IsNullOrEmpty(run.Outputs["cache-key"]), "the keys are set whatever the input");
    }

    [TestMethod]
    public void Action_GoCacheProgSet_CachesModulesOnly()
    {
        var (_, checkout, emulator, sandbox) = CachingJob();
        var environment = Event(sandbox, "push", "refs/heads/main");
        environment["GOCACHEPROG"] = sandbox.WriteExecutable("bin/cache-prog", ScenarioCatalog.CacheProgram);

        var run = emulator.Run(With(checkout), environment);

        Assert.IsTrue(run.Succeeded, run.Describe());
        Assert.IsTrue(run.Step("modules-cache").Ran, run.Describe());
        Assert.IsFalse(run.Step("build-cache").Ran || run.Step("build-cache-trim").Ran, run.Describe());
        StringAssert.Contains(run.Step("goenv").StandardOutput, "GOCACHEPROG is set", run.Step("goenv").Describe());
    }

    /// <summary>The step's env as the runner gives it for a push or a pull request (GITHUB_EVENT_PATH with the default branch).</summary>
    private static Dictionary<string, string> Event(GoSandbox sandbox, string name, string gitRef)
    {
        var payload = sandbox.WriteFile("event.json", "{\"repository\":{\"default_branch\":\"main\",\"full_name\":\"org/app\"}}");
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GITHUB_EVENT_NAME"] = name,
            ["GITHUB_REF"] = gitRef,
            ["GITHUB_EVENT_PATH"] = payload,
        };
    }

    /// <summary>The action over a healthy git-tracked sandbox of the newest Go, with caches under the sandbox's HOME.</summary>
    private (GoToolchain Go, ActionCheckout Checkout, CompositeActionEmulator Emulator, GoSandbox Sandbox) CachingJob()
    {
        var go = GoToolchains.Require()[^1];
        var sandbox = GoSandbox.Create(go);
        _disposables.Add(sandbox);
        sandbox.InitGitRepository("goenv.env\n");
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddPublishedArchive()));
        return (go, checkout, new CompositeActionEmulator(checkout.ActionDirectory, sandbox.ModuleDirectory, checkout.RunnerDirectory, sandbox.Environment), sandbox);
    }
}
