using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// action.yml run by <see cref="CompositeActionEmulator"/> from a copy of the action, with goenv-action archives served
/// from a file:// download-url and pinned in the copy's dist/SHA256SUMS: what reaches the caller (outputs, the
/// environment and PATH of later steps) and what must not.
/// </summary>
[TestClass]
public sealed partial class CompositeActionTests
{
    private const string Archive = "goenv-action-linux-x64.tar.gz";

    /// <summary>A stand-in goenv-action that prints its command line and working directory, one item per line.</summary>
    private const string EchoGoenv = "#!/bin/bash\nprintf 'pwd:%s\\n' \"$PWD\"\nprintf 'arg:%s\\n' \"$@\"\n";

    private static readonly string[] s_outputNames =
        ["go-version", "goroot", "gopath", "gocache", "gomodcache", "env-file", "cache-key", "cache-key-modules", "restore-keys", "env-json"];

    private readonly List<IDisposable> _disposables = [];

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    [TestMethod]
    public void Action_NoPinnedChecksum_InstallFailsClearlyAndGoenvNeverRuns()
    {
        var checkout = Checkout();
        checkout.AddFakeArchive(EchoGoenv);
        File.WriteAllText(checkout.Checksums, "# no release yet\n");

        var run = Emulator(checkout).Run(With(checkout));

        Assert.IsFalse(run.Succeeded, run.Describe());
        Assert.AreEqual(1, run.Step("install").ExitCode, run.Describe());
        StringAssert.Contains(run.Step("install").StandardError, "no pinned checksum for linux-x64 in this action version", run.Describe());
        Assert.IsFalse(run.Step("goenv").Ran, "goenv-action must not run when the install failed");
        AssertNothingReachesTheCaller(run);
    }

    [TestMethod]
    public void Action_ChecksumMismatch_InstallFailsClearlyAndGoenvNeverRuns()
    {
        var checkout = Checkout();
        checkout.AddFakeArchive(EchoGoenv);
        checkout.PinChecksums((Archive, new string('e', 64)));

        var run = Emulator(checkout).Run(With(checkout));

        Assert.AreEqual(1, run.Step("install").ExitCode, run.Describe());
        StringAssert.Contains(run.Step("install").StandardError, $"checksum mismatch for {Archive}", run.Describe());
        Assert.IsFalse(run.Step("goenv").Ran, "goenv-action must not run when the install failed");
        AssertNothingReachesTheCaller(run);
    }

    [TestMethod]
    public void Action_HealthyGo_OutputsAndPinnedEnvironmentReachTheCaller()
    {
        var (go, checkout, emulator) = RealGoAction();

        var run = emulator.Run(With(checkout, ("go-version-file", "go.mod")));

        Assert.IsTrue(run.Succeeded, run.Describe());
        var empty = s_outputNames.Where(name => string.IsNullOrEmpty(run.Outputs.GetValueOrDefault(name))).ToList();
        Assert.IsEmpty(empty, "empty outputs: " + string.Join(", ", empty) + Environment.NewLine + run.Describe());
        StringAssert.StartsWith(run.Outputs["go-version"].TrimStart('g', 'o'), $"{go.Major}.{go.Minor}", run.Describe());
        Assert.AreEqual(go.GoRoot, run.Outputs["goroot"], run.Describe());
        Assert.IsTrue(File.Exists(run.Outputs["env-file"]), $"env-file output {run.Outputs["env-file"]}");
        using (var json = JsonDocument.Parse(run.Outputs["env-json"]))
        {
            Assert.AreEqual(JsonValueKind.Object, json.RootElement.ValueKind, run.Outputs["env-json"]);
        }

        // Exported through GITHUB_ENV (the job environment already has GOTOOLCHAIN=local: the export must be there too).
        foreach (var name in new[] { "GOTOOLCHAIN", "GOENV", "GOROOT" })
        {
            Assert.IsTrue(run.ExportedEnvironment.ContainsKey(name), $"{name} is not exported to later steps.{Environment.NewLine}{run.Describe()}");
        }

        Assert.AreEqual(go.GoRoot, run.ExportedEnvironment["GOROOT"]);
        Assert.AreEqual(Path.Combine(go.GoRoot, "bin"), run.PrependedPath.FirstOrDefault(), "the pinned Go's bin directory comes first on PATH");
        Assert.AreEqual(run.ExportedEnvironment["GOTOOLCHAIN"], run.LaterStepEnvironment["GOTOOLCHAIN"]);
        Assert.AreNotEqual(string.Empty, run.Summary.Trim(), "a job summary");

        var later = emulator.RunLaterStep(run, "go env GOROOT GOTOOLCHAIN\n");
        Assert.AreEqual(0, later.ExitCode, later.Describe());
        Assert.AreEqual($"{go.GoRoot}\n{run.ExportedEnvironment["GOTOOLCHAIN"]}\n", later.StandardOutput, later.Describe());
    }

