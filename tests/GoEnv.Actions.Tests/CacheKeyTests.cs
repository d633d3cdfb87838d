using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>The cache keys `pin` computes, through the published binary on the newest installed Go.</summary>
[TestClass]
public sealed class CacheKeyTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [TestMethod]
    [DataRow("CGO_CFLAGS", "-O3 -g")]
    [DataRow("CGO_LDFLAGS", "-lm")]
    [DataRow("CC", "compiler-wrapper")]
    [DataRow("GODEBUG", "netdns=go")]
    [DataRow("GOEXPERIMENT", "noregabiwrappers")]
    [DataRow("GOFLAGS", "-trimpath")]
    [DataRow("GOFLAGS", "-tags=integration")]
    public void Pin_ABuildInputChanges_TheBuildKeyChangesTheModulesKeyDoesNot(string name, string value)
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.Set("CGO_ENABLED", "1");
        var before = Keys(sandbox);

        sandbox.Set(name, value == "compiler-wrapper" ? CompilerWrapper(sandbox, "9.9.9") : value);
        var after = Keys(sandbox);

        Assert.AreEqual(before.Modules, after.Modules);
        Assert.AreNotEqual(before.Build, after.Build);
        Assert.AreEqual(name == "GOFLAGS" && value == "-trimpath", after.Build.Contains("-cgo1.trimpath-", StringComparison.Ordinal), after.Build);
    }

    [TestMethod]
    public void Pin_CgoOff_TheCCompilerDoesNotReachTheKey()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.Set("CGO_ENABLED", "0");
        var before = Keys(sandbox);

        sandbox.Set("CC", CompilerWrapper(sandbox, "9.9.9"));
        sandbox.Set("CGO_CFLAGS", "-O3");

        Assert.AreEqual(before.Build, Keys(sandbox).Build);
    }

    [TestMethod]
    public void Pin_SameCompilerVersionAtAnotherPath_SameKey()
    {
        // Go's own cache takes the compiler's version line, not its path: two runners with the same gcc share.
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.Set("CGO_ENABLED", "1");
        sandbox.Set("CC", CompilerWrapper(sandbox, "9.9.9", "a"));
        var a = Keys(sandbox);

        sandbox.Set("CC", CompilerWrapper(sandbox, "9.9.9", "b"));

        Assert.AreNotEqual(a.Build, Keys(sandbox).Build, "CC's own value differs (a/cc vs b/cc), so the key does");
        sandbox.Set("CC", CompilerWrapper(sandbox, "9.9.8", "a"));
        Assert.AreNotEqual(a.Build, Keys(sandbox).Build, "same path, another version");
    }

    [TestMethod]
    public void GoBuild_CheckoutAtAnotherRunnersPath_MissesWithoutTrimpathAndGoenvSaysSo()
    {
        var failures = new List<string>();
        foreach (var go in GoToolchains.Require())
        {
            using var sandbox = GoSandbox.Create(go);
            sandbox.Set("GOCACHE", sandbox.PathTo("gocache"));
            foreach (var trimPath in new[] { false, true })
            {
                sandbox.Set("GOFLAGS", trimPath ? "-trimpath" : "-mod=readonly");
                // GitLab's clone path: $CI_BUILDS_DIR/<runner token>/<slot>/<group>/<project>.
                var first = Checkout(sandbox, "glrt-first", trimPath);
                var second = Checkout(sandbox, "glrt-other", trimPath);
                sandbox.WorkingDirectory = first;
                sandbox.RunGo("build", "./...");
                sandbox.WorkingDirectory = second;
                var build = sandbox.RunGo("build", "-x", "./...");
                var compiled = build.StandardError.Contains("/compile ", StringComparison.Ordinal);
                sandbox.Set("GITLAB_CI", "true");
                sandbox.Set("CI_PROJECT_DIR", second);
                sandbox.Set("CI_RUNNER_SHORT_TOKEN", "glrt-other");
                var warned = sandbox.RunCheck().Warnings.Any(f => f.Rule == "GOENV0036");
                foreach (var name in new[] { "GITLAB_CI", "CI_PROJECT_DIR", "CI_RUNNER_SHORT_TOKEN" })
                {
                    sandbox.Unset(name);
                }

                if (compiled != !trimPath || warned != !trimPath)
                {
                    failures.Add($"{go} -trimpath={trimPath}: Go compiled again: {compiled}, GOENV0036: {warned}\n{build.Describe()}");
                }
            }
        }

        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    private static string Checkout(GoSandbox sandbox, string token, bool trimPath)
    {
        var target = sandbox.PathTo(Path.Combine("builds", token, "0", trimPath ? "trim" : "plain", "app"));
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(sandbox.ModuleDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        return target;
    }

    [TestMethod]
    public void Pin_CacheDir_MovesGosDefaultCachesOnlyAndGoUsesThem()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var cacheDir = sandbox.PathTo("fast drive");
        var envFile = Path.Combine(sandbox.Root, "goenv.env");
        var pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--env-file", envFile, "--format", "sh", "--cache-dir", cacheDir], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual(0, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.StandardOutput, "GOCACHE is pinned to " + Path.Combine(cacheDir, "go-build"));

        var go = ChildProcess.Run("/bin/sh", ["-c", $". '{envFile}' && go env GOCACHE GOMODCACHE"], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual($"{Path.Combine(cacheDir, "go-build")}\n{Path.Combine(cacheDir, "mod")}\n", go.StandardOutput, go.Describe());

        // A cache the user chose stays where it is.
        sandbox.Set("GOCACHE", sandbox.PathTo("mine"));
        pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--env-file", envFile, "--format", "sh", "--cache-dir", cacheDir], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual(0, pin.ExitCode, pin.Describe());
        go = ChildProcess.Run("/bin/sh", ["-c", $". '{envFile}' && go env GOCACHE GOMODCACHE"], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual($"{sandbox.PathTo("mine")}\n{Path.Combine(cacheDir, "mod")}\n", go.StandardOutput, go.Describe());
    }

    [TestMethod]
    public void Pin_CacheDirUnderAFile_RefusesAndWritesNothing()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var file = sandbox.WriteFile("not-a-directory", "x");
        var envFile = Path.Combine(sandbox.Root, "goenv.env");

        var pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--env-file", envFile, "--cache-dir", Path.Combine(file, "cache")], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);

        Assert.AreEqual(1, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.Output, "GOCACHE would be " + Path.Combine(file, "cache", "go-build"), pin.Describe());
        Assert.IsFalse(File.Exists(envFile));
    }

    /// <summary>A C compiler stand-in that prints a gcc-like version line for `-###` and runs gcc otherwise.</summary>
    private static string CompilerWrapper(GoSandbox sandbox, string version, string directory = "wrapper") =>
        sandbox.WriteExecutable(Path.Combine(directory, "cc"), "#!/bin/sh\ncase \" $* \" in\n  *' -### '*) echo 'Thread model: posix' >&2; echo 'gcc version " + version + " (stand-in)' >&2 ;;\n  *) exec /usr/bin/gcc \"$@\" ;;\nesac\n");

    private static (string Modules, string Build) Keys(GoSandbox sandbox)
    {
        var pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--summary", "json", "--env-file", Path.Combine(sandbox.Root, "goenv.env")], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual(0, pin.ExitCode, pin.Describe());
        using var json = JsonDocument.Parse(pin.StandardOutput);
        var keys = json.RootElement.GetProperty("cacheKeys");
        return (keys.GetProperty("modules").GetString()!, keys.GetProperty("build").GetString()!);
    }
}
