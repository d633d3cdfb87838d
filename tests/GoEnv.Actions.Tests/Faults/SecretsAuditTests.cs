using System.Text;
using GoEnv.Actions.Tests.Ci;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Faults;

/// <summary>
/// Every command in every format and CI mode, run by the published binary with real Go and credentials in GOPROXY
/// (URL user-info), in GONOSUMDB/GOPRIVATE/GONOPROXY patterns (GitHub and GitLab tokens) and in GOSUMDB's
/// "key URL" form. Every byte the tool wrote — stdout, stderr, and every file it created or changed (env file,
/// GITHUB_ENV/OUTPUT/PATH/STEP_SUMMARY, Code Quality report) — is searched for each secret. The one place a secret
/// may appear is a GitHub `::add-mask::` line, before any other output.
/// </summary>
[TestClass]
public sealed class SecretsAuditTests
{
    private const string ProxySecret = "pr0xyS3cret-a71f9c";
    private const string SumDbSecret = "sumdbS3cret-5be2d0";
    private const string GitHubToken = "ghp_Zq3vX8kLm2Np4Rs6Tu8Vw0Xy2Za4Bc6De8Fg";
    private const string GitHubPat = "github_pat_11ABCDEFG0123456789abc_QrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd";
    private const string GitLabToken = "glpat-Xy7zQ2wE9rT4yU1iO3pA";

    /// <summary>sum.golang.org's real verifier key (cmd/go/internal/modfetch/key.go), so the check passes.</summary>
    private const string SumDbKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

    /// <summary>In .netrc (for another host than the git server's) and in an extra header for another URL: read, never printed.</summary>
    private const string NetrcPassword = "n3trcAudit-8e1f0b";

    private const string HeaderToken = "hdrAudit-c4a92d71";

    private static readonly string[] s_secrets = [ProxySecret, SumDbSecret, GitHubToken, GitHubPat, GitLabToken, PrivateModuleScenarios.HttpPassword, NetrcPassword, HeaderToken];

    private static readonly string[] s_checkFormats = ["text", "json", "sarif", "github", "gitlab"];
    private static readonly string[] s_pinFormats = ["dotenv", "sh", "pwsh", "json", "goenv"];
    private static readonly string[] s_ciModes = ["none", "github", "gitlab"];

    private static readonly Dictionary<string, AuditCase> s_cases = BuildCases().ToDictionary(c => c.Name);

    private readonly List<IDisposable> _cleanup = [];

