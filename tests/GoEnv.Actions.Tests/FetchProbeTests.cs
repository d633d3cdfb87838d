using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// `check --probe` against servers on loopback: the private module (<see cref="GoSandbox.PrivateModule"/>) served by
/// git over HTTP with basic authentication, and module proxies answering 404, 410 or 500 or not at all. Each outcome
/// (reachable, 401, 404, a server error, a timeout) is compared with what real Go's build does in the same sandbox,
/// and no credential of the fixture appears in anything the binary prints or writes.
/// </summary>
[TestClass]
public sealed class FetchProbeTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private static readonly string[] s_secrets = [PrivateModuleScenarios.HttpPassword, NetrcPassword, HeaderToken];

    private const string NetrcPassword = "n3trcS3cret-2f8a61";

    private const string HeaderToken = "hdrT0ken-7d0c33e9";

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void CheckProbe_LoginInNetrc_ReachableNoticeAndGoBuilds()
    {
        using var sandbox = PrivateOverHttp();
        sandbox.WriteFile("home/.netrc", $"machine 127.0.0.1 login {PrivateModuleScenarios.HttpUser} password {PrivateModuleScenarios.HttpPassword}\n");

        var run = Probe(sandbox);

        Assert.AreEqual(0, run.ExitCode, run.Describe());
        Assert.IsTrue(run.Findings.Any(f => f.Rule == "GOENV0076" && f.Message!.Contains(GoSandbox.PrivateModule + "@v1.0.0", StringComparison.Ordinal)), run.Describe());
        Assert.AreEqual(0, sandbox.RunGo("build", "./...").ExitCode, "real Go builds with the same credentials");
    }

    [TestMethod]
    public void CheckProbe_NoCredentials_ErrorWithGitsWordsAndGoFails()
    {
        using var sandbox = PrivateOverHttp();
        // Secrets the check reads but must never print: a .netrc password for another host, an extra header for another URL.
        sandbox.WriteFile("home/.netrc", $"machine other.example login x password {NetrcPassword}\n");
        File.AppendAllText(sandbox.PathTo("home/.gitconfig"), $"[http \"https://other.example/\"]\n\textraheader = AUTHORIZATION: bearer {HeaderToken}\n");

        var withoutProbe = CheckRun.From(Goenv(sandbox, "check", "--format", "json"));
        var run = Probe(sandbox);

        Assert.IsTrue(withoutProbe.Warnings.Any(f => f.Rule == "GOENV0096"), "without --probe: no visible credentials, a warning: " + withoutProbe.Describe());
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        var error = run.Errors.SingleOrDefault(f => f.Rule == "GOENV0099");
        Assert.IsNotNull(error, run.Describe());
        StringAssert.Contains(error.Message, "go mod download " + GoSandbox.PrivateModule + "@v1.0.0");
        Assert.IsFalse(run.Findings.Any(f => f.Rule == "GOENV0096"), "the probe replaces the guess: " + run.Describe());
        Assert.AreNotEqual(0, sandbox.RunGo("build", "./...").ExitCode, "real Go fails too");
    }

    [TestMethod]
    public void Pin_NoVisibleCredentials_AsksForRealAndRefuses()
    {
        using var sandbox = PrivateOverHttp();
        var envFile = sandbox.PathTo("goenv.sh");

        var pin = Goenv(sandbox, "pin", "--format", "sh", "--env-file", envFile);

        Assert.AreEqual(1, pin.ExitCode, pin.Describe());
        StringAssert.Contains(pin.StandardOutput + pin.StandardError, "GOENV0099");
        Assert.IsFalse(File.Exists(envFile));
    }

    [TestMethod]
    public void CheckProbe_ServerNeverAnswers_StoppedAtTheLimitWithAWarning()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.AddPrivateGitModule();
        sandbox.Set("GOPRIVATE", "git.corp.example");
        sandbox.ServePrivateModuleOverHttp(hang: true);

        var run = CheckRun.From(Goenv(sandbox, "check", "--format", "json", "--probe", "--probe-timeout", "3"));

        Assert.AreEqual(0, run.ExitCode, run.Describe());
        var warning = run.Warnings.SingleOrDefault(f => f.Rule == "GOENV0099");
        Assert.IsNotNull(warning, run.Describe());
        StringAssert.Contains(warning.Message, "did not answer within");
    }

    /// <summary>
    /// A company proxy (not a public one) first in GOPROXY: Go falls through to the next entry on 404 and 410 after
    /// ',' and on any error after '|'; otherwise it stops there. The probe says what the build will meet.
    /// </summary>
    [TestMethod]
    [DataRow(404, "", false, "404 Not Found")]
    [DataRow(410, ",direct", true, null)]
    [DataRow(500, ",direct", false, "500 Internal Server Error")]
    [DataRow(500, "|direct", true, null)]
    public void CheckProbe_LoopbackProxy_AgreesWithGoBuild(int status, string rest, bool builds, string? goText)
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.AddPrivateGitModule();
        // The sandbox's public dependency comes from the module cache, so only the private module meets the proxy.
        var dependency = sandbox.RunGo("mod", "download", "example.org/dep");
        Assert.AreEqual(0, dependency.ExitCode, dependency.Describe());
        var proxy = sandbox.ServeModuleProxy(status);
        sandbox.Set("GOPROXY", proxy.BaseUrl + rest);
        sandbox.Set("GONOSUMDB", "git.corp.example");

        var run = Probe(sandbox);
        var build = sandbox.RunGo("build", "./...");

        Assert.AreEqual(builds, build.ExitCode == 0, build.Describe());
        Assert.IsTrue(proxy.Requests.Any(r => r.StartsWith("/git.corp.example/team/lib.git/@v/", StringComparison.Ordinal)), "Go asked the proxy");
        if (builds)
        {
            Assert.AreEqual(0, run.ExitCode, run.Describe());
            Assert.IsTrue(run.Findings.Any(f => f.Rule == "GOENV0076"), run.Describe());
        }
        else
        {
            Assert.AreEqual(1, run.ExitCode, run.Describe());
            StringAssert.Contains(build.Output, goText);
            Assert.IsTrue(run.Errors.Any(f => f.Rule == "GOENV0099" && f.Message!.Contains(goText!, StringComparison.Ordinal)), run.Describe());
        }
    }

    /// <summary>
    /// A company proxy over HTTPS behind basic authentication: Go sends the login from NETRC (GOAUTH=netrc, the default
    /// of Go 1.24+) and none with GOAUTH=off or without the file; a 401 is not a reason to fall through.
    /// </summary>
    [TestMethod]
    [DataRow(true, null, true)]
    [DataRow(true, "off", false)]
    [DataRow(false, null, false)]
    public void CheckProbe_HttpsProxyWithBasicAuthentication_AgreesWithGoBuild(bool netrc, string? goAuth, bool builds)
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.AddPrivateGitModule();
        var dependency = sandbox.RunGo("mod", "download", "example.org/dep");
        Assert.AreEqual(0, dependency.ExitCode, dependency.Describe());
        var proxy = sandbox.ServePrivateModuleOverHttpsProxy(PrivateModuleScenarios.HttpUser, PrivateModuleScenarios.HttpPassword);
        sandbox.Set("GOPROXY", proxy.Url);
        if (netrc)
        {
            sandbox.Set("NETRC", sandbox.WriteFile("netrc", $"machine {proxy.Host} login {PrivateModuleScenarios.HttpUser} password {PrivateModuleScenarios.HttpPassword}\n"));
        }

        if (goAuth is not null)
        {
            sandbox.Set("GOAUTH", goAuth);
        }

        var run = Probe(sandbox);
        var build = sandbox.RunGo("build", "./...");

        Assert.AreEqual(builds, build.ExitCode == 0, build.Describe());
        Assert.IsTrue(proxy.Requests.Count > 0, "Go asked the proxy");
        if (builds)
        {
            Assert.AreEqual(0, run.ExitCode, run.Describe());
            Assert.IsTrue(run.Findings.Any(f => f.Rule == "GOENV0076"), run.Describe());
        }
        else
        {
            StringAssert.Contains(build.Output, "401 Unauthorized");
            Assert.AreEqual(1, run.ExitCode, run.Describe());
            Assert.IsTrue(run.Errors.Any(f => f.Rule == "GOENV0099" && f.Message!.Contains("401 Unauthorized", StringComparison.Ordinal)), run.Describe());
        }
    }

    /// <summary>The private module over HTTP behind basic authentication, GOPRIVATE covering it, git given no login.</summary>
    private static GoSandbox PrivateOverHttp()
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        sandbox.AddPrivateGitModule();
        sandbox.Set("GOPRIVATE", "git.corp.example");
        sandbox.ServePrivateModuleOverHttp(PrivateModuleScenarios.HttpUser, PrivateModuleScenarios.HttpPassword);
        return sandbox;
    }

    /// <summary>`check --probe` in json, github and gitlab forms; every byte printed is searched for the fixture's secrets.</summary>
    private CheckRun Probe(GoSandbox sandbox)
    {
        foreach (var format in new[] { "text", "github", "gitlab" })
        {
            AssertNoSecret(Goenv(sandbox, "check", "--probe", "--format", format, "--codequality-report", sandbox.PathTo("cq.json")), sandbox);
        }

        var run = Goenv(sandbox, "check", "--probe", "--format", "json");
        AssertNoSecret(run, sandbox);
        return CheckRun.From(run);
    }

    /// <summary>No secret anywhere but in GitHub's `::add-mask::` lines (which must come before any other output).</summary>
    private static void AssertNoSecret(ProcessResult result, GoSandbox sandbox)
    {
        var codeQuality = sandbox.PathTo("cq.json");
        var lines = (result.StandardOutput + result.StandardError + (File.Exists(codeQuality) ? File.ReadAllText(codeQuality) : "")).Split('\n');
        var masks = lines.TakeWhile(l => l.StartsWith("::add-mask::", StringComparison.Ordinal)).Count();
        var written = string.Join('\n', lines.Skip(masks));
        foreach (var secret in s_secrets)
        {
            Assert.IsFalse(written.Contains(secret, StringComparison.Ordinal), $"secret {secret} in the output: {written}");
        }
    }

    private ProcessResult Goenv(GoSandbox sandbox, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
}
