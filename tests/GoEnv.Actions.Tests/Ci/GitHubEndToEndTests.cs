using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Ci;

/// <summary>
/// The published binary in a GitHub Actions step: what it printed and appended is read back exactly as the runner
/// reads it (the parser ports in tests/Shared/Ci/GitHubRunner.cs), with real Go.
/// </summary>
[TestClass]
public sealed class GitHubEndToEndTests
{
    /// <summary>A directory name with everything that breaks naive writers: spaces, ',', ':', '%', escapes, commands, HTML, non-ASCII.</summary>
    private const string HostileName = "a b,c:d%0A%25 ::error::x ##[warning]y <script>é ✓";

    private static readonly HashSet<string> s_expectedOutputs =
        ["go-version", "goroot", "gopath", "gocache", "gomodcache", "env-file", "cache-key", "cache-key-modules", "restore-keys", "restore-keys-modules", "cache-modules", "cache-build", "cache-save", "env-json"];

    private static readonly HashSet<string> s_intendedCommands = new(StringComparer.OrdinalIgnoreCase) { "add-mask", "group", "endgroup", "error", "warning", "notice" };

    private readonly List<IDisposable> _cleanup = [];

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }
    }

    private (GoSandbox Sandbox, RunnerFiles Runner, Dictionary<string, string> Env) Step(Action<GoSandbox>? configure = null)
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var runner = new RunnerFiles();
        _cleanup.Add(runner);
        _cleanup.Add(sandbox);
        configure?.Invoke(sandbox);
        return (sandbox, runner, runner.StepEnvironment(sandbox.Environment, sandbox.ModuleDirectory));
    }

    private static ProcessResult Goenv(GoSandbox sandbox, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.ModuleDirectory, env, TimeSpan.FromSeconds(60));

    /// <summary>Every command the runner would execute from the step's stdout and stderr.</summary>
    private static List<GitHubCommandLine> Commands(ProcessResult result)
    {
        var commands = new List<GitHubCommandLine>();
        foreach (var line in GitHubRunner.ReadLines(result.StandardOutput).Concat(GitHubRunner.ReadLines(result.StandardError)))
        {
            Assert.IsFalse(GitHubRunner.ContainsLegacyCommand(line), "a ##[ command in: " + line);
            if (GitHubRunner.TryParseCommand(line, out var command))
            {
                commands.Add(command);
            }
        }

        var forged = commands.Where(c => !s_intendedCommands.Contains(c.Command)).ToList();
        Assert.IsEmpty(forged, "commands the tool did not intend: " + string.Join(", ", forged.Select(c => c.Command)));
        return commands;
    }

    [TestMethod]
    public void Pin_Healthy_ExportsRoundTripByteExactlyThroughTheRunnersParsers()
    {
        var (sandbox, runner, env) = Step(s =>
        {
            var hostile = s.PathTo(HostileName);
            s.Set("GOCACHE", Path.Combine(hostile, "cache"));
            s.Set("GOMODCACHE", Path.Combine(hostile, "mod cache"));
            s.Set("GOFLAGS", "-mod=readonly");
        });

        var result = Goenv(sandbox, env, "pin");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var pinned = EnvFileReader.Read(Path.Combine(sandbox.ModuleDirectory, "goenv.env"), EnvFileFormat.Dotenv).Variables
            .Where(v => v.Key != "GOENV_PIN_SHA256").ToDictionary(v => v.Key, v => v.Value.Value);
        var exported = GitHubRunner.ReadEnvFile(runner.Env);
        CollectionAssert.AreEquivalent(pinned.Keys.ToList(), exported.Select(e => e.Name).ToList(), "exactly the pinned names, nothing else");
        foreach (var (name, value) in exported)
        {
            Assert.AreEqual(pinned[name], value, name);
        }

        Assert.AreEqual(Path.Combine(sandbox.PathTo(HostileName), "cache"), exported.Single(e => e.Name == "GOCACHE").Value);
        CollectionAssert.AreEqual(new[] { Path.Combine(pinned["GOROOT"], "bin") }, GitHubRunner.ReadPathFile(runner.PathFile).ToArray());

        var outputs = GitHubRunner.ReadEnvFile(runner.Output).ToDictionary(o => o.Name, o => o.Value);
        CollectionAssert.AreEquivalent(s_expectedOutputs.ToList(), outputs.Keys.ToList());
        Assert.AreEqual(Path.Combine(sandbox.PathTo(HostileName), "mod cache"), outputs["gomodcache"]);
        Assert.AreEqual(sandbox.Toolchain.Version, "go" + outputs["go-version"]);
        Assert.AreEqual(Path.Combine(sandbox.ModuleDirectory, "goenv.env"), outputs["env-file"]);
        StringAssert.StartsWith(outputs["cache-key"], "goenv-build-");
        Assert.AreEqual(3, outputs["restore-keys"].Split('\n').Length, outputs["restore-keys"]);
        Assert.AreEqual(2, outputs["restore-keys-modules"].Split('\n').Length, outputs["restore-keys-modules"]);
        Assert.AreEqual("false|false|false", $"{outputs["cache-modules"]}|{outputs["cache-build"]}|{outputs["cache-save"]}", "pin caches nothing unless --cache says so");
        var json = JsonSerializer.Deserialize<Dictionary<string, string>>(outputs["env-json"])!;
        CollectionAssert.AreEquivalent(pinned.ToList(), json.ToList());

        Commands(result);
        var summary = File.ReadAllText(runner.Summary);
        StringAssert.Contains(summary, "GOMODCACHE");
        Assert.DoesNotContain("<script>", summary);
        Assert.IsLessThan(1_048_576, new FileInfo(runner.Summary).Length);
    }

    [TestMethod]
    public void Pin_Broken_AnnotatesTheCulpritExitsOneAndExportsNothing()
    {
        var (sandbox, runner, env) = Step(s => s.Set("GOFLAGS", "-mod=bogus"));

        var result = Goenv(sandbox, env, "pin");

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        var errors = Commands(result).Where(c => c.Command == "error").ToList();
        Assert.IsTrue(errors.Any(c => c.Properties.TryGetValue("title", out var title) && title.Contains("GOFLAGS", StringComparison.Ordinal)), result.Describe());
        foreach (var file in new[] { runner.Env, runner.Output, runner.PathFile })
        {
            Assert.AreEqual(0, new FileInfo(file).Length, file + " must stay empty: the runner applies file commands even when the step fails");
        }

        Assert.IsFalse(File.Exists(Path.Combine(sandbox.ModuleDirectory, "goenv.env")));
    }

    [TestMethod]
    [DataRow("-mod=bogus\r::add-path::/evil")]
    [DataRow("-mod=bogus\n::set-env name=NODE_OPTIONS::--require=/evil")]
    [DataRow("-mod=bogus ##[add-matcher]/evil.json")]
    [DataRow("-mod=bogus%0A::stop-commands::x")]
    public void Check_HostileValue_CannotForgeAWorkflowCommand(string goflags)
    {
        var (sandbox, runner, env) = Step(s => s.Set("GOFLAGS", goflags));

        var result = Goenv(sandbox, env, "check");

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        var commands = Commands(result);
        Assert.IsNotEmpty(commands.Where(c => c.Command == "error").ToList(), result.Describe());
        Assert.AreEqual(0, new FileInfo(runner.Env).Length);
    }

    [TestMethod]
    public void Pin_CredentialsInGoproxy_AreMaskedFirstAndAppearNowhereElse()
    {
        const string secret = "s3cr3t-T0ken-e2e";
        var (sandbox, runner, env) = Step(s => s.Set("GOPROXY", $"https://ci-user:{secret}@proxy.example.com/mod,direct"));

        var result = Goenv(sandbox, env, "pin");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var lines = GitHubRunner.ReadLines(result.StandardOutput);
        Assert.AreEqual("::add-mask::" + secret, lines[0]);
        var everything = string.Join('\n', lines.Skip(1)) + result.StandardError + runner.AllFileText()
            + File.ReadAllText(Path.Combine(sandbox.ModuleDirectory, "goenv.env"));
        Assert.DoesNotContain(secret, everything);
        Assert.IsFalse(GitHubRunner.ReadEnvFile(runner.Env).Any(e => e.Name == "GOPROXY"), "a credential-bearing GOPROXY is left to the job's secrets");
    }

    [TestMethod]
    public void Verify_Drift_IsAnErrorAnnotationOnTheEnvFileLine()
    {
        var (sandbox, runner, env) = Step();
        Assert.AreEqual(0, Goenv(sandbox, env, "pin").ExitCode);
        var later = new Dictionary<string, string>(env) { ["GOFLAGS"] = "-mod=mod" };
        foreach (var (name, value) in GitHubRunner.ReadEnvFile(runner.Env))
        {
            later.TryAdd(name, value);
        }

        var result = Goenv(sandbox, later, "verify");

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        var error = Commands(result).Single(c => c.Command == "error");
        Assert.AreEqual("goenv.env", error.Properties["file"]);
        var line = File.ReadAllLines(Path.Combine(sandbox.ModuleDirectory, "goenv.env"))[int.Parse(error.Properties["line"], System.Globalization.CultureInfo.InvariantCulture) - 1];
        StringAssert.StartsWith(line, "GOFLAGS=");
    }
}
