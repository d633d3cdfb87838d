using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>The harness itself: toolchains found, the sandbox's go.sum is what real Go computes, the CLI speaks JSON.</summary>
[TestClass]
public sealed class HarnessTests
{
    [TestMethod]
    public void GoToolchains_Discovery_FindsInstalledToolchainsInVersionOrder()
    {
        IReadOnlyList<GoToolchain> toolchains = GoToolchains.Require();

        IEnumerable<(int, int, int)> versions = toolchains.Select(t => (t.Major, t.Minor, t.Patch));
        CollectionAssert.AreEqual(versions.Order().ToList(), versions.ToList(), "toolchains must be ordered by version");
        foreach (GoToolchain toolchain in toolchains)
        {
            Assert.IsTrue(File.Exists(toolchain.GoBinary), $"{toolchain.GoBinary} is missing");
        }
    }

    [TestMethod]
    public void GoToolchains_DiscoverInDirectoriesWithoutGo_FindsNone()
    {
        DirectoryInfo empty = Directory.CreateTempSubdirectory("goenv-nogo-");
        try
        {
            Assert.IsEmpty(GoToolchains.Discover([empty.FullName, Path.Combine(empty.FullName, "missing")]));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void GoToolchains_RootWithoutVersionFile_AsksGoVersionAndDeduplicates()
    {
        GoToolchain real = GoToolchains.Require()[^1];
        DirectoryInfo root = Directory.CreateTempSubdirectory("goenv-goroot-");
        try
        {
            // A GOROOT without VERSION whose bin/go is the real binary: only `go version` can tell the version.
            Directory.CreateDirectory(Path.Combine(root.FullName, "bin"));
            File.CreateSymbolicLink(Path.Combine(root.FullName, "bin", "go"), real.GoBinary);

            IReadOnlyList<GoToolchain> found = GoToolchains.Discover([root.FullName, root.FullName + "/"]);

            Assert.HasCount(1, found);
            Assert.AreEqual(real.Version, found[0].Version);
            Assert.AreEqual(root.FullName, found[0].GoRoot);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void ModuleHash_Hash1_MatchesGoForKnownContent()
    {
        // Computed by go1.23.5 for this exact content (go mod download, GOSUMDB=off).
        Assert.AreEqual("h1:PjUtVxyFXYEN3IWbbhFo/wHK0zjgPl6ZBsq5yMoZ5u0=", DependencyModule.ZipHash);
        Assert.AreEqual("h1:1G5PdGkLpNgz7cUAkY//nbli7eXHmEcmfMMAOvoKVEY=", DependencyModule.GoModHash);
    }

    [TestMethod]
    public async Task GoSandbox_GoSum_IsWhatEveryRealGoComputes()
    {
        var failures = new List<string>();
        await Parallel.ForEachAsync(GoToolchains.Require(), (toolchain, _) =>
        {
            using GoSandbox sandbox = GoSandbox.Create(toolchain);
            ProcessResult download = sandbox.RunGo("mod", "download", "-json", DependencyModule.Path);
            ProcessResult verify = sandbox.RunGo("mod", "verify");
            string? problem = Compare(download, verify);
            if (problem is not null)
            {
                lock (failures)
                {
                    failures.Add($"[{toolchain}] {problem}");
                }
            }

            return ValueTask.CompletedTask;
        });

        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void PublishedBinary_CheckInHealthySandbox_PrintsOneJsonObject()
    {
        GoToolchain toolchain = GoToolchains.Require()[^1];
        using GoSandbox sandbox = GoSandbox.Create(toolchain);

        CheckRun run = sandbox.RunCheck();

        Assert.IsNull(run.JsonError, run.Describe());
        Assert.AreEqual(0, run.ExitCode, run.Describe());
    }

    private static string? Compare(ProcessResult download, ProcessResult verify)
    {
        if (download.ExitCode != 0)
        {
            return download.Describe();
        }

        using JsonDocument json = JsonDocument.Parse(download.StandardOutput);
        string? sum = json.RootElement.TryGetProperty("Sum", out JsonElement s) ? s.GetString() : null;
        string? goModSum = json.RootElement.TryGetProperty("GoModSum", out JsonElement g) ? g.GetString() : null;
        if (sum != DependencyModule.ZipHash || goModSum != DependencyModule.GoModHash)
        {
            return $"Go computes Sum={sum} GoModSum={goModSum}; the sandbox wrote {DependencyModule.ZipHash} and {DependencyModule.GoModHash}";
        }

        return verify.ExitCode == 0 && verify.Output.Contains("all modules verified", StringComparison.Ordinal)
            ? null
            : "go mod verify: " + verify.Describe();
    }
}
