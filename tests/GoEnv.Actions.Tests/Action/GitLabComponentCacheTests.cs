using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The component's caches run by a real GitLab CI client (gitlab-ci-local, shell executor) with the published
/// goenv-action and real Go: the keys reach the build job through the dotenv report, the rules give the default
/// branch pull-push and other branches pull, the caches live git-ignored in the project directory, and after_script
/// trims the build cache to what the job used. gitlab-ci-local's shell executor moves caches only with
/// --shell-isolation, which deletes every untracked file before after_script (rsync --delete of the tracked files),
/// so the upload itself is not exercised here; the keys, paths and policies it would use are.
/// </summary>
public sealed partial class GitLabComponentTests
{
    private const string UnusedEntry = "ff/ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff-d";

    private const string CachePipeline = """
        include:
          - component: gitlab.example.com/group/goenv-action/goenv@0.1.0
            inputs:
              download-url: DOWNLOAD_URL
        stages: [build]
        build:
          stage: build
          extends: .goenv-cache
          needs: [goenv]
          script:
            - echo "policy=$GOENV_CACHE_POLICY key=$GOENV_CACHE_KEY_BUILD fallback=$GOENV_CACHE_FALLBACK_BUILD gocache=$GOCACHE"
            - GOFLAGS=-mod=readonly go build -x ./... 2> build.log
            - echo "compiled=$(grep -c '/compile ' build.log || true)"
            - echo "status=$(git status --porcelain | tr '\\n' ' ')."
            - mkdir -p "$GOCACHE/ff" && echo unused > "$GOCACHE/UNUSED" && touch -d '2 days ago' "$GOCACHE/UNUSED"
        """;

    [TestMethod]
    public void Pipeline_DefaultBranchThenABranch_SharedKeyPushedAndTrimmedOnlyOnTheDefaultBranch()
    {
        var (sandbox, sums) = Project(CachePipeline.Replace("UNUSED", UnusedEntry, StringComparison.Ordinal));
        var project = sandbox.ModuleDirectory;
        File.AppendAllText(Path.Combine(project, ".gitignore"), "build.log\n");
        Git(sandbox, "add", ".gitignore");
        Git(sandbox, "commit", "-q", "-m", "ignore build.log");

        // The default branch: pull-push under the shared keys, prepared, and trimmed in after_script.
        var main = Run(sandbox, sums);
        var keys = Line(main, "policy=");
        StringAssert.StartsWith(keys, "policy=pull-push key=goenv-build-go", main.Describe(8000));
        var key = Field(keys, "key");
        Assert.AreEqual(Field(keys, "fallback"), key, "the default branch writes the shared key");
        Assert.AreEqual(Path.Combine(project, ".goenv-cache", "go-build"), Field(keys, "gocache"));
        Assert.AreEqual("status=.", Line(main, "status="), "the caches in the project directory are git-ignored (no +dirty builds)");
        StringAssert.Contains(main.Output, "cache prepare: ", main.Describe(8000));
        StringAssert.Contains(main.Output, "cache trim: ", main.Describe(8000));
        var gocache = Path.Combine(project, ".goenv-cache", "go-build");
        Assert.IsFalse(File.Exists(Path.Combine(gocache, UnusedEntry)), "after_script trims what the job did not use");
        Assert.IsNotEmpty(Directory.GetFiles(gocache, "*-d", SearchOption.AllDirectories), "and keeps what it used");
        var goenvEnv = File.ReadAllText(Path.Combine(project, "goenv.env"));
        Assert.DoesNotContain("\nGOCACHE=", goenvEnv, "GOCACHE in the goenv job's project directory would be wrong on another runner");

        // Another branch: pull only, its exact key first, the shared one as the fallback, no trim.
        Git(sandbox, "checkout", "-q", "-b", "feature");
        var branch = Run(sandbox, sums);
        var branchKeys = Line(branch, "policy=");
        StringAssert.StartsWith(branchKeys, "policy=pull key=goenv-build-go", branch.Describe(8000));
        Assert.AreEqual(key, Field(branchKeys, "fallback"));
        Assert.AreNotEqual(key, Field(branchKeys, "key"));
        Assert.DoesNotContain("cache trim: ", branch.Output);
        Assert.DoesNotContain("cache prepare: ", branch.Output);
    }

    private static string Line(ProcessResult result, string prefix) =>
        result.StandardOutput.Split('\n').Select(l => l.Contains("> ", StringComparison.Ordinal) ? l[(l.IndexOf("> ", StringComparison.Ordinal) + 2)..] : "")
            .FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) ?? $"(no line {prefix} in the log)";

    private static string Field(string line, string name) =>
        line.Split(' ').Select(f => f.Split('=', 2)).Where(f => f.Length == 2 && f[0] == name).Select(f => f[1]).FirstOrDefault() ?? "";

    private static ProcessResult Run(GoSandbox sandbox, string checksums)
    {
        var result = Pipeline(sandbox, checksums);
        Assert.AreEqual(0, result.ExitCode, result.Describe(8000));
        StringAssert.Contains(result.Output, "PASS  build", result.Describe(8000));
        return result;
    }

    private static void Git(GoSandbox sandbox, params string[] arguments)
    {
        var git = ChildProcess.Run("/usr/bin/git", ["-c", "user.name=t", "-c", "user.email=t@t", .. arguments], sandbox.ModuleDirectory, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = sandbox.Home }, s_timeout);
        Assert.AreEqual(0, git.ExitCode, git.Describe());
    }
}
