using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Pinning;

namespace GoEnv.Actions.Tests;

/// <summary>
/// GOCACHEPROG against a real cache program (Data/cacheprog: the protocol of cmd/go/internal/cacheprog over a directory,
/// built once with real Go), on every installed Go that reads GOCACHEPROG without GOEXPERIMENT (1.24+): check starts
/// it as cmd/go does and finds nothing wrong, pin carries it, real Go builds through it (puts, then hits once the local
/// GOCACHE is gone), and a program that exits before the handshake breaks Go and check alike, with Go's words.
/// </summary>
[TestClass]
public sealed class CacheProgTests
{
    /// <summary>What cmd/go (cache/prog.go, readLoop) prints when the program closes stdout before announcing itself.</summary>
    private const string ExitedBeforeHandshake = "GOCACHEPROG exited pre-Close with 1 pending requests";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);
    private static string? s_buildRoot;
    private static string? s_program;
    private static string? s_buildFailure;
    private readonly List<GoSandbox> _sandboxes = [];

    /// <summary>Builds Data/cacheprog with the newest Go 1.24+ in a throw-away GOPATH, GOCACHE and HOME, offline.</summary>
    [ClassInitialize]
    public static void BuildCacheProgram(TestContext context)
    {
        var go = GoToolchains.All.LastOrDefault(t => t.IsAtLeast(24));
        if (go is null)
        {
            return;
        }

        s_buildRoot = Directory.CreateTempSubdirectory("goenv-cacheprog-").FullName;
        // A copy outside the checkout: go build would otherwise stamp the repository's git state (-buildvcs=auto).
        var source = Path.Combine(s_buildRoot, "src");
        Directory.CreateDirectory(source);
        foreach (var name in new[] { "go.mod", "main.go" })
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "cacheprog", name), Path.Combine(source, name));
        }

        var home = Path.Combine(s_buildRoot, "home");
        GoSandbox.TurnTelemetryOff(home);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["PATH"] = go.BinDirectory + ":/usr/bin:/bin",
            ["GOCACHE"] = Path.Combine(s_buildRoot, "gocache"),
            ["GOPATH"] = Path.Combine(s_buildRoot, "gopath"),
            ["GOPROXY"] = "off",
            ["GOTOOLCHAIN"] = "local",
            ["CGO_ENABLED"] = "0",
        };
        var program = Path.Combine(s_buildRoot, "bin", "cacheprog");
        var build = ChildProcess.Run(go.GoBinary, ["build", "-o", program, "."], source, env, TimeSpan.FromMinutes(5));
        if (build.ExitCode == 0 && File.Exists(program))
        {
            s_program = program;
        }
        else
        {
            s_buildFailure = $"building the cache program with {go} failed: " + build.Describe();
        }
    }

    [ClassCleanup]
    public static void RemoveCacheProgram()
    {
        if (s_buildRoot is not null && Directory.Exists(s_buildRoot))
        {
            Directory.Delete(s_buildRoot, recursive: true);
        }
    }

    [TestCleanup]
    public void RemoveSandboxes()
    {
        foreach (var sandbox in _sandboxes)
        {
            sandbox.Dispose();
        }
    }

    [TestMethod]
    public void CheckAndPin_WorkingCacheProgram_NoGoenv0035AndGoCacheProgPinned() => ForEachGo(go =>
    {
        var (sandbox, value, store, _) = SandboxWithCacheProgram(go);
        var check = sandbox.RunCheck();
        if (check.JsonError is not null || check.ExitCode != 0 || check.Findings.Any(f => f.Rule == "GOENV0035"))
        {
            return "check: expected exit 0 and no GOENV0035: " + check.Describe();
        }

        // The program creates its -dir before it announces itself: proof that check really started it.
        if (!Directory.Exists(store))
        {
            return $"check did not start the cache program ({store} was not created): " + check.Describe();
        }

        var pin = Goenv(sandbox, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var pinned = EnvFileReader.Read(Path.Combine(sandbox.ModuleDirectory, "goenv.sh"), EnvFileFormat.Sh).Variables;
        return pinned.TryGetValue("GOCACHEPROG", out var written) && written.Value == value
            ? null
            : $"pin must write GOCACHEPROG={value}, wrote {(written is null ? "nothing" : written.Value)}: " + pin.Describe();
    });

    /// <summary>
    /// The remote cache, not GOCACHE, holds the build: the second build, with the local GOCACHE deleted, compiles
    /// nothing — every get is a hit and nothing is put. GOCACHEPROG comes from the pinned file alone.
    /// </summary>
    [TestMethod]
    public void GoBuild_PinnedCacheProgram_PutsThenServesHitsWithTheLocalGoCacheDeleted() => ForEachGo(go =>
    {
        var (sandbox, _, _, log) = SandboxWithCacheProgram(go);
        var pin = Goenv(sandbox, "pin", "--format", "sh", "--env-file", "goenv.sh");
        if (pin.ExitCode != 0)
        {
            return pin.Describe();
        }

        var env = new Dictionary<string, string>(sandbox.Environment);
        env.Remove("GOCACHEPROG");
        var goCache = EnvFileReader.Read(Path.Combine(sandbox.ModuleDirectory, "goenv.sh"), EnvFileFormat.Sh).Variables["GOCACHE"].Value;
        var before = LogLines(log).Count;
        var first = Sh(sandbox.ModuleDirectory, env, ". ./goenv.sh && go build ./...");
        var firstLines = LogLines(log).Skip(before).ToList();
        if (first.ExitCode != 0 || !firstLines.Any(l => l.StartsWith("put ", StringComparison.Ordinal)))
        {
            return "the first build must succeed and put its outputs into the cache program: " + first.Describe() + "\n    log: " + string.Join(" | ", firstLines);
        }

        if (!Directory.Exists(goCache))
        {
            return $"Go did not create the pinned GOCACHE {goCache} (it does even with GOCACHEPROG)";
        }

        Directory.Delete(goCache, recursive: true);
        var second = Sh(sandbox.ModuleDirectory, env, ". ./goenv.sh && go build ./...");
        var secondLines = LogLines(log).Skip(before + firstLines.Count).ToList();
        var hits = secondLines.Count(l => l.StartsWith("get ", StringComparison.Ordinal) && l.EndsWith(" hit", StringComparison.Ordinal));
        var compiled = secondLines.Where(l => l.StartsWith("put ", StringComparison.Ordinal) || l.EndsWith(" miss", StringComparison.Ordinal)).ToList();
        return second.ExitCode == 0 && hits > 0 && compiled.Count == 0
            ? null
            : $"the second build must be served by the cache program ({hits} hits; misses and puts: {string.Join(" | ", compiled)}): " + second.Describe();
    });

    [TestMethod]
    public void CheckAndGoBuild_CacheProgramExitsBeforeTheHandshake_BothFailWithGosText() => ForEachGo(go =>
    {
        var (sandbox, _, _, _) = SandboxWithCacheProgram(go);
        sandbox.Set("GOCACHEPROG", s_program + " -fail-handshake");
        var check = sandbox.RunCheck();
        var build = sandbox.RunGo("build", "./...");
        var problems = new List<string>();
        if (build.ExitCode == 0 || !build.Output.Contains(ExitedBeforeHandshake, StringComparison.Ordinal))
        {
            problems.Add($"real Go must fail with \"{ExitedBeforeHandshake}\": " + build.Describe());
        }

        var finding = check.Findings.FirstOrDefault(f => f.Rule == "GOENV0035");
        if (check.ExitCode != 1 || finding is not { Severity: "error", Variable: "GOCACHEPROG" } || finding.Message?.Contains(ExitedBeforeHandshake, StringComparison.Ordinal) != true)
        {
            problems.Add($"check must exit 1 with a GOENV0035 error quoting \"{ExitedBeforeHandshake}\": " + check.Describe());
        }

        return problems.Count == 0 ? null : string.Join("\n", problems);
    });

    /// <summary>The toolchains that read GOCACHEPROG without GOEXPERIMENT; inconclusive when none is installed.</summary>
    private static void ForEachGo(Func<GoToolchain, string?> test)
    {
        var toolchains = GoToolchains.Require().Where(t => t.IsAtLeast(24)).ToList();
        if (toolchains.Count == 0)
        {
            Assert.Inconclusive("GOCACHEPROG needs Go 1.24+; installed: " + string.Join(", ", GoToolchains.All) + ". Run `bash .ci/install-go.sh` (as root).");
        }

        if (s_buildFailure is not null)
        {
            Assert.Fail(s_buildFailure);
        }

        GoToolchains.AssertOnEach(test, toolchains);
    }

    /// <summary>The differential tests' sandbox with GOCACHEPROG naming the cache program, its store and its log inside the sandbox.</summary>
    private (GoSandbox Sandbox, string Value, string Store, string Log) SandboxWithCacheProgram(GoToolchain go)
    {
        var sandbox = GoSandbox.Create(go);
        _sandboxes.Add(sandbox);
        var store = sandbox.PathTo("remote-cache");
        var log = sandbox.PathTo("cacheprog.log");
        var value = $"{s_program} -dir {store} -log {log}";
        sandbox.Set("GOCACHEPROG", value);
        return (sandbox, value, store, log);
    }

    private static List<string> LogLines(string log) => File.Exists(log) ? [.. File.ReadAllLines(log)] : [];

    private static ProcessResult Goenv(GoSandbox sandbox, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.ModuleDirectory, sandbox.Environment, s_timeout);

    private static ProcessResult Sh(string dir, IReadOnlyDictionary<string, string> env, string script) =>
        ChildProcess.Run("/bin/sh", ["-c", script], dir, env, s_timeout);
}
