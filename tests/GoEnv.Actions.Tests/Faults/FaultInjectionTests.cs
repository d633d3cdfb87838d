using System.Text;
using GoEnv.Actions.Tests.Ci;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Faults;

/// <summary>
/// The published binary against a `go` and an environment that misbehave in the ways CI machines do: a `go` whose
/// children hang, JSON that is cut off, huge or not UTF-8, GOROOT and GOENV that lead nowhere, bytes that are not
/// UTF-8 in the environment, and values as long as Linux lets a process have. Each ends in a clear finding or a
/// correct result — never a crash, a hang, a process left behind or forged output. CliTests covers the simpler
/// `go` faults (plain hang, garbage, SIGSEGV, not executable, symlink loop).
/// </summary>
[TestClass]
public sealed class FaultInjectionTests
{
    /// <summary>Linux's MAX_ARG_STRLEN: one "NAME=value" string of a new process, with its NUL, is at most 32 pages.</summary>
    private const int MaxEnvironmentString = 128 * 1024;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly List<IDisposable> _cleanup = [];
    private readonly List<string> _directories = [];

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var item in _cleanup)
        {
            item.Dispose();
        }

        foreach (var directory in _directories)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [TestMethod]
    public void Check_GoWhoseChildrenHang_TimeoutKillsTheWholeTreeAndLeavesNoProcessOrZombie()
    {
        // A copy of sleep under a unique name: /proc/PID/stat keeps the name even for a zombie (whose cmdline is empty).
        var name = "gz" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (dir, env) = FakeGo($"d=$(dirname \"$0\")\n\"$d/{name}\" 300 &\n( \"$d/{name}\" 301 & wait ) &\nexec \"$d/{name}\" 302");
        File.Copy("/bin/sleep", Path.Combine(dir, "bin", name));

        var run = CheckRun.From(Run(dir, env, "check", "--format", "json", "--timeout", "0.5"));

        Assert.AreEqual(1, run.ExitCode, run.Describe());
        Assert.IsLessThan(15, run.Process.Duration.TotalSeconds, "the timeout was not honoured: " + run.Describe());
        Assert.AreEqual("GOENV0003", run.Errors.Single().Rule, run.Describe());
        StringAssert.Contains(run.Errors.Single().Message, "did not answer within 0.5 s");
        var left = WaitForNoProcessNamed(name, TimeSpan.FromSeconds(5));
        Assert.IsEmpty(left, "left behind (pid, state): " + string.Join(", ", left));
    }

    [TestMethod]
    [DataRow("partial", "printf '{\"GOROOT\": \"/usr/lib/go\", \"GOVERSION\": \"go1.2'", "did not print a JSON object")]
    [DataRow("not UTF-8 at all", "printf '\\377\\376\\375{'", "did not print a JSON object")]
    [DataRow("over the 4 MiB cap", "printf '{\"GOPATH\": \"'; head -c 5000000 /dev/zero | tr '\\0' a; printf '\"}'", "far more output")]
    public void Check_GoPrintsBrokenJson_IsGoenv0003(string what, string script, string expected)
    {
        var (dir, env) = FakeGo(script);

        var (result, stdout, _) = RunRaw(dir, env, "check", "--format", "json");

        Assert.AreEqual(1, result.ExitCode, what + ": " + result.Describe());
        var run = CheckRun.From(result with { StandardOutput = stdout });
        var finding = run.Errors.FirstOrDefault(f => f.Rule == "GOENV0003");
        Assert.IsNotNull(finding, what + ": " + run.Describe());
        StringAssert.Contains(finding.Message, expected);
        Assert.IsLessThan(64 * 1024, stdout.Length, "a garbage-printing go must not make the report huge");
    }

    [TestMethod]
    [DataRow("json")]
    [DataRow("text")]
    [DataRow("github")]
    public void Check_GoPrintsValuesThatAreNotUtf8_OutputIsValidUtf8AndForgesNothing(string format)
    {
        // go env -json never does this (encoding/json writes U+FFFD), but a wrapper script or a broken build might.
        var (dir, env) = FakeGo("printf '{\"GOVERSION\": \"go1.22.1\", \"GOROOT\": \"/nonexistent\\377\\376\\\\n::error::forged\", \"GOOS\": \"linux\", \"GOARCH\": \"amd64\"}'");

        var (result, stdout, stderr) = RunRaw(dir, env, "check", "--format", format);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(stdout, "GOENV0010", result.Describe());
        Assert.AreEqual("", stderr);
        AssertNoForgedCommand(stdout);
    }

    [TestMethod]
    public void Check_GoPrintsAHugeValueUnderTheCap_IsReadAndTheReportStaysProportionate()
    {
        const int size = 3_000_000;
        var (dir, env) = FakeGo($"printf '{{\"GOVERSION\": \"go1.22.1\", \"GOROOT\": \"/nonexistent\", \"GOOS\": \"linux\", \"GOARCH\": \"amd64\", \"GOPATH\": \"/'; head -c {size} /dev/zero | tr '\\0' a; printf '\"}}'");

        var run = CheckRun.From(Run(dir, env, "check", "--format", "json"));

        Assert.AreEqual(1, run.ExitCode, run.Describe());
        Assert.IsNull(run.JsonError, run.Describe());
        Assert.IsTrue(run.Errors.Any(f => f.Rule == "GOENV0010"), run.Describe());
        Assert.IsLessThan(4 * size, run.Process.StandardOutput.Length, "the report repeats the value far too often");
    }

    [TestMethod]
    public void Check_GoRootSymlinkLoop_IsGoenv0010NamingTheLoopAsRealGoFails()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var x = sandbox.PathTo("x");
        var y = sandbox.PathTo("y");
        File.CreateSymbolicLink(x, y);
        File.CreateSymbolicLink(y, x);
        sandbox.Set("GOROOT", x);

        var go = sandbox.RunGo("env", "GOROOT");
        var run = sandbox.RunCheck();

        Assert.AreNotEqual(0, go.ExitCode, go.Describe());
        StringAssert.Contains(go.StandardError, "cannot find GOROOT directory");
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        Assert.IsLessThan(20, run.Process.Duration.TotalSeconds, run.Describe());
        var finding = run.Errors.Single(f => f.Rule == "GOENV0010");
        StringAssert.Contains(finding.Message, "symbolic link loop");
        StringAssert.Contains(finding.Message, "cannot find GOROOT directory: " + x);

        var pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--ci", "none"], sandbox.ModuleDirectory, sandbox.Environment, s_timeout);
        Assert.AreEqual(1, pin.ExitCode, pin.Describe());
        Assert.IsFalse(File.Exists(Path.Combine(sandbox.ModuleDirectory, "goenv.env")));
    }

    [TestMethod]
    public void Check_GoEnvIsADirectory_IsAWarningWhereGoIgnoresItSilently()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var directory = sandbox.PathTo("goenv-dir");
        Directory.CreateDirectory(directory);
        sandbox.Set("GOENV", directory);

        var go = sandbox.RunGo("env", "GOENV", "GOFLAGS");
        var run = sandbox.RunCheck();

        Assert.AreEqual(0, go.ExitCode, "real Go ignores an env file it cannot read: " + go.Describe());
        Assert.AreEqual(0, run.ExitCode, "a warning, not an error: Go works — " + run.Describe());
        var finding = run.Warnings.Single(f => f.Rule == "GOENV0130");
        StringAssert.Contains(finding.Message, directory);
        StringAssert.Contains(finding.Message, "is a directory");
    }

    [TestMethod]
    public void Check_GoEnvFileUnreadableByTheUser_IsAWarningWhereGoIgnoresItSilently()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var file = sandbox.WriteFile("goenv-file", "GOFLAGS=-mod=mod\n");
        ProcessResult go, check;
        if (HostUser.IsRoot)
        {
            // Root reads any file: run as nobody, who owns the sandbox (HOME, GOCACHE, the module) but not the env file.
            Chown(sandbox.Root, "65534:65534");
            File.SetUnixFileMode(sandbox.Root, (UnixFileMode)0b111_101_101);
            Chown(file, "0:0");
            File.SetUnixFileMode(file, UnixFileMode.None);
            sandbox.Set("GOENV", file);
            go = AsNobody(sandbox, sandbox.Toolchain.GoBinary, "env", "GOFLAGS");
            check = AsNobody(sandbox, PublishedBinary.Path, "check", "--format", "json");
        }
        else
        {
            File.SetUnixFileMode(file, UnixFileMode.None);
            sandbox.Set("GOENV", file);
            go = sandbox.RunGo("env", "GOFLAGS");
            check = sandbox.RunCheck().Process;
        }

        var run = CheckRun.From(check);

        Assert.AreEqual(0, go.ExitCode, go.Describe());
        Assert.AreEqual("", go.StandardOutput.Trim(), "real Go ignores the unreadable file: GOFLAGS stays empty");
        Assert.AreEqual(0, run.ExitCode, run.Describe());
        var finding = run.Warnings.Single(f => f.Rule == "GOENV0130");
        StringAssert.Contains(finding.Message, file);
        StringAssert.Contains(finding.Message, "cannot be read");
    }

    [TestMethod]
    public void Check_GoflagsWithBytesThatAreNotUtf8_IsAFindingInValidUtf8WithNothingForged()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var runner = new RunnerFiles();
        _cleanup.Add(runner);
        var env = runner.StepEnvironment(sandbox.Environment, sandbox.ModuleDirectory);

        // printf puts the raw bytes into the variable; no .NET string can carry them.
        var (result, stdout, stderr) = RunRawIn(sandbox.ModuleDirectory, env, "GOFLAGS=\"$(printf '\\377\\376-mod=x\\n::error::forged')\"", "check");

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        Assert.AreEqual("", stderr);
        var commands = AssertNoForgedCommand(stdout);
        Assert.IsTrue(commands.Any(c => c.Command == "error" && c.Properties.GetValueOrDefault("title", "").Contains("GOFLAGS", StringComparison.Ordinal)), stdout);
        Assert.AreEqual(0, new FileInfo(runner.Env).Length);
    }

    [TestMethod]
    public void Pin_GoprivateWithBytesThatAreNotUtf8_IsRefusedRatherThanPinnedAltered()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var envFile = sandbox.PathTo("goenv.env");

        var (result, stdout, stderr) = RunRawIn(sandbox.ModuleDirectory, sandbox.Environment, "GOPRIVATE=\"$(printf 'corp.example.com/\\377\\376')\"", "pin", "--ci", "none", "--env-file", envFile);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(stderr, "GOPRIVATE");
        StringAssert.Contains(stderr, "not UTF-8");
        Assert.AreEqual("", stdout);
        Assert.IsFalse(File.Exists(envFile), "an env file that pins other bytes than Go sees was written");
    }

    [TestMethod]
    public void Pin_GoprivateAsLongAsExecveAllows_IsPinnedAndExportedExactly()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var runner = new RunnerFiles();
        _cleanup.Add(runner);
        var value = LongestValue("GOPRIVATE", "corp.example.com/");
        sandbox.Set("GOPRIVATE", value);
        var env = runner.StepEnvironment(sandbox.Environment, sandbox.ModuleDirectory);

        var check = Run(sandbox.ModuleDirectory, env, "check");
        var pin = Run(sandbox.ModuleDirectory, env, "pin");

        Assert.AreEqual(0, check.ExitCode, check.Describe());
        Assert.IsLessThan(16 * 1024, check.StandardOutput.Length, "a clean check does not echo values");
        Assert.AreEqual(0, pin.ExitCode, pin.Describe());
        var pinned = EnvFileReader.Read(Path.Combine(sandbox.ModuleDirectory, "goenv.env"), EnvFileFormat.Dotenv).Variables;
        Assert.AreEqual(value, pinned["GOPRIVATE"].Value);
        var exported = GitHubRunner.ReadEnvFile(runner.Env).ToDictionary(e => e.Name, e => e.Value);
        Assert.AreEqual(value, exported["GOPRIVATE"]);
        Assert.AreEqual(value, exported["GONOSUMDB"], "GONOSUMDB defaults to GOPRIVATE");
        Assert.IsLessThan(1_048_576, new FileInfo(runner.Summary).Length);
    }

    [TestMethod]
    public void Check_GoflagsAsLongAsExecveAllows_IsOneBoundedFinding()
    {
        using var sandbox = GoSandbox.Create(GoToolchains.Require()[^1]);
        var value = LongestValue("GOFLAGS", "-mod=");
        sandbox.Set("GOFLAGS", value);

        var run = sandbox.RunCheck();

        Assert.AreEqual(1, run.ExitCode, run.Describe());
        var finding = run.Errors.Single(f => f.Variable == "GOFLAGS");
        Assert.AreEqual("GOENV0053", finding.Rule, run.Describe());
        Assert.IsLessThan(4 * value.Length, run.Process.StandardOutput.Length);
    }

    /// <summary>A value of <paramref name="prefix"/> and letters, as long as "NAME=value" can be for a new process.</summary>
    private static string LongestValue(string name, string prefix) =>
        prefix + new string('a', MaxEnvironmentString - 1 - (name.Length + 1) - prefix.Length);

    private (string Dir, Dictionary<string, string> Env) FakeGo(string script)
    {
        var dir = Directory.CreateTempSubdirectory("goenv-fault-").FullName;
        _directories.Add(dir);
        var bin = Path.Combine(dir, "bin");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Path.Combine(dir, "home"));
        var go = Path.Combine(bin, "go");
        File.WriteAllText(go, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(go, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (dir, new Dictionary<string, string> { ["HOME"] = Path.Combine(dir, "home"), ["PATH"] = bin + ":/usr/bin:/bin" });
    }

    private static ProcessResult Run(string workDir, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, workDir, env, s_timeout);

    private (ProcessResult Result, string Stdout, string Stderr) RunRaw(string workDir, IReadOnlyDictionary<string, string> env, params string[] args) =>
        RunRawIn(workDir, env, null, args);

    /// <summary>
    /// Runs the binary through sh with its output in files, read back as strict UTF-8 (a byte that is not UTF-8
    /// fails the test); <paramref name="assignment"/>, if any, is a shell `NAME="…"` put into the binary's environment.
    /// </summary>
    private (ProcessResult Result, string Stdout, string Stderr) RunRawIn(string workDir, IReadOnlyDictionary<string, string> env, string? assignment, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("goenv-fault-out-").FullName;
        _directories.Add(dir);
        var stdoutFile = Path.Combine(dir, "stdout");
        var stderrFile = Path.Combine(dir, "stderr");
        var export = assignment is null ? "" : "export " + assignment + "; ";
        var result = ChildProcess.Run("/bin/sh", ["-c", export + "out=$1; err=$2; shift 2; exec \"$@\" >\"$out\" 2>\"$err\"", "sh", stdoutFile, stderrFile, PublishedBinary.Path, .. args], workDir, env, s_timeout);
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        string Read(string path, string stream)
        {
            try
            {
                return strict.GetString(File.ReadAllBytes(path));
            }
            catch (DecoderFallbackException e)
            {
                Assert.Fail($"{stream} is not valid UTF-8 ({e.Message}): {result.Describe()}");
                throw;
            }
        }

        var stdout = Read(stdoutFile, "stdout");
        var stderr = Read(stderrFile, "stderr");
        return (result with { StandardOutput = stdout, StandardError = stderr }, stdout, stderr);
    }

    /// <summary>Every workflow command in the output, failing the test on one the tool cannot have meant.</summary>
    private static List<GoEnv.Tests.Ci.GitHubCommandLine> AssertNoForgedCommand(string output)
    {
        var commands = new List<GoEnv.Tests.Ci.GitHubCommandLine>();
        foreach (var line in GitHubRunner.ReadLines(output))
        {
            Assert.IsFalse(GitHubRunner.ContainsLegacyCommand(line), "a ##[ command in: " + line);
            StringAssert.DoesNotMatch(line, new System.Text.RegularExpressions.Regex("^::error::forged"), "a forged command");
            if (GitHubRunner.TryParseCommand(line, out var command))
            {
                commands.Add(command);
                Assert.IsTrue(command.Command is "error" or "warning" or "notice" or "add-mask" or "group" or "endgroup", "unexpected command: " + line);
                Assert.DoesNotContain("forged", command.Properties.GetValueOrDefault("title", ""), line);
            }
        }

        return commands;
    }

    private static ProcessResult AsNobody(GoSandbox sandbox, string program, params string[] args)
    {
        var env = new Dictionary<string, string>(sandbox.Environment);
        return ChildProcess.Run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", program, .. args], sandbox.ModuleDirectory, env, s_timeout);
    }

    private static void Chown(string path, string owner)
    {
        var result = ChildProcess.Run("/bin/chown", ["-R", owner, path], "/", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, s_timeout);
        Assert.AreEqual(0, result.ExitCode, result.Describe());
    }

    /// <summary>Processes (live or zombie) whose name is <paramref name="name"/>, after giving a kill time to land.</summary>
    private static List<string> WaitForNoProcessNamed(string name, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var found = new List<string>();
            foreach (var proc in Directory.EnumerateDirectories("/proc").Where(p => Path.GetFileName(p).All(char.IsAsciiDigit)))
            {
                string stat;
                try
                {
                    stat = File.ReadAllText(Path.Combine(proc, "stat"));
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                // "PID (comm) STATE PPID …"
                var close = stat.LastIndexOf(')');
                if (close > 0 && stat.AsSpan(stat.IndexOf('(') + 1, close - stat.IndexOf('(') - 1).SequenceEqual(name))
                {
                    found.Add($"{Path.GetFileName(proc)} {stat[(close + 2)..].Split(' ')[0]}");
                }
            }

            if (found.Count == 0 || DateTime.UtcNow > deadline)
            {
                return found;
            }

            Thread.Sleep(100);
        }
    }
}