    [TestMethod]
    public void Action_BrokenGoEnvironment_FailsWithAnErrorAndExportsNothing()
    {
        var (go, checkout, emulator) = RealGoAction();

        var run = emulator.Run(With(checkout), new Dictionary<string, string> { ["GOFLAGS"] = "-mod=bogus" });

        var goenv = run.Step("goenv");
        Assert.AreEqual(0, run.Step("install").ExitCode, run.Describe());
        Assert.AreEqual(1, goenv.ExitCode, run.Describe());
        Assert.IsEmpty(goenv.EnvExports, "a failed check exports nothing to GITHUB_ENV");
        Assert.IsEmpty(goenv.PathAdditions, "a failed check adds nothing to GITHUB_PATH");
        Assert.IsEmpty(goenv.Outputs, "a failed check sets no outputs");
        AssertNothingReachesTheCaller(run);
        var errors = GitHubRunner.ReadLines(goenv.StandardOutput)
            .Where(line => GitHubRunner.TryParseCommand(line, out var command) && command.Command == "error")
            .ToList();
        Assert.IsNotEmpty(errors, "an ::error annotation on stdout" + Environment.NewLine + goenv.Describe());
    }

    [TestMethod]
    public void Action_Defaults_RunPinForGitHubWithTheDefaultEnvFile()
    {
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(EchoGoenv)));

        var run = Emulator(checkout).Run(With(checkout));

        Assert.IsTrue(run.Succeeded, run.Describe());
        CollectionAssert.AreEqual(new[] { "pin", "--ci", "github", "--env-file", "goenv.env", "--cache", "true", "--cache-save", "default-branch", "--modules-key", "repository" }, Arguments(run));
        Assert.AreEqual(checkout.Workspace, WorkingDirectory(run));
    }

    [TestMethod]
    public void Action_EveryInput_ReachesTheCommandLineAsOneArgumentAndRunsNothing()
    {
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(EchoGoenv)));
        Directory.CreateDirectory(Path.Combine(checkout.Workspace, "sub dir"));
        const string Hostile = "cfg $(touch pwned) `touch pwned` 'q' \"d\" ; touch pwned.yml";

        var run = Emulator(checkout).Run(With(
            checkout,
            ("go", "/opt/my go/bin/go"),
            ("config", Hostile),
            ("env-file", "out dir/goenv.env"),
            ("go-version-file", "go.mod"),
            ("toolchain", "go1.24.6"),
            ("fail-on", "warning"),
            ("probe", "true"),
            ("cache", "modules"),
            ("cache-save", Hostile),
            ("modules-key", "go-sum-glob"),
            ("working-directory", "sub dir")));

        Assert.IsTrue(run.Succeeded, run.Describe());
        CollectionAssert.AreEqual(
            new[]
            {
                "pin", "--ci", "github", "--strict", "--probe", "--go", "/opt/my go/bin/go", "--config", Hostile,
                "--env-file", "out dir/goenv.env", "--go-version-file", "go.mod", "--toolchain", "go1.24.6",
                "--cache", "modules", "--cache-save", Hostile, "--modules-key", "go-sum-glob",
            },
            Arguments(run));
        Assert.AreEqual(Path.Combine(checkout.Workspace, "sub dir"), WorkingDirectory(run));
        Assert.IsEmpty(Directory.GetFiles(checkout.Workspace, "pwned*", SearchOption.AllDirectories), "an input was executed");
    }

    [TestMethod]
    public void Action_PinFalse_RunsCheckAndWarnsThatPinOnlyInputsAreIgnored()
    {
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(EchoGoenv)));

        var run = Emulator(checkout).Run(With(checkout, ("pin", "false"), ("toolchain", "auto"), ("config", "policy.yml")));

        Assert.IsTrue(run.Succeeded, run.Describe());
        CollectionAssert.AreEqual(new[] { "check", "--ci", "github", "--config", "policy.yml" }, Arguments(run));
        Assert.IsTrue(
            GitHubRunner.ReadLines(run.Step("goenv").StandardOutput).Any(l => GitHubRunner.TryParseCommand(l, out var c) && c.Command == "warning"),
            run.Describe());
    }

    [TestMethod]
    [DataRow("fail-on", "warnings")]
    [DataRow("fail-on", "")]
    [DataRow("pin", "yes")]
    [DataRow("probe", "yes")]
    public void Action_InvalidChoice_FailsWithAnErrorBeforeRunningGoenv(string input, string value)
    {
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(EchoGoenv)));

        var run = Emulator(checkout).Run(With(checkout, (input, value)));

        var goenv = run.Step("goenv");
        Assert.AreEqual(2, goenv.ExitCode, run.Describe());
        Assert.IsEmpty(Arguments(run), "goenv-action must not run");
        Assert.IsTrue(
            GitHubRunner.ReadLines(goenv.StandardOutput).Any(l => GitHubRunner.TryParseCommand(l, out var c) && c.Command == "error" && c.Data.Contains($"\"{input}\"", StringComparison.Ordinal)),
            goenv.Describe());
    }

    [TestMethod]
    public void Action_RunStepFileCommands_ReachTheCallerAsOutputsEnvironmentAndPath()
    {
        var checkout = Checkout();
        var writer = string.Concat(
            "#!/bin/bash\n",
            string.Concat(s_outputNames.Where(n => n != "restore-keys").Select(n => $"printf '%s=value of %s\\n' '{n}' '{n}' >> \"$GITHUB_OUTPUT\"\n")),
            "printf 'restore-keys<<ghadelimiter_1\\nkey-a-\\nkey-b-\\nghadelimiter_1\\n' >> \"$GITHUB_OUTPUT\"\n",
            "printf 'GOTOOLCHAIN<<ghadelimiter_2\\nlocal\\nghadelimiter_2\\n' >> \"$GITHUB_ENV\"\n",
            "printf '/pinned/go/bin\\n' >> \"$GITHUB_PATH\"\n",
            "printf '### pinned\\n' >> \"$GITHUB_STEP_SUMMARY\"\n");
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(writer)));

        var run = Emulator(checkout).Run(With(checkout));

        Assert.IsTrue(run.Succeeded, run.Describe());
        foreach (var name in s_outputNames.Where(n => n != "restore-keys"))
        {
            Assert.AreEqual("value of " + name, run.Outputs[name], name);
        }

        Assert.AreEqual("key-a-\nkey-b-", run.Outputs["restore-keys"]);
        Assert.AreEqual("local", run.LaterStepEnvironment["GOTOOLCHAIN"]);
        StringAssert.StartsWith(run.LaterStepEnvironment["PATH"], "/pinned/go/bin:");
        Assert.AreEqual("### pinned\n", run.Summary);
    }

    private static void AssertNothingReachesTheCaller(CompositeActionRun run)
    {
        Assert.IsEmpty(run.ExportedEnvironment, "exports: " + string.Join(", ", run.ExportedEnvironment.Keys));
        Assert.IsEmpty(run.PrependedPath, "PATH additions: " + string.Join(", ", run.PrependedPath));
        var set = s_outputNames.Where(name => !string.IsNullOrEmpty(run.Outputs.GetValueOrDefault(name))).ToList();
        Assert.IsEmpty(set, "outputs set: " + string.Join(", ", set));
    }

    private static List<string> Arguments(CompositeActionRun run) =>
        [.. GitHubRunner.ReadLines(run.Step("goenv").StandardOutput).Where(l => l.StartsWith("arg:", StringComparison.Ordinal)).Select(l => l[4..])];

    private static string? WorkingDirectory(CompositeActionRun run) =>
        GitHubRunner.ReadLines(run.Step("goenv").StandardOutput).FirstOrDefault(l => l.StartsWith("pwd:", StringComparison.Ordinal))?[4..];

    private static Dictionary<string, string> With(ActionCheckout checkout, params (string Name, string Value)[] inputs)
    {
        var with = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["download-url"] = checkout.DownloadUrl };
        foreach (var (name, value) in inputs)
        {
            with[name] = value;
        }

        return with;
    }

    /// <summary>The action with the published goenv-action (checksum pinned) over a healthy sandbox of the newest Go.</summary>
    private (GoToolchain Go, ActionCheckout Checkout, CompositeActionEmulator Emulator) RealGoAction()
    {
        var go = GoToolchains.Require()[^1];
        var sandbox = GoSandbox.Create(go);
        _disposables.Add(sandbox);
        var checkout = Checkout();
        checkout.PinChecksums((Archive, checkout.AddPublishedArchive()));
        return (go, checkout, new CompositeActionEmulator(checkout.ActionDirectory, sandbox.ModuleDirectory, checkout.RunnerDirectory, sandbox.Environment));
    }

    private ActionCheckout Checkout()
    {
        var checkout = ActionCheckout.Create();
        _disposables.Add(checkout);
        return checkout;
    }

    private static CompositeActionEmulator Emulator(ActionCheckout checkout)
    {
        var home = Path.Combine(checkout.Root, "home");
        Directory.CreateDirectory(home);
        return new CompositeActionEmulator(
            checkout.ActionDirectory,
            checkout.Workspace,
            checkout.RunnerDirectory,
            new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = home, ["PATH"] = "/usr/bin:/bin" });
    }
}
