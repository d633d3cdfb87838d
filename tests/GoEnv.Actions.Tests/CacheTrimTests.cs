using System.Diagnostics;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// `cache prepare` and `cache trim` against real Go builds on every installed release: a cache restored from an
/// archive, a build of part of the module, a trim, and then real Go says what the trimmed cache still holds.
/// </summary>
[TestClass]
public sealed class CacheTrimTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);
    private static readonly string[] s_packages = ["used", "unused", "both"];

    [TestMethod]
    public void Trim_RestoredTwentyMinutesAgoThenAPartialBuild_KeepsExactlyWhatTheBuildUsed() => ForEachGo(go =>
    {
        using var job = Job.Create(go);
        if (job.Go("build", "./...") is { ExitCode: not 0 } first)
        {
            return first.Describe();
        }

        // The next job restores that cache as an archive saved 20 minutes ago: every entry carries that time.
        var restored = job.Restore(DateTime.UtcNow.AddMinutes(-20));
        if (job.Goenv("cache", "prepare", "--gocache", restored) is { ExitCode: not 0 } prepare)
        {
            return prepare.Describe();
        }

        var build = job.Go("build", "-x", "./used");
        if (build.ExitCode != 0 || build.StandardError.Contains("/compile ", StringComparison.Ordinal))
        {
            return "the restored cache should serve ./used without compiling: " + build.Describe();
        }

        var trim = job.Goenv("cache", "trim", "--gocache", restored);
        if (trim.ExitCode != 0 || !trim.StandardOutput.Contains("cache trim: ", StringComparison.Ordinal))
        {
            return trim.Describe();
        }

        // Real Go decides what survived: ./used (and what it imports) still needs no compile; ./unused does.
        var again = job.Go("build", "-x", "./used");
        if (again.ExitCode != 0 || again.StandardError.Contains("/compile ", StringComparison.Ordinal))
        {
            return "trim removed an entry the build used: " + again.Describe() + "\n" + trim.StandardOutput;
        }

        var other = job.Go("build", "-x", "./unused");
        return other.ExitCode == 0 && other.StandardError.Contains("/compile ", StringComparison.Ordinal)
            ? null
            : "trim kept the entries of a package this job never built: " + other.Describe() + "\n" + trim.StandardOutput;
    });

    [TestMethod]
    public void Prepare_Skipped_GoLeavesUsedRestoredEntriesWithTheirArchiveTimes() => ForEachGo(go =>
    {
        // Why prepare exists: Go refreshes an entry's mtime only when it is an hour old or more.
        using var job = Job.Create(go);
        job.Go("build", "./...");
        var restoredAt = DateTime.UtcNow.AddMinutes(-20);
        var restored = job.Restore(restoredAt);
        job.Go("build", "./used");
        var touched = Directory.EnumerateFiles(restored, "*-?", SearchOption.AllDirectories).Count(f => File.GetLastWriteTimeUtc(f) != restoredAt);
        return touched == 0 ? null : $"{touched} entries were refreshed by {go}: Go no longer waits an hour, and prepare's back-dating needs another look";
    });

    [TestMethod]
    public void Trim_ConcurrentBuild_FailsAtMostOnAVanishedEntryAndTheCacheStaysUsable() => ForEachGo(go =>
    {
        // Trim runs after the job's last go command (a post step, after_script). Raced on purpose here: Go takes a
        // removed entry as a miss when it looks it up, but not when it already holds the entry's path (observed on
        // go1.27.3 under load: vet "could not import … (open …/30/302a…-d: no such file or directory)"). So a build
        // during trim may fail on exactly that, and nothing else; the next build must succeed from what is left.
        using var job = Job.Create(go);
        job.Go("build", "./...");
        job.Restore(DateTime.UtcNow.AddMinutes(-20));
        job.Goenv("cache", "prepare", "--gocache", job.Cache);
        using var build = job.StartGo("test", "-count=1", "./...");
        // Each trim removes the mark it trims by: a prepare before each (which also back-dates what the build just used).
        var trims = Enumerable.Range(0, 5).SelectMany(_ => new[] { job.Goenv("cache", "prepare", "--gocache", job.Cache), job.Goenv("cache", "trim", "--gocache", job.Cache) }).ToList();
        build.WaitForExit();
        var afterwards = job.Go("build", "./...");
        if (trims.FirstOrDefault(t => t.ExitCode != 0) is { } failed)
        {
            return failed.Describe();
        }

        var during = build.StandardError.ReadToEnd();
        var vanished = during.Split('\n').Where(l => l.Contains("no such file or directory", StringComparison.Ordinal)).ToList();
        var onlyVanishedEntries = build.ExitCode == 0
            || (vanished.Count > 0 && !during.Contains("panic", StringComparison.Ordinal)
                && vanished.All(l => System.Text.RegularExpressions.Regex.IsMatch(l, "/[0-9a-f]{2}/[0-9a-f]{64}-[ad]: no such file or directory")));
        return onlyVanishedEntries && afterwards.ExitCode == 0
            ? null
            : $"build during trim: exit {build.ExitCode} {during}; build after it: {afterwards.Describe()}";
    });

    [TestMethod]
    public void Trim_NoPrepare_RefusesAndRemovesNothing()
    {
        using var job = Job.Create(GoToolchains.Require()[^1]);
        job.Go("build", "./...");
        var before = Directory.EnumerateFiles(job.Cache, "*", SearchOption.AllDirectories).Count();

        var trim = job.Goenv("cache", "trim");

        Assert.AreEqual(2, trim.ExitCode, trim.Describe());
        StringAssert.Contains(trim.StandardError, "cache prepare");
        Assert.AreEqual(before, Directory.EnumerateFiles(job.Cache, "*", SearchOption.AllDirectories).Count());
    }

    [TestMethod]
    public void Prepare_NoGocacheOption_UsesTheGocacheGoReports()
    {
        using var job = Job.Create(GoToolchains.Require()[^1]);
        job.Environment.Remove("GOCACHE");
        var goenvFile = Path.Combine(job.Root, "go.env");
        var fromFile = Path.Combine(job.Root, "from-go-env-file");
        File.WriteAllText(goenvFile, "GOCACHE=" + fromFile + "\n");
        job.Environment["GOENV"] = goenvFile;

        var prepare = job.Goenv("cache", "prepare");

        Assert.AreEqual(0, prepare.ExitCode, prepare.Describe());
        Assert.AreEqual(fromFile, job.Go("env", "GOCACHE").StandardOutput.Trim());
        Assert.IsTrue(File.Exists(Path.Combine(fromFile, Core.Caching.BuildCacheTrimmer.MarkerName)), prepare.Describe());
    }

    [TestMethod]
    public void Trim_GoCacheOff_RefusesWithGosValue()
    {
        using var job = Job.Create(GoToolchains.Require()[^1]);
        job.Environment["GOCACHE"] = "off";

        var trim = job.Goenv("cache", "trim");

        Assert.AreEqual(2, trim.ExitCode, trim.Describe());
        StringAssert.Contains(trim.StandardError, "GOCACHE is \"off\"");
    }

    /// <summary>
    /// The issue-21 case: a change that every test imports makes the job re-run all tests, whose logs are the same
    /// bytes as before, so Go leaves the restored (back-dated) output in place and writes fresh index entries naming
    /// it. The trimmed cache must keep that output: the next job re-runs no test and compiles nothing.
    /// </summary>
    [TestMethod]
    public void Trim_AllTestsRerunWithTheSameLogs_NextJobRerunsNoTest() => ForEachGo(go =>
    {
        using var job = Job.Create(go);
        job.AddTests(6);
        if (job.Go("test", "./...") is { ExitCode: not 0 } first)
        {
            return first.Describe();
        }

        job.Restore(DateTime.UtcNow.AddMinutes(-30));
        job.Goenv("cache", "prepare");
        job.ChangeShared();
        var rerun = job.Go("test", "./...");
        if (rerun.ExitCode != 0 || rerun.StandardOutput.Contains("(cached)", StringComparison.Ordinal))
        {
            return "after the shared change every test must run: " + rerun.Describe();
        }

        var trim = job.Goenv("cache", "trim");
        if (trim.ExitCode != 0)
        {
            return trim.Describe();
        }

        if (job.DanglingIndexEntries() is { Count: > 0 } dangling)
        {
            return $"{dangling.Count} index entries name a missing output after the trim: {dangling[0]}\n{trim.StandardOutput}";
        }

        job.Restore(DateTime.UtcNow.AddMinutes(-30));
        job.Goenv("cache", "prepare");
        var next = job.Go("test", "-x", "./...");
        var cached = next.StandardOutput.Split('\n').Count(l => l.EndsWith("(cached)", StringComparison.Ordinal));
        return next.ExitCode == 0 && cached == 6 && !next.StandardError.Contains("/compile ", StringComparison.Ordinal)
            ? null
            : $"the next job re-ran {6 - cached} of 6 tests (or compiled): {next.Describe()}\n{trim.StandardOutput}";
    });

    /// <summary>Go 1.24+ keeps `go run` executables as -d directories: kept when this job ran them, removed when not.</summary>
    [TestMethod]
    public void Trim_GoRunExecutables_KeptWhenRunRemovedOtherwise() => ForEachGo(go =>
    {
        if (!go.IsAtLeast(24))
        {
            return null;
        }

        using var job = Job.Create(go);
        job.AddCommand("runa");
        job.AddCommand("runb");
        job.Go("run", "./runa");
        job.Go("run", "./runb");
        var restored = job.Restore(DateTime.UtcNow.AddMinutes(-30));
        if (Directory.GetDirectories(restored, "*-d", SearchOption.AllDirectories).Length != 2)
        {
            return "expected two executable directories after two go run: " + string.Join(", ", Directory.GetDirectories(restored, "*-d", SearchOption.AllDirectories));
        }

        job.Goenv("cache", "prepare");
        job.Go("run", "./runa");
        var trim = job.Goenv("cache", "trim");
        var left = Directory.GetDirectories(restored, "*-d", SearchOption.AllDirectories);
        var again = job.Go("run", "-x", "./runa");
        return trim.ExitCode == 0 && left.Length == 1 && again.ExitCode == 0 && !again.StandardError.Contains("/link ", StringComparison.Ordinal)
            ? null
            : $"after trim {left.Length} executable directories are left (want 1, runa's), and `go run ./runa` must not link: {again.Describe()}\n{trim.StandardOutput}";
    });

    /// <summary>
    /// GOCACHEPROG set: Go 1.24+ (and 1.21–1.23 with GOEXPERIMENT=cacheprog) ask the program, so prepare refuses
    /// without --gocache; the other releases ignore it and use GOCACHE, so prepare works on it. Real Go's truth: does
    /// a build with a GOCACHEPROG that does not exist succeed?
    /// </summary>
    [TestMethod]
    public void Prepare_GoCacheProgSet_RefusesOnlyWhereGoAsksTheProgram() => ForEachGo(go =>
    {
        using var job = Job.Create(go);
        job.Environment["GOCACHEPROG"] = Path.Combine(job.Root, "no-such-program");
        var goIgnoresIt = job.Go("build", "./...").ExitCode == 0;

        var prepare = job.Goenv("cache", "prepare");

        return (goIgnoresIt, prepare.ExitCode) switch
        {
            (true, 0) => null,
            (false, 2) when prepare.StandardError.Contains("GOCACHEPROG is set", StringComparison.Ordinal) => null,
            _ => $"real Go {(goIgnoresIt ? "ignores" : "asks")} GOCACHEPROG, but: {prepare.Describe()}",
        };
    });

    /// <summary>GOEXPERIMENT=cacheprog where Go does not know the experiment (1.19, 1.26+): prepare names Go's error.</summary>
    [TestMethod]
    public void Prepare_GoExperimentGoRefuses_NamesGosError() => ForEachGo(go =>
    {
        using var job = Job.Create(go);
        job.Environment["GOEXPERIMENT"] = "cacheprog";
        var goEnv = job.Go("env", "GOCACHE");

        var prepare = job.Goenv("cache", "prepare");

        return goEnv.ExitCode == 0 ? (prepare.ExitCode == 0 ? null : prepare.Describe())
            : prepare.ExitCode == 2 && prepare.StandardError.Contains("unknown GOEXPERIMENT cacheprog", StringComparison.Ordinal) ? null
            : $"Go said {goEnv.StandardError.Trim()}, goenv-action: {prepare.Describe()}";
    });

    private static void ForEachGo(Func<GoToolchain, string?> test) => GoToolchains.AssertOnEach(test);

    /// <summary>A module of three packages (used, unused, both; the first two import both) and a GOCACHE of its own.</summary>
    private sealed class Job : IDisposable
    {
        private Job(GoToolchain go, string root)
        {
            Toolchain = go;
            Root = root;
            Module = Path.Combine(root, "app");
            Cache = Path.Combine(root, "cache");
            Environment = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["HOME"] = Path.Combine(root, "home"),
                ["PATH"] = go.BinDirectory + ":/usr/bin:/bin",
                ["GOCACHE"] = Cache,
                ["GOPROXY"] = "off",
                ["GOTOOLCHAIN"] = "local",
                ["GOFLAGS"] = "-mod=mod",
                ["CGO_ENABLED"] = "0",
            };
        }

        private int _restores;

        public GoToolchain Toolchain { get; }

        public string Root { get; }

        public string Module { get; }

        public string Cache { get; private set; }

        public Dictionary<string, string> Environment { get; }

        public static Job Create(GoToolchain go)
        {
            var job = new Job(go, Directory.CreateTempSubdirectory("goenv-trim-").FullName);
            GoSandbox.TurnTelemetryOff(job.Environment["HOME"]);
            Directory.CreateDirectory(job.Module);
            File.WriteAllText(Path.Combine(job.Module, "go.mod"), "module example.com/app\n\ngo 1.19\n");
            foreach (var name in s_packages)
            {
                Directory.CreateDirectory(Path.Combine(job.Module, name));
                var body = name == "both"
                    ? "package both\n\n// Value is shared.\nfunc Value() int { return 42 }\n"
                    : $"package {name}\n\nimport \"example.com/app/both\"\n\n// Value uses both.\nfunc Value() int {{ return both.Value() + {name.Length} }}\n";
                File.WriteAllText(Path.Combine(job.Module, name, name + ".go"), body);
            }

            return job;
        }

        public ProcessResult Go(params string[] args) =>
            ChildProcess.Run(Toolchain.GoBinary, args, Module, Environment, s_timeout);

        public ProcessResult Goenv(params string[] args) =>
            ChildProcess.Run(PublishedBinary.Path, args, Module, Environment, s_timeout);

        /// <summary>Test packages t0…tN-1, each importing both, with a test that formats its value and prints the same line.</summary>
        public void AddTests(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var directory = Path.Combine(Module, $"t{i}");
                Directory.CreateDirectory(directory);
                File.WriteAllText(Path.Combine(directory, $"t{i}.go"), $"package t{i}\n");
                File.WriteAllText(Path.Combine(directory, $"t{i}_test.go"), $"package t{i}\n\nimport (\n\t\"fmt\"\n\t\"testing\"\n\n\t\"example.com/app/both\"\n)\n\nfunc TestValue(t *testing.T) {{\n\tfmt.Println(\"same output\")\n\tif fmt.Sprint(both.Value()) == \"\" {{\n\t\tt.Fatal(\"empty\")\n\t}}\n}}\n");
            }
        }

        /// <summary>
        /// Changes what package both returns (every test binary then differs: the tests format the value) without
        /// changing what the tests print. An unused addition would not do: the linked test binaries, and so the
        /// test results' keys, would stay the same.
        /// </summary>
        public void ChangeShared()
        {
            var path = Path.Combine(Module, "both", "both.go");
            File.WriteAllText(path, File.ReadAllText(path).Replace("return 42", "return 43", StringComparison.Ordinal));
        }

        /// <summary>A main package under <paramref name="name"/> for `go run`.</summary>
        public void AddCommand(string name)
        {
            Directory.CreateDirectory(Path.Combine(Module, name));
            File.WriteAllText(Path.Combine(Module, name, "main.go"), $"package main\n\nfunc main() {{ println(\"{name}\") }}\n");
        }

        /// <summary>Index entries of the current cache whose output (as the entry names it) is not there.</summary>
        public List<string> DanglingIndexEntries() =>
            [.. Directory.EnumerateFiles(Cache, "*-a", SearchOption.AllDirectories)
                .Select(f => (Entry: f, Output: Core.Caching.BuildCacheTrimmer.ReadOutputId(f)))
                .Where(e => e.Output is { } o && !File.Exists(Path.Combine(Cache, o[..2], o + "-d")) && !Directory.Exists(Path.Combine(Cache, o[..2], o + "-d")))
                .Select(e => e.Entry)];

        /// <summary>Starts go without waiting (for a build that runs while something else works on the cache).</summary>
        public Process StartGo(params string[] args)
        {
            var start = new ProcessStartInfo(Toolchain.GoBinary) { WorkingDirectory = Module, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment.Clear();
            foreach (var (name, value) in Environment)
            {
                start.Environment[name] = value;
            }

            return Process.Start(start)!;
        }

        /// <summary>
        /// Moves the cache to a fresh directory as an archive restore would: same files, all with one old time (a
        /// `go run` executable's -d directory too).
        /// </summary>
        public string Restore(DateTime archivedAt)
        {
            var restored = Path.Combine(Root, "restored-" + _restores++);
            foreach (var file in Directory.EnumerateFiles(Cache, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(restored, Path.GetRelativePath(Cache, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
                File.SetLastWriteTimeUtc(target, archivedAt);
            }

            foreach (var directory in Directory.EnumerateDirectories(restored, "*-d", SearchOption.AllDirectories))
            {
                Directory.SetLastWriteTimeUtc(directory, archivedAt);
            }

            Cache = restored;
            Environment["GOCACHE"] = restored;
            return restored;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp directory must not fail the test.
            }
        }
    }
}
