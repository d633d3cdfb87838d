using System.Collections.Concurrent;
using GoEnv.Actions.Tests.Ci;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Faults;

/// <summary>
/// `pin` writing where writing fails or races: a read-only directory, a full file system (a 64 KiB tmpfs), other
/// `pin` runs replacing the same env file, and other `pin` runs appending to the same GITHUB_ENV/GITHUB_OUTPUT.
/// The previous env file stays byte-identical, no temp file is left, the error names the file and the cause, and
/// the runner's parser port reads every run's records whole. The mounts are made in a private user and mount
/// namespace (`unshare -r -m`), so the tests need no root and change nothing outside.
/// </summary>
[TestClass]
public sealed class EnvFileFaultTests
{
    private const int Runs = 8;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    /// <summary>GOFLAGS values that all pass the check and give different env files.</summary>
    private static readonly string[] s_goFlags =
        ["-mod=mod", "-mod=readonly", "-trimpath", "-buildvcs=false", "-mod=readonly -trimpath", "-p=2", "-p=3", "-tags=a"];

    private readonly List<IDisposable> _cleanup = [];

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }
    }

    [TestMethod]
    [DataRow("read-only", "mount --bind \"$dir\" \"$dir\" && mount -o remount,bind,ro \"$dir\"", "Read-only file system")]
    [DataRow("full", "mount -t tmpfs -o size=64k tmpfs \"$dir\" && cp \"$previous\" \"$dir/goenv.env\" && { head -c 1000000 /dev/zero >\"$dir/filler\" 2>/dev/null || true; }", "No space left on device")]
    public void Pin_EnvFileDirectoryUnwritable_FailsClearlyAndKeepsThePreviousFile(string what, string mount, string cause)
    {
        var sandbox = Sandbox();
        var dir = sandbox.PathTo("out");
        Directory.CreateDirectory(dir);
        var envFile = Path.Combine(dir, "goenv.env");
        var first = Goenv(sandbox, sandbox.Environment, "pin", "--ci", "none", "--env-file", envFile);
        Assert.AreEqual(0, first.ExitCode, first.Describe());
        var previous = File.ReadAllBytes(envFile);
        var previousCopy = sandbox.WriteFile("previous.env", "");
        File.WriteAllBytes(previousCopy, previous);
        var changed = new Dictionary<string, string>(sandbox.Environment) { ["GOFLAGS"] = "-trimpath" };

        // In the namespace: mount, run pin, then report what the directory holds (the mount vanishes with the namespace).
        var script = "dir=$1; previous=$2; shift 2; " + mount + " || exit 97; \"$@\"; rc=$?; ls -A \"$dir\" >&2; cmp -s \"$dir/goenv.env\" \"$previous\" || echo CHANGED >&2; exit $rc";
        var result = ChildProcess.Run(
            "/usr/bin/unshare",
            ["-r", "-m", "/bin/sh", "-c", script, "sh", dir, previousCopy, PublishedBinary.Path, "pin", "--ci", "none", "--env-file", envFile],
            sandbox.ModuleDirectory,
            changed,
            s_timeout);
        if (result.ExitCode == 97 || result.StandardError.Contains("unshare: ", StringComparison.Ordinal))
        {
            Assert.Inconclusive("no private user/mount namespace here: " + result.Describe());
        }

        Assert.AreEqual(1, result.ExitCode, what + ": " + result.Describe());
        StringAssert.Contains(result.StandardError, "goenv-action: Could not write '" + envFile + "'", result.Describe());
        StringAssert.Contains(result.StandardError, cause, result.Describe());
        StringAssert.Contains(result.StandardError, "the previous file, if any, is unchanged");
        Assert.DoesNotContain("internal error", result.StandardError);
        Assert.DoesNotContain("CHANGED", result.StandardError, "the previous env file was changed");
        var listing = result.StandardError.Split('\n').Select(l => l.Trim()).ToList();
        Assert.IsFalse(listing.Any(l => l.StartsWith(".goenv-", StringComparison.Ordinal)), "a temp file was left behind: " + result.StandardError);
        Assert.AreEqual("", result.StandardOutput, "nothing pinned, nothing reported as pinned");
    }

    [TestMethod]
    public void Pin_ConcurrentRunsReplacingOneEnvFile_LeaveExactlyOneCompleteVersion()
    {
        var sandbox = Sandbox();
        var expected = new List<byte[]>();
        for (var i = 0; i < Runs; i++)
        {
            var alone = sandbox.PathTo($"alone-{i}.env");
            var result = Goenv(sandbox, WithGoFlags(sandbox.Environment, i), "pin", "--ci", "none", "--env-file", alone);
            Assert.AreEqual(0, result.ExitCode, result.Describe());
            expected.Add(File.ReadAllBytes(alone));
        }

        Assert.AreEqual(Runs, expected.Select(Convert.ToBase64String).Distinct().Count(), "every run must write a different file");
        var dir = sandbox.PathTo("shared");
        Directory.CreateDirectory(dir);
        var shared = Path.Combine(dir, "goenv.env");
        File.WriteAllBytes(shared, expected[0]);
        for (var round = 0; round < 3; round++)
        {
            var results = new ConcurrentBag<ProcessResult>();
            Parallel.For(0, Runs, new ParallelOptions { MaxDegreeOfParallelism = Runs }, i =>
                results.Add(Goenv(sandbox, WithGoFlags(sandbox.Environment, i), "pin", "--ci", "none", "--env-file", shared)));

            Assert.IsTrue(results.All(r => r.ExitCode == 0), string.Join("\n", results.Where(r => r.ExitCode != 0).Select(r => r.Describe())));
            var final = File.ReadAllBytes(shared);
            Assert.IsTrue(expected.Any(e => e.AsSpan().SequenceEqual(final)), "the env file is none of the complete versions:\n" + System.Text.Encoding.UTF8.GetString(final));
            Assert.IsNotEmpty(EnvFileReader.Read(shared, EnvFileFormat.Dotenv).Variables);
            CollectionAssert.AreEqual(new[] { "goenv.env" }, Directory.GetFiles(dir).Select(Path.GetFileName).ToArray(), "temp files left behind");
        }
    }

    [TestMethod]
    public void Pin_ConcurrentRunsAppendingToOneGitHubEnv_TheRunnerReadsEveryRecordSetWhole()
    {
        var sandbox = Sandbox();
        var runner = new RunnerFiles();
        _cleanup.Add(runner);

        var results = new ConcurrentBag<ProcessResult>();
        Parallel.For(0, Runs, new ParallelOptions { MaxDegreeOfParallelism = Runs }, i =>
        {
            var env = runner.StepEnvironment(WithGoFlags(sandbox.Environment, i), sandbox.ModuleDirectory);
            results.Add(Goenv(sandbox, env, "pin", "--env-file", sandbox.PathTo($"goenv-{i}.env")));
        });

        Assert.IsTrue(results.All(r => r.ExitCode == 0), string.Join("\n", results.Where(r => r.ExitCode != 0).Select(r => r.Describe())));
        // Every record in file order, duplicates included (ReadEnvFile would apply them: the last value wins).
        var records = GitHubRunner.ParseEnvFileRecords(File.ReadAllText(runner.Env));
        var pinnedNames = EnvFileReader.Read(sandbox.PathTo("goenv-0.env"), EnvFileFormat.Dotenv).Variables.Keys.Where(k => k != "GOENV_PIN_SHA256").ToList();
        Assert.AreEqual(Runs * pinnedNames.Count, records.Count, "every run's records, no more, no less");
        CollectionAssert.AreEquivalent(s_goFlags.Select(Normalised).ToList(), records.Where(r => r.Name == "GOFLAGS").Select(r => r.Value).ToList());
        foreach (var name in pinnedNames)
        {
            Assert.AreEqual(Runs, records.Count(r => r.Name == name), name);
        }

        var outputs = GitHubRunner.ParseEnvFileRecords(File.ReadAllText(runner.Output));
        Assert.AreEqual(Runs, outputs.Count(o => o.Name == "env-json"));
        CollectionAssert.AreEquivalent(
            Enumerable.Range(0, Runs).Select(i => sandbox.PathTo($"goenv-{i}.env")).ToList(),
            outputs.Where(o => o.Name == "env-file").Select(o => o.Value).ToList());
        foreach (var json in outputs.Where(o => o.Name == "env-json"))
        {
            Assert.IsNotNull(System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json.Value));
        }

        // ReadPathFile applies the lines (a directory added twice is one PATH entry); the file must hold all of them.
        var pathLines = File.ReadAllText(runner.PathFile).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(Runs, pathLines);
        Assert.HasCount(1, pathLines.Distinct(), "every run puts the same GOROOT/bin first");
    }

    /// <summary>GOFLAGS as pin writes it: the words joined by single spaces.</summary>
    private static string Normalised(string goFlags) => string.Join(' ', goFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Dictionary<string, string> WithGoFlags(IReadOnlyDictionary<string, string> env, int run) =>
        new(env) { ["GOFLAGS"] = s_goFlags[run] };

    private GoSandbox Sandbox()
    {
        var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        _cleanup.Add(sandbox);
        return sandbox;
    }

    private static ProcessResult Goenv(GoSandbox sandbox, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, sandbox.ModuleDirectory, env, s_timeout);
}
