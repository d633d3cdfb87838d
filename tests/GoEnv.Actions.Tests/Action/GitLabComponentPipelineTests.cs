using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The component as a new user meets it, run by gitlab-ci-local (a real GitLab CI client) with the published
/// goenv-action installed by the template's own installer from a file:// mirror, and real Go: the handoff to a later
/// job and `verify` there, a failing check, and a secret that must not reach the log or an artifact.
/// </summary>
public sealed partial class GitLabComponentTests
{
    private const string Secret = "s3cr3t-T0ken-9f2";

    /// <summary>The component alone, with its ready-made goenv job.</summary>
    private const string ComponentOnly = """
        include:
          - component: gitlab.example.com/group/goenv-action/goenv@0.1.0
            inputs:
              download-url: DOWNLOAD_URL
              cache: 'false'
        """;

    [TestMethod]
    public void Pipeline_OwnGoenvJobThenVerify_HandsThePinnedEnvironmentOnAndVerifies()
    {
        var (sandbox, sums) = Project("""
            include:
              - component: gitlab.example.com/group/goenv-action/goenv@0.1.0
                inputs:
                  download-url: DOWNLOAD_URL
                  job: false
                  cache: 'false'
            stages: [check, build]
            my-goenv:
              stage: check
              extends: .goenv
            build:
              stage: build
              extends: .goenv-verify
              needs: [my-goenv]
              script:
                - echo "toolchain=$GOTOOLCHAIN goroot=$GOROOT"
            """);

        var result = Pipeline(sandbox, sums);

        Assert.AreEqual(0, result.ExitCode, result.Describe(8000));
        StringAssert.Contains(result.Output, "PASS  my-goenv");
        StringAssert.Contains(result.Output, "PASS  build");
        Assert.DoesNotContain("PASS  goenv", result.Output, "job: false leaves the ready-made job out");
        StringAssert.Contains(result.Output, "OK: the environment matches", result.Describe(8000));
        StringAssert.Contains(result.Output, $"toolchain=local goroot={sandbox.Toolchain.GoRoot}", result.Describe(8000));
    }

    [TestMethod]
    public void Pipeline_BrokenSetting_FailsTheJobWithTheFindingAndAValidCodeQualityReport()
    {
        var (sandbox, sums) = Project(ComponentOnly);

        var result = Pipeline(sandbox, sums, "GOFLAGS=-mod=bogus");

        Assert.AreNotEqual(0, result.ExitCode, result.Describe(8000));
        StringAssert.Contains(result.Output, "FAIL  goenv", result.Describe(8000));
        StringAssert.Contains(result.Output, "GOENV0053", result.Describe(8000));
        var report = Directory.GetFiles(Path.Combine(sandbox.ModuleDirectory, ".gitlab-ci-local"), "goenv-codequality.json", SearchOption.AllDirectories).FirstOrDefault()
            ?? Path.Combine(sandbox.ModuleDirectory, "goenv-codequality.json");
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.IsTrue(json.RootElement.EnumerateArray().Any(e => e.GetProperty("check_name").GetString() == "GOENV0053"), File.ReadAllText(report));
    }

    [TestMethod]
    public void Pipeline_CredentialInGoproxy_NeverReachesTheLogOrAnArtifact()
    {
        var (sandbox, sums) = Project(ComponentOnly);

        var result = Pipeline(sandbox, sums, $"GOPROXY=https://builder:{Secret}@proxy.corp.example/go,{sandbox.ProxyUrl}");

        Assert.AreEqual(0, result.ExitCode, result.Describe(8000));
        Assert.DoesNotContain(Secret, result.Output);
        foreach (var file in Directory.EnumerateFiles(sandbox.ModuleDirectory, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(Secret, File.ReadAllText(file), file);
        }
    }

    /// <summary>The sandbox's module as a git project with the pipeline, the component under .gitlab-ci-local/includes and the release archive.</summary>
    private (GoSandbox Sandbox, string Checksums) Project(string pipeline)
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        _sandboxes.Add(sandbox);
        var checkout = Checkout();
        var sums = Path.Combine(checkout.Root, "SHA256SUMS");
        File.WriteAllText(sums, $"{checkout.AddPublishedArchive()}  goenv-action-linux-x64.tar.gz\n");
        var component = Path.Combine(sandbox.ModuleDirectory, ".gitlab-ci-local", "includes", "gitlab.example.com", "group", "goenv-action", "0.1.0", "templates");
        Directory.CreateDirectory(component);
        File.Copy(TemplatePath, Path.Combine(component, "goenv.yml"));
        File.WriteAllText(Path.Combine(sandbox.ModuleDirectory, ".gitlab-ci.yml"), pipeline.Replace("DOWNLOAD_URL", checkout.DownloadUrl, StringComparison.Ordinal) + "\n");
        sandbox.InitGitRepository(".gitlab-ci-local/\ngoenv.env\ngoenv-codequality.json\n");
        Git(sandbox, "branch", "-M", "main");
        Git(sandbox, "remote", "add", "origin", "https://gitlab.example.com/group/app.git");
        return (sandbox, sums);
    }

    private static ProcessResult Pipeline(GoSandbox sandbox, string checksums, params string[] variables)
    {
        var arguments = new List<string> { "--variable", "GOENV_ACTION_CHECKSUMS=" + checksums };
        foreach (var variable in variables)
        {
            arguments.AddRange(["--variable", variable]);
        }

        var environment = new Dictionary<string, string>(sandbox.Environment) { ["TMPDIR"] = sandbox.PathTo("tmp") };
        Directory.CreateDirectory(environment["TMPDIR"]);
        return Validators.GitLabCiLocal(sandbox.ModuleDirectory, environment, [.. arguments]);
    }
}
