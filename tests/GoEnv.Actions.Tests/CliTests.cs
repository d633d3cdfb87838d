using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>The published `goenv-action` binary as users run it: usage errors, explain, and `go` executables that misbehave.</summary>
[TestClass]
public sealed class CliTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    private readonly List<string> _sandboxes = [];

    public TestContext TestContext { get; set; } = null!;

    [TestCleanup]
    public void RemoveSandboxes()
    {
        foreach (var dir in _sandboxes)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A test that failed half-way may leave something locked; the temp directory is the OS's to clean.
            }
        }
    }

    private static ProcessResult Run(string workDir, IReadOnlyDictionary<string, string> env, params string[] args) =>
        ChildProcess.Run(PublishedBinary.Path, args, workDir, env, s_timeout);

    private (string Dir, Dictionary<string, string> Env) Sandbox(string? fakeGoScript = null)
    {
        var dir = Directory.CreateTempSubdirectory("goenv-cli-").FullName;
        _sandboxes.Add(dir);
        var bin = Path.Combine(dir, "bin");
        Directory.CreateDirectory(bin);
        Directory.CreateDirectory(Path.Combine(dir, "home"));
        if (fakeGoScript is not null)
        {
            var go = Path.Combine(bin, "go");
            File.WriteAllText(go, "#!/bin/sh\n" + fakeGoScript + "\n");
            File.SetUnixFileMode(go, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return (dir, new Dictionary<string, string> { ["HOME"] = Path.Combine(dir, "home"), ["PATH"] = bin + ":/usr/bin:/bin" });
    }

    [TestMethod]
    public void Explain_KnownRule_PrintsDescriptionAndFix()
    {
        var (dir, env) = Sandbox();
        var result = Run(dir, env, "explain", "GOENV0052");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        StringAssert.StartsWith(result.StandardOutput, "GOENV0052: ");
        StringAssert.Contains(result.StandardOutput, "fix: ");
    }

    [TestMethod]
    [DataRow("explain", "GOENV9999")]
    [DataRow("explain")]
    [DataRow("check", "--no-such-option")]
    [DataRow("check", "--format", "yaml")]
    [DataRow("check", "--timeout", "-1")]
    [DataRow("frobnicate")]
    public void Run_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (dir, env) = Sandbox();
        var result = Run(dir, env, args);
        Assert.AreEqual(2, result.ExitCode, result.Describe());
        Assert.IsFalse(string.IsNullOrWhiteSpace(result.StandardError), result.Describe());
    }

    [TestMethod]
    public void Check_NoGoAnywhere_ReportsGoenv0001AndExitsOne()
    {
        var (dir, env) = Sandbox();
        var text = Run(dir, env, "check");
        Assert.AreEqual(1, text.ExitCode, text.Describe());
        StringAssert.Contains(text.StandardOutput, "GOENV0001");
        Assert.AreEqual("", text.StandardError, text.Describe());

        var json = CheckRun.From(Run(dir, env, "check", "--format", "json"));
        Assert.AreEqual(1, json.ExitCode, json.Describe());
        Assert.AreEqual("GOENV0001", json.Errors.Single().Rule, json.Describe());
    }

    [TestMethod]
    public void Check_GoThatHangs_IsStoppedAtTheTimeoutAndReported()
    {
        var marker = "31." + Random.Shared.Next(100000, 999999);
        var (dir, env) = Sandbox($"exec sleep {marker}");
        var run = CheckRun.From(Run(dir, env, "check", "--format", "json", "--timeout", "0.5"));
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        Assert.IsLessThan(20, run.Process.Duration.TotalSeconds, run.Describe());
        Assert.AreEqual("GOENV0003", run.Errors.Single().Rule, run.Describe());
        StringAssert.Contains(run.Errors.Single().Message, "did not answer");
        var survivors = Directory.EnumerateDirectories("/proc").Where(p => Path.GetFileName(p).All(char.IsAsciiDigit))
            .Where(p => ReadCmdline(p).Contains(marker, StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(survivors, "the hanging go was not killed");
    }

    [TestMethod]
    [DataRow("echo 'this is not json'", "did not print a JSON object")]
    [DataRow("echo '{\"GOROOT\": 5}'", "did not print a JSON object")]
    [DataRow("kill -SEGV $$", "crashed")]
    [DataRow("head -c 6000000 /dev/zero", "far more output")]
    public void Check_GoThatMisbehaves_IsAClearFindingNotACrash(string script, string expected)
    {
        var (dir, env) = Sandbox(script);
        var run = CheckRun.From(Run(dir, env, "check", "--format", "json"));
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        var finding = run.Errors.FirstOrDefault(f => f.Rule == "GOENV0003");
        Assert.IsNotNull(finding, run.Describe());
        StringAssert.Contains(finding.Message, expected);
    }

    [TestMethod]
    public void Check_GoThatIsNotExecutable_IsReported()
    {
        var (dir, env) = Sandbox();
        var go = Path.Combine(dir, "notexec-go");
        File.WriteAllText(go, "#!/bin/sh\n");
        var run = CheckRun.From(Run(dir, env, "check", "--format", "json", "--go", go));
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        StringAssert.Contains(run.Errors.Single().Message, "not executable");
    }

    [TestMethod]
    public void Check_GoSymlinkLoop_IsReported()
    {
        var (dir, env) = Sandbox();
        var a = Path.Combine(dir, "a");
        var b = Path.Combine(dir, "b");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);
        var run = CheckRun.From(Run(dir, env, "check", "--format", "json", "--go", a));
        Assert.AreEqual(1, run.ExitCode, run.Describe());
        Assert.AreEqual("GOENV0001", run.Errors.Single().Rule, run.Describe());
    }

    [TestMethod]
    public void Check_JsonOutput_HasTheDocumentedShape()
    {
        var (dir, env) = Sandbox("echo '{\"GOVERSION\":\"go1.22.12\",\"GOROOT\":\"/nonexistent\",\"GOOS\":\"linux\",\"GOARCH\":\"amd64\"}'");
        env["GOFLAGS"] = "-typo";
        var result = Run(dir, env, "check", "--format", "json");
        using var doc = JsonDocument.Parse(result.StandardOutput);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("variable").GetString() == "GOFLAGS");
        foreach (var name in new[] { "rule", "severity", "variable", "message", "fix", "file", "line" })
        {
            Assert.IsTrue(finding.TryGetProperty(name, out _), name);
        }

        var goflags = doc.RootElement.GetProperty("environment").GetProperty("GOFLAGS");
        Assert.AreEqual("-typo", goflags.GetProperty("value").GetString());
        Assert.AreEqual("process environment", goflags.GetProperty("source").GetString());
    }

    private static string ReadCmdline(string procDir)
    {
        try
        {
            return File.ReadAllText(Path.Combine(procDir, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }
}