    public static IEnumerable<TestDataRow<string>> Cases => s_cases.Keys.Select(name => new TestDataRow<string>(name) { DisplayName = name });

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }
    }

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Run_CredentialsInTheEnvironment_NoSecretInAnyByteWritten(string name)
    {
        var audit = s_cases[name];
        var (sandbox, runner, env) = Step(audit.Ci, audit.Broken && audit.Command != "verify", secretsInGoEnvFile: false);
        Audit(sandbox, runner, env, audit);
    }

    [TestMethod]
    [DataRow("check", "json", "none")]
    [DataRow("check", "github", "github")]
    [DataRow("pin", "dotenv", "github")]
    [DataRow("pin", "dotenv", "gitlab")]
    [DataRow("pin", "goenv", "none")]
    public void Run_CredentialsInTheGoEnvFile_NoSecretInAnyByteWritten(string command, string format, string ci)
    {
        var audit = new AuditCase($"{command}-{format}-{ci}-gofile", command, format, ci, "text", Broken: false, ExpectedExit: 0);
        var (sandbox, runner, env) = Step(ci, broken: false, secretsInGoEnvFile: true);
        Audit(sandbox, runner, env, audit);
    }

    /// <summary>
    /// The private module served by git over HTTP behind basic authentication, the password in the insteadOf URL's
    /// user-info, a .netrc password and an extra header's token for other places; check and pin with --probe, which
    /// read all of them and fetch the module for real.
    /// </summary>
    [TestMethod]
    [DataRow("check", "json", "none")]
    [DataRow("check", "github", "github")]
    [DataRow("check", "gitlab", "gitlab")]
    [DataRow("pin", "dotenv", "github")]
    [DataRow("pin", "sh", "none")]
    public void Run_CredentialsInGitConfigAndNetrc_NoSecretInAnyByteWritten(string command, string format, string ci)
    {
        var audit = new AuditCase($"{command}-{format}-{ci}-git", command, format, ci, "text", Broken: false, ExpectedExit: 0, Probe: true);
        var (sandbox, runner, env) = Step(ci, broken: false, secretsInGoEnvFile: false);
        // GONOPROXY and GONOSUMDB (set, with tokens) override GOPRIVATE: they must cover the module too.
        sandbox.Set("GONOPROXY", env["GONOPROXY"] = $"git.corp.example,git.example.com/{GitHubPat}");
        sandbox.Set("GONOSUMDB", env["GONOSUMDB"] = $"git.corp.example,corp.example.com/{GitHubToken},example.org");
        sandbox.AddPrivateGitModule();
        sandbox.ServePrivateModuleOverHttp(PrivateModuleScenarios.HttpUser, PrivateModuleScenarios.HttpPassword, userInfo: $"{PrivateModuleScenarios.HttpUser}:{PrivateModuleScenarios.HttpPassword}", gitConfig: $"[http \"https://other.example/\"]\n\textraheader = AUTHORIZATION: bearer {HeaderToken}\n");
        sandbox.WriteFile("home/.netrc", $"machine other.example login x password {NetrcPassword}\n");
        env["GOPRIVATE"] = $"git.corp.example,git.example.com/{GitLabToken}";
        Audit(sandbox, runner, env, audit);
    }

    private static IEnumerable<AuditCase> BuildCases()
    {
        foreach (var ci in s_ciModes)
        {
            foreach (var format in s_checkFormats)
            {
                yield return new AuditCase($"check-{format}-ci-{ci}", "check", format, ci, "text", Broken: false, ExpectedExit: 0);
                yield return new AuditCase($"check-{format}-ci-{ci}-failing", "check", format, ci, "text", Broken: true, ExpectedExit: 1);
            }

            foreach (var format in s_pinFormats)
            {
                foreach (var summary in new[] { "text", "json" })
                {
                    yield return new AuditCase($"pin-{format}-ci-{ci}-summary-{summary}", "pin", format, ci, summary, Broken: false, ExpectedExit: 0);
                }
            }

            yield return new AuditCase($"pin-dotenv-ci-{ci}-failing", "pin", "dotenv", ci, "text", Broken: true, ExpectedExit: 1);
            yield return new AuditCase($"verify-ci-{ci}", "verify", "dotenv", ci, "text", Broken: false, ExpectedExit: 0);
            yield return new AuditCase($"verify-ci-{ci}-drift", "verify", "dotenv", ci, "text", Broken: true, ExpectedExit: 1);
        }

        yield return new AuditCase("explain-all", "explain", "text", "none", "text", Broken: false, ExpectedExit: 0);
    }

    private (GoSandbox Sandbox, RunnerFiles Runner, Dictionary<string, string> Env) Step(string ci, bool broken, bool secretsInGoEnvFile)
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var runner = new RunnerFiles();
        _cleanup.Add(runner);
        _cleanup.Add(sandbox);
        var secrets = new Dictionary<string, string>
        {
            // The file:// proxy stays first so Go never needs the network; the secret-bearing entry follows.
            ["GOPROXY"] = $"{sandbox.ProxyUrl},https://ci-user:{ProxySecret}@proxy.example.com/mod,direct",
            ["GONOSUMDB"] = $"corp.example.com/{GitHubToken},example.org",
            ["GOPRIVATE"] = $"git.example.com/{GitLabToken}",
            ["GONOPROXY"] = $"git.example.com/{GitHubPat}",
            ["GOSUMDB"] = $"{SumDbKey} https://ci-user:{SumDbSecret}@sum.example.com",
        };
        if (secretsInGoEnvFile)
        {
            // `go env -w` writes exactly KEY=VALUE lines.
            sandbox.Unset("GOPROXY");
            sandbox.WriteFile(sandbox.DefaultGoEnvFile, string.Concat(secrets.Select(s => $"{s.Key}={s.Value}\n")));
        }
        else
        {
            foreach (var (name, value) in secrets)
            {
                sandbox.Set(name, value);
            }
        }

        if (broken)
        {
            sandbox.Set("GOFLAGS", "-mod=bogus");
        }

        var env = ci switch
        {
            "github" => runner.StepEnvironment(sandbox.Environment, sandbox.ModuleDirectory),
            "gitlab" => new Dictionary<string, string>(sandbox.Environment)
            {
                ["GITLAB_CI"] = "true",
                ["CI"] = "true",
                ["CI_PROJECT_DIR"] = sandbox.ModuleDirectory,
                ["CI_CONFIG_PATH"] = ".gitlab-ci.yml",
            },
            _ => new Dictionary<string, string>(sandbox.Environment),
        };
        return (sandbox, runner, env);
    }

    private static void Audit(GoSandbox sandbox, RunnerFiles runner, Dictionary<string, string> env, AuditCase audit)
    {
        var runnerRoot = Path.GetDirectoryName(runner.Env)!;
        string[] roots = [sandbox.Root, runnerRoot];
        var before = Fingerprint(roots);
        var envFile = sandbox.PathTo("pinned " + audit.Format + ".env");
        var codeQuality = sandbox.PathTo("codequality.json");
        var results = new List<ProcessResult>();

        if (audit.Command == "verify")
        {
            // The pin that verify compares with (its own bytes are audited too).
            var pinned = Goenv(sandbox, env, "pin", "--ci", audit.Ci, "--env-file", envFile, "--codequality-report", codeQuality);
            Assert.AreEqual(0, pinned.ExitCode, pinned.Describe());
            results.Add(pinned);
            foreach (var (name, value) in Core.Pinning.EnvFileReader.Read(envFile, Core.Pinning.EnvFileFormat.Dotenv).Variables)
            {
                if (name != "GOENV_PIN_SHA256")
                {
                    env[name] = value.Value;
                }
            }

            if (audit.Broken)
            {
                env["GOFLAGS"] = "-mod=mod";
            }
        }

        string[] args = audit.Command switch
        {
            "check" => ["check", "--format", audit.Format, "--ci", audit.Ci, "--codequality-report", codeQuality, .. audit.Probe ? ["--probe"] : Array.Empty<string>()],
            "pin" => ["pin", "--format", audit.Format, "--ci", audit.Ci, "--summary", audit.Summary, "--env-file", envFile, "--codequality-report", codeQuality, .. audit.Probe ? ["--probe"] : Array.Empty<string>()],
            "verify" => ["verify", "--ci", audit.Ci, "--env-file", envFile, "--codequality-report", codeQuality],
            _ => ["explain", "--all"],
        };
        var run = Goenv(sandbox, env, args);
        Assert.AreEqual(audit.ExpectedExit, run.ExitCode, run.Describe());
        results.Add(run);

        var leaks = new List<string>();
        foreach (var result in results)
        {
            CheckStream(result, result.StandardOutput, "stdout", audit.Ci == "github", leaks);
            CheckStream(result, result.StandardError, "stderr", audit.Ci == "github", leaks);
        }

        var written = Fingerprint(roots).Where(f => !before.TryGetValue(f.Key, out var old) || old != f.Value).Select(f => f.Key).ToList();
        foreach (var file in written)
        {
            var bytes = File.ReadAllBytes(file);
            foreach (var secret in s_secrets)
            {
                if (bytes.AsSpan().IndexOf(Encoding.ASCII.GetBytes(secret)) >= 0)
                {
                    leaks.Add($"{secret} in the file {file}");
                }
            }
        }

        Assert.IsEmpty(leaks, string.Join(Environment.NewLine, leaks) + Environment.NewLine + run.Describe());
        if (audit.Command == "pin" && !audit.Broken)
        {
            Assert.IsTrue(File.Exists(envFile), "pin wrote no env file: " + run.Describe());
            CollectionAssert.Contains(written, envFile, "the audit must have seen the env file");
        }
    }

    /// <summary>Secrets in a stream: only `::add-mask::SECRET` lines (GitHub), and those before any other line.</summary>
    private static void CheckStream(ProcessResult result, string text, string stream, bool github, List<string> leaks)
    {
        var sawOther = false;
        foreach (var line in GitHubRunner.ReadLines(text))
        {
            var isMask = github && s_secrets.Any(s => line == "::add-mask::" + s);
            if (isMask)
            {
                if (sawOther)
                {
                    leaks.Add($"`{line}` on {stream} of `{result.CommandLine}` comes after other output: the runner only masks from then on");
                }

                continue;
            }

            sawOther = true;
            foreach (var secret in s_secrets.Where(s => line.Contains(s, StringComparison.Ordinal)))
            {
                leaks.Add($"{secret} on {stream} of `{result.CommandLine}`: {line}");
            }
        }
    }

    /// <summary>Every file under the roots with its length and modification time; a changed entry is a file the tool wrote.</summary>
    private static Dictionary<string, (long Length, DateTime Modified)> Fingerprint(IEnumerable<string> roots)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        var files = new Dictionary<string, (long, DateTime)>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            foreach (var info in new DirectoryInfo(root).EnumerateFiles("*", options))
            {
                files[info.FullName] = (info.Length, info.LastWriteTimeUtc);
            }
        }

        return files;
    }

    private static ProcessResult Goenv(GoSandbox sandbox, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.ModuleDirectory, env, TimeSpan.FromSeconds(60));
}
