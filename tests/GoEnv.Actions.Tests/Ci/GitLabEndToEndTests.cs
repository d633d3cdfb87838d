using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Ci;

/// <summary>
/// The published binary in a GitLab job: the dotenv report and the Code Quality report are read back with ports
/// of GitLab's own parsers (tests/Shared/Ci/GitLabParsers.cs), and a later job gets the dotenv variables.
/// </summary>
[TestClass]
public sealed class GitLabEndToEndTests
{
    private readonly List<GoSandbox> _sandboxes = [];

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var sandbox in _sandboxes)
        {
            sandbox.Dispose();
        }
    }

    private (GoSandbox Sandbox, Dictionary<string, string> Env) Job(Action<GoSandbox>? configure = null)
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        _sandboxes.Add(sandbox);
        configure?.Invoke(sandbox);
        var env = new Dictionary<string, string>(sandbox.Environment)
        {
            ["GITLAB_CI"] = "true",
            ["CI"] = "true",
            ["CI_PROJECT_DIR"] = sandbox.ModuleDirectory,
            ["CI_CONFIG_PATH"] = ".gitlab-ci.yml",
        };
        return (sandbox, env);
    }

    private static ProcessResult Goenv(GoSandbox sandbox, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.ModuleDirectory, env, TimeSpan.FromSeconds(60));

    [TestMethod]
    public void Pin_Healthy_DotenvPassesGitLabsParserAndALaterJobVerifies()
    {
        // Healthy down to the module graph: with the module cache filled nothing is left to download (no GOENV0159 notice).
        var (sandbox, env) = Job(s =>
        {
            s.Set("GOFLAGS", "-mod=readonly");
            s.FillModuleCache();
        });

        var result = Goenv(sandbox, env, "pin");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var dotenv = GitLabParsers.ParseDotenv(File.ReadAllBytes(Path.Combine(sandbox.ModuleDirectory, "goenv.env")));
        Assert.IsLessThanOrEqualTo(20, dotenv.Count);
        Assert.AreEqual("-mod=readonly", dotenv["GOFLAGS"]);
        Assert.AreEqual("local", dotenv["GOTOOLCHAIN"]);
        StringAssert.Contains(dotenv["GOENV_PIN_EMPTY"], "GOPRIVATE");
        Assert.IsEmpty(GitLabParsers.ParseCodeQuality(File.ReadAllBytes(Path.Combine(sandbox.ModuleDirectory, "goenv-codequality.json"))));

        var log = GitLabParsers.RenderLog(result.StandardOutput);
        Assert.IsFalse(log.Events.Any(e => e.StartsWith("erase:", StringComparison.Ordinal)), string.Join('\n', log.Events));
        CollectionAssert.Contains(log.Events.ToList(), "end:goenv-pin");

        // A later job that `needs:` the pin job gets the dotenv variables on top of its own.
        var later = new Dictionary<string, string>(env);
        foreach (var (name, value) in dotenv)
        {
            later[name] = value;
        }

        var verify = Goenv(sandbox, later, "verify");
        Assert.AreEqual(0, verify.ExitCode, verify.Describe());

        // A variable folded into GOENV_PIN_EMPTY is still checked.
        later["GOPRIVATE"] = "corp.example.com";
        var drift = Goenv(sandbox, later, "verify");
        Assert.AreEqual(1, drift.ExitCode, drift.Describe());
        StringAssert.Contains(drift.StandardOutput, "GOPRIVATE drifted");
    }

    [TestMethod]
    public void Pin_Broken_CodeQualityNamesTheCulpritAndNoDotenvIsWritten()
    {
        var (sandbox, env) = Job(s => s.Set("GOFLAGS", "-mod=bogus\r\u001b[2K::error::x"));

        var result = Goenv(sandbox, env, "pin");

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        Assert.IsFalse(File.Exists(Path.Combine(sandbox.ModuleDirectory, "goenv.env")));
        var report = File.ReadAllBytes(Path.Combine(sandbox.ModuleDirectory, "goenv-codequality.json"));
        Assert.AreNotEqual(0xEF, report[0], "no BOM");
        var entries = GitLabParsers.ParseCodeQuality(report);
        Assert.IsTrue(entries.Any(e => e.GetProperty("description").GetString()!.Contains("GOFLAGS", StringComparison.Ordinal)
            && e.GetProperty("severity").GetString() == "critical"), System.Text.Encoding.UTF8.GetString(report));

        // The hostile value cannot erase or rewrite a log line: the only CRs are the section markers' own.
        var log = GitLabParsers.RenderLog(result.StandardOutput);
        Assert.IsFalse(log.Events.Any(e => e.StartsWith("erase:", StringComparison.Ordinal)), string.Join('\n', log.Events));
    }

    [TestMethod]
    public void Pin_TightVariableLimit_DropsTheLeastImportantAndSaysSo()
    {
        var (sandbox, env) = Job();

        var result = Goenv(sandbox, env, "pin", "--dotenv-max-variables", "12");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        var dotenv = GitLabParsers.ParseDotenv(File.ReadAllBytes(Path.Combine(sandbox.ModuleDirectory, "goenv.env")), variableLimit: 12);
        Assert.IsLessThanOrEqualTo(12, dotenv.Count);
        Assert.IsTrue(dotenv.ContainsKey("GOROOT") && dotenv.ContainsKey("GOTOOLCHAIN") && dotenv.ContainsKey("GOENV"));
        StringAssert.Contains(result.StandardOutput, "not pinned");
    }
}
