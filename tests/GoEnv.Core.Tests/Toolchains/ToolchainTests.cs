using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Tests.Toolchains;

[TestClass]
public sealed class ToolchainTests
{
    private static InstalledToolchain Toolchain(string version) => new("/go/" + version, GoVersion.Parse(version)!, "test");

    [TestMethod]
    [DataRow("1.22", "go1.22.0", true)]
    [DataRow("1.22", "go1.22rc1", true)]
    [DataRow("1.22", "go1.21.13", false)]
    [DataRow("1.22.3", "go1.22.2", false)]
    [DataRow("1.22.3", "go1.22.3", true)]
    [DataRow("1.19", "go1.27.3", true)]
    public void Satisfies_GoLine_LikeGo121(string goLine, string release, bool expected) =>
        Assert.AreEqual(expected, ToolchainSelector.Satisfies(GoVersion.Parse(release)!, GoVersion.ParseStrict(goLine)!));

    [TestMethod]
    public void Select_SeveralQualify_PinsTheNewest()
    {
        var selection = ToolchainSelector.Select([Toolchain("go1.19.8"), Toolchain("go1.23.5"), Toolchain("go1.22.12")], GoVersion.ParseStrict("1.22"), null);
        Assert.AreEqual("1.23.5", selection.Chosen!.Version.Text);
    }

    [TestMethod]
    public void Select_ToolchainLineInstalled_PinsIt()
    {
        var selection = ToolchainSelector.Select([Toolchain("go1.23.5"), Toolchain("go1.22.12")], GoVersion.ParseStrict("1.21"), GoVersion.Parse("go1.22.12"));
        Assert.AreEqual("1.22.12", selection.Chosen!.Version.Text);
    }

    [TestMethod]
    public void Select_NothingNewEnough_ListsWhatWasFound()
    {
        var selection = ToolchainSelector.Select([Toolchain("go1.19.8"), Toolchain("go1.23.5")], GoVersion.ParseStrict("1.99"), null);
        Assert.IsNull(selection.Chosen);
        Assert.HasCount(2, selection.Candidates);
        Assert.AreEqual("go >= 1.99", selection.Requirement);
    }

    [TestMethod]
    public void Select_PolicyRange_NarrowsTheChoice()
    {
        var selection = ToolchainSelector.Select([Toolchain("go1.27.3"), Toolchain("go1.23.5")], GoVersion.ParseStrict("1.21"), null, v => v < GoVersion.ParseStrict("1.24")!);
        Assert.AreEqual("1.23.5", selection.Chosen!.Version.Text);
    }

    [TestMethod]
    public void Find_ToolCacheSdkAndModuleCacheLayouts_AreAllFound()
    {
        var root = Directory.CreateTempSubdirectory("goenv-toolchains-").FullName;
        try
        {
            var toolCache = Path.Combine(root, "toolcache");
            var home = Path.Combine(root, "home");
            var modCache = Path.Combine(root, "modcache");
            MakeGoRoot(Path.Combine(toolCache, "go", "1.22.12", "x64"), "go1.22.12");
            MakeGoRoot(Path.Combine(home, "sdk", "go1.21.13"), "go1.21.13");
            MakeGoRoot(Path.Combine(modCache, "golang.org", "toolchain@v0.0.1-go1.24.4.linux-amd64"), "go1.24.4");
            MakeGoRoot(Path.Combine(root, "not-a-go"), null);
            var host = new HostEnvironment(
                new Dictionary<string, string> { ["RUNNER_TOOL_CACHE"] = toolCache, ["HOME"] = home, ["PATH"] = "/nonexistent" },
                root,
                HostOs.Linux);

            var found = ToolchainFinder.Find(host, modCache).Where(t => t.GoRoot.StartsWith(root, StringComparison.Ordinal)).ToList();

            CollectionAssert.AreEqual(new[] { "1.24.4", "1.22.12", "1.21.13" }, found.Select(t => t.Version.Text).ToArray());
            CollectionAssert.AreEqual(new[] { "GOMODCACHE", "RUNNER_TOOL_CACHE", "~/sdk" }, found.Select(t => t.FoundVia).ToArray());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void PredictModuleCache_AsCmdGoDerivesIt_FindsToolchainsUnderGopath()
    {
        var root = Directory.CreateTempSubdirectory("goenv-modcache-").FullName;
        try
        {
            var home = Path.Combine(root, "home");
            var gopath = Path.Combine(root, "gopath");
            var fromFile = Path.Combine(root, "from-env-file");
            Directory.CreateDirectory(Path.Combine(home, ".config", "go"));
            HostEnvironment Host(params (string Name, string Value)[] variables) => new(
                variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).Append(new("HOME", home)).Append(new("PATH", "/nonexistent")),
                root,
                HostOs.Linux);

            // The golang image's layout: GOPATH=/go, toolchains Go downloaded under /go/pkg/mod.
            MakeGoRoot(Path.Combine(gopath, "pkg", "mod", "golang.org", "toolchain@v0.0.1-go1.24.4.linux-amd64"), "go1.24.4");
            var withGopath = Host(("GOPATH", gopath + ":" + Path.Combine(root, "second")));
            Assert.AreEqual(Path.Combine(gopath, "pkg", "mod"), SnapshotBuilder.PredictModuleCache(withGopath));
            Assert.AreEqual("GOMODCACHE", ToolchainFinder.Find(withGopath, SnapshotBuilder.PredictModuleCache(withGopath)).Single(t => t.GoRoot.StartsWith(root, StringComparison.Ordinal)).FoundVia);

            Assert.AreEqual(Path.Combine(home, "go", "pkg", "mod"), SnapshotBuilder.PredictModuleCache(Host()));
            Assert.AreEqual("/explicit", SnapshotBuilder.PredictModuleCache(Host(("GOMODCACHE", "/explicit"), ("GOPATH", gopath))));
            File.WriteAllText(Path.Combine(home, ".config", "go", "env"), "GOMODCACHE=" + fromFile + "\n");
            Assert.AreEqual(fromFile, SnapshotBuilder.PredictModuleCache(Host(("GOPATH", gopath))));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void MakeGoRoot(string dir, string? version)
    {
        Directory.CreateDirectory(Path.Combine(dir, "bin"));
        File.WriteAllText(Path.Combine(dir, "bin", "go"), "");
        if (version is not null)
        {
            File.WriteAllText(Path.Combine(dir, "VERSION"), version + "\ntime 2026-01-01\n");
        }
    }
}
