using System.IO.Compression;
using GoEnv.Tasks.Tests.Infrastructure;

namespace GoEnv.Tasks.Tests;

/// <summary>
/// What users run: GoEnv.Tasks packed to a local feed, restored into an empty NUGET_PACKAGES (a clean machine), and a
/// real `dotnet build` of a polyglot repository with real Go. One pack and a few builds for the whole class: each
/// build costs seconds.
/// </summary>
[TestClass]
[TestCategory("E2E")]
public sealed class MSBuildEndToEndTests
{
    /// <summary>Valid for Go, and full of what MSBuild would expand, split or glob if it were not escaped.</summary>
    private const string GoFlags = "-mod=readonly -ldflags=-X=main.Tag=100%$(v)@(x)*";

    private static PackedFeed? s_feed;
    private static TempTree? s_packages;

    private static PackedFeed Feed => s_feed ?? throw new InvalidOperationException("ClassInitialize did not run");

    private static string NuGetPackages => s_packages!.PathTo("packages");

    [ClassInitialize]
    public static void PackOnce(TestContext context)
    {
        s_feed = PackedFeed.Create();
        s_packages = new TempTree("goenv-tasks-nuget-");
    }

    [ClassCleanup]
    public static void DeleteFeed()
    {
        s_packages?.Dispose();
        s_feed?.Dispose();
    }

    [TestMethod]
    public void Pack_TaskPackage_HoldsTasksDepsJsonEveryRidsNativeAndNoDependencies()
    {
        using var package = ZipFile.OpenRead(Feed.Package);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);

        foreach (var expected in new[]
        {
            "build/GoEnv.Tasks.props", "build/GoEnv.Tasks.targets", "buildMultiTargeting/GoEnv.Tasks.props", "buildMultiTargeting/GoEnv.Tasks.targets",
            "README.md", "tasks/net8.0/GoEnv.Tasks.dll", "tasks/net8.0/GoEnv.Tasks.deps.json", "tasks/net8.0/GoEnv.Core.dll",
            "tasks/net8.0/YamlDotNet.dll", "tasks/net8.0/LibGit2Sharp.dll", "tasks/net8.0/BouncyCastle.Cryptography.dll",
            "tasks/net8.0/runtimes/linux-x64/native/libgit2-5853918.so", "tasks/net8.0/runtimes/linux-musl-x64/native/libgit2-5853918.so",
            "tasks/net8.0/runtimes/linux-arm64/native/libgit2-5853918.so", "tasks/net8.0/runtimes/osx-arm64/native/libgit2-5853918.dylib",
            "tasks/net8.0/runtimes/win-x64/native/git2-5853918.dll",
        })
        {
            Assert.Contains(expected, entries);
        }

        Assert.IsFalse(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal)), "a task package puts nothing in lib/");
        Assert.IsFalse(entries.Any(e => e.Contains("Microsoft.Build", StringComparison.Ordinal)), "MSBuild's own assemblies are the host's");
        using var nuspec = new StreamReader(package.GetEntry("GoEnv.Tasks.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        StringAssert.Contains(text, "<developmentDependency>true</developmentDependency>");
        Assert.DoesNotContain("<dependency ", text);
    }

    [TestMethod]
    public void Build_BrokenEnvironment_FailsWithRuleIdsFileAndLine()
    {
        using var repo = new PolyglotRepository(Feed, NuGetPackages, goDirective: "1.99");
        repo.Environment["GOFLAGS"] = "-mod=bogus";

        var build = repo.Build("-v:m");

        Assert.AreNotEqual(0, build.ExitCode, build.Describe());
        StringAssert.Contains(build.Output, repo.PathTo("go.mod") + "(3,1): error GOENV0101: ", build.Describe());
        // A variable from the process environment: on the line of the PackageReference that brings GoEnv in.
        StringAssert.Contains(build.Output, repo.PathTo("app.csproj") + "(6,5): error GOENV0053: GOFLAGS", build.Describe());

        // Every GoEnv diagnostic is one that actions/setup-dotnet's problem matcher (and so a GitHub annotation) takes.
        var diagnostics = build.StandardOutput.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Contains(": error GOENV", StringComparison.Ordinal) || l.Contains(": warning GOENV", StringComparison.Ordinal)).ToList();
        Assert.IsGreaterThanOrEqualTo(2, diagnostics.Count, build.Describe());
        var matcher = new System.Text.RegularExpressions.Regex(@"^(.*)\((\d+)(?:,\d+|,\d+,\d+)?\):\s+(error|warning)\s+([a-zA-Z]+(?<!MSB)\d+):\s*(.*?)\s+\[(.*?)\]$");
        foreach (var line in diagnostics)
        {
            Assert.IsTrue(matcher.IsMatch(line.Trim()), "setup-dotnet's matcher does not take: " + line + "\n\nALL:\n" + string.Join("\n", diagnostics));
        }
        Assert.IsFalse(File.Exists(repo.PathTo("obj/goenv.env")), "nothing is pinned when the check fails");
        Assert.IsFalse(File.Exists(repo.PathTo("seen.txt")), "the Go target does not run");
        Assert.DoesNotContain("error CS", build.Output, "the check fails the build before anything compiles");
    }

    [TestMethod]
    public void Build_HealthyEnvironment_PinsHandsThePinToGoAndSkipsValidationWhenUnchanged()
    {
        using var repo = new PolyglotRepository(Feed, NuGetPackages);
        repo.Environment["GOFLAGS"] = GoFlags;

        // A build cache inside the checkout that git ignores: only libgit2, loaded from the package's
        // runtimes/ through its deps.json, can tell; without it the check would warn GOENV0034.
        repo.InitGit("/.gocache/\n/bin/\n/obj/\n");
        repo.Environment["GOCACHE"] = repo.PathTo(".gocache");

        var first = repo.Build("-v:n");

        Assert.AreEqual(0, first.ExitCode, first.Describe());
        StringAssert.Contains(first.Output, "GoEnv: pinned ", first.Describe());
        Assert.IsTrue(File.Exists(Path.Combine(NuGetPackages, "goenv.tasks", Feed.Version, "tasks", "net8.0", "GoEnv.Tasks.dll")), "the tasks ran from the package restored into the empty NUGET_PACKAGES");
        Assert.DoesNotContain("GOENV0034", first.Output, "libgit2 loaded from the package and saw the .gitignore");
        var envFile = File.ReadAllLines(repo.PathTo("obj/goenv.env"));
        CollectionAssert.Contains(envFile, "GOROOT=" + GoToolchain.GoRoot);
        CollectionAssert.Contains(envFile, "GOFLAGS=" + GoFlags);
        AssertGoSawThePin(repo);

        File.Delete(repo.PathTo("seen.txt"));
        var second = repo.Build("-v:d", "--no-restore");

        Assert.AreEqual(0, second.ExitCode, second.Describe());
        StringAssert.Contains(second.Output, "Skipping target \"GoEnvValidate\" because all output files are up-to-date", second.Describe());
        Assert.DoesNotContain("GoEnv: pinned ", second.Output);
        AssertGoSawThePin(repo);
    }

    [TestMethod]
    public void Build_MultiTargetedProject_ValidatesOnceInTheOuterBuild()
    {
        using var repo = new PolyglotRepository(Feed, NuGetPackages, multiTargeting: true);
        repo.Environment["GOFLAGS"] = GoFlags;

        var build = repo.Build("-v:d");

        Assert.AreEqual(0, build.ExitCode, build.Describe());
        Assert.HasCount(1, build.Output.Split("GoEnv: pinned ").Skip(1).ToList(), build.Describe());
        StringAssert.Contains(build.Output, "Skipping target \"GoEnvValidate\" because all output files are up-to-date", "the inner build finds the outer build's pin");
        AssertGoSawThePin(repo);
    }

    /// <summary>GOROOT, GOENV and GOWORK are not in the build's environment: only the pin can have put them there.</summary>
    private static void AssertGoSawThePin(PolyglotRepository repo)
    {
        var seen = File.ReadAllLines(repo.PathTo("seen.txt"));
        CollectionAssert.AreEqual(
            new[] { "GOROOT=" + GoToolchain.GoRoot, "GOFLAGS=" + GoFlags, "GOTOOLCHAIN=local", "GOENV=off", "GOWORK=off" },
            seen);
    }
}
