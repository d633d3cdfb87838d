using System.Text;
using System.Text.Json;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// Windows verdicts tested for real: a Windows go.exe (built from a real Go source tree) and the win-x64
/// goenv-action.exe, side by side under Wine, on the same environment block. Each case asserts go.exe's observed
/// outcome AND that goenv-action agrees (Go fails or warns ⇔ an error or warning on the right variable).
/// </summary>
[TestClass]
public sealed class WindowsVerdictTests
{
    public static IEnumerable<TestDataRow<string>> Cases =>
        WindowsCases.All.Select(c => new TestDataRow<string>(c.Name) { DisplayName = "Windows: " + c.Name });

    [AssemblyCleanup]
    public static void StopWine() => Wine.ShutDown();

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void Case_GoExeAndGoEnvAgree(string name)
    {
        WindowsCase windowsCase = WindowsCases.Get(name);
        AssertOnEachToolchain(sandbox =>
        {
            windowsCase.Arrange(sandbox);
            WindowsGo expected = windowsCase.Go(sandbox.Toolchain);
            ProcessResult go = sandbox.RunGo([.. windowsCase.GoArguments]);
            string? goProblem = expected.Verify(go);
            CheckRun check = sandbox.RunCheck();
            string? checkProblem = windowsCase.VerdictFor(sandbox, expected).Verify(check) ?? windowsCase.VerifyWording(check)
                ?? (go.ExitCode != 0 && check.QuotedGoTexts() is { } quotes && !quotes.Any(q => go.Output.Contains(q, StringComparison.Ordinal))
                    ? $"goenv-action's error quotes Go as {string.Join(" / ", quotes.Select(q => $"\"{q}\""))}, but go.exe printed: " + go.Describe()
                    : null);
            return goProblem is null && checkProblem is null ? null : string.Join("\n", new[] { goProblem, checkProblem }.Where(p => p is not null));
        });
    }

    [TestMethod]
    public void Path_SeveralGoExe_TheShellsAndGoEnvsGoAreTheFirst()
    {
        WindowsToolchain[] toolchains = [.. Wine.Require().Toolchains];
        if (toolchains.Length < 2)
        {
            Assert.Inconclusive("needs two Windows Go versions");
        }

        AssertOnEachToolchain(sandbox =>
        {
            WindowsToolchain other = toolchains.First(t => t != sandbox.Toolchain);
            sandbox.Set("Path", sandbox.Toolchain.WindowsBinDirectory + ";" + other.WindowsBinDirectory + @";C:\windows\system32");
            ProcessResult shell = sandbox.RunCmd("go version");
            string? shellProblem = shell.StandardOutput.Contains(sandbox.Toolchain.Version.Version + " windows/amd64", StringComparison.Ordinal)
                ? null : "cmd.exe did not run the first go.exe on Path: " + shell.Describe();
            return shellProblem ?? GoVersionProblem(sandbox, sandbox.Toolchain.Version.Version);
        }, toolchains);
    }

    [TestMethod]
    public void Path_PathAndPATHBothSet_GoEnvFindsTheGoTheShellFinds()
    {
        // A block may carry both names (a runner that merges environments does this). Windows' lookup
        // (GetEnvironmentVariableW, as cmd.exe and Go's os.Getenv use it) takes the first in block order.
        AssertOnEachToolchain(sandbox =>
        {
            sandbox.Unset("Path");
            sandbox.Set("Path", @"C:\windows\system32;C:\windows");
            sandbox.Set("PATH", sandbox.Toolchain.WindowsBinDirectory + @";C:\windows\system32");
            ProcessResult shell = sandbox.RunCmd("go version");
            CheckRun check = sandbox.RunCheck();
            bool shellFindsGo = shell.ExitCode == 0 && shell.StandardOutput.Contains("go version", StringComparison.Ordinal);
            bool goEnvFindsGo = check.ExitCode == 0 && !check.Findings.Any(f => f.Rule == "GOENV0001");
            return shellFindsGo == goEnvFindsGo ? null
                : $"cmd.exe {(shellFindsGo ? "runs" : "finds no")} go, GoEnv {(goEnvFindsGo ? "found one" : "found none")}:\n{shell.Describe()}\n{check.Describe()}";
        });
    }

    [TestMethod]
    public void PinPwsh_SourcedAsPowerShellReadsIt_GoExeSeesThePinnedValues()
    {
        // No PowerShell here: the file is read with the model of PowerShell's tokenizer (tests/GoEnv.Core.Tests), the
        // assignments are put into the block as `. ./goenv.ps1` would, and go.exe must then report the same values.
        AssertOnEachToolchain(sandbox =>
        {
            sandbox.Set("GOPATH", sandbox.WindowsPath("it's go"));
            sandbox.Set("GOFLAGS", "-trimpath");
            ProcessResult pin = sandbox.RunGoEnv("pin", "--format", "pwsh", "--env-file", "goenv.ps1");
            string file = Path.Combine(sandbox.ModuleDirectory, "goenv.ps1");
            if (pin.ExitCode != 0 || !File.Exists(file))
            {
                return "pin --format pwsh failed: " + pin.Describe();
            }

            List<(string Name, string Value)> assignments = PowerShellModel.Assignments(File.ReadAllText(file, Encoding.UTF8));
            foreach ((string name, string value) in assignments)
            {
                sandbox.Unset(name);
                sandbox.Set(name, value);
            }

            // GOENV=off is pinned so no user file adds to the pin; `go env GOENV` then prints the file it reads: none.
            assignments.RemoveAll(a => a.Name == "GOENV" && a.Value == "off");
            string[] names = [.. assignments.Select(a => a.Name).Where(n => n.StartsWith("GO", StringComparison.Ordinal))];
            ProcessResult env = sandbox.RunGo(["env", "-json", .. names]);
            using JsonDocument reported = JsonDocument.Parse(env.StandardOutput);
            var differences = assignments.Where(a => a.Name.StartsWith("GO", StringComparison.Ordinal))
                .Where(a => !reported.RootElement.TryGetProperty(a.Name, out JsonElement v) || v.GetString() != a.Value)
                .Select(a => $"{a.Name}: pinned '{a.Value}', go.exe reports '{(reported.RootElement.TryGetProperty(a.Name, out JsonElement v) ? v.GetString() : "(nothing)")}'")
                .ToList();
            string? missing = assignments.Any(a => a.Name == "GOPATH" && a.Value == sandbox.WindowsPath("it's go")) ? null : "GOPATH was not pinned as set";
            return differences.Count == 0 && missing is null && env.ExitCode == 0 ? null
                : string.Join("\n", differences.Append(missing ?? "").Append(env.Describe()).Append(File.ReadAllText(file)));
        });
    }

    [TestMethod]
    public void GoOption_BareNameOrPathWithoutExe_FoundAsOsExecFindsThem()
    {
        // `--go go` and `--go C:\…\bin\go` name go.exe through PATHEXT, as a Windows shell and os/exec do.
        AssertOnEachToolchain(sandbox =>
            GoVersionProblem(sandbox, sandbox.Toolchain.Version.Version, "--go", "go")
            ?? GoVersionProblem(sandbox, sandbox.Toolchain.Version.Version, "--go", sandbox.Toolchain.WindowsBinDirectory + @"\go"));
    }

    private static string? GoVersionProblem(WindowsSandbox sandbox, string version, params string[] options)
    {
        ProcessResult run = sandbox.RunGoEnv(["check", "--format", "json", .. options]);
        try
        {
            using JsonDocument document = JsonDocument.Parse(run.StandardOutput);
            string? reported = document.RootElement.GetProperty("goVersion").GetString();
            return reported == version ? null : $"GoEnv checked {reported ?? "no Go"}, the shell runs {version}: " + run.Describe();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return "check --format json did not give a goVersion: " + run.Describe();
        }
    }

    /// <summary>Runs <paramref name="test"/> in a fresh sandbox on each Windows Go, in parallel; fails once naming every problem.</summary>
    private static void AssertOnEachToolchain(Func<WindowsSandbox, string?> test, IEnumerable<WindowsToolchain>? toolchains = null)
    {
        Wine.WineSetup wine = Wine.Require();
        _ = PublishedBinary.WindowsPath;
        // The toolchains side by side: a Windows program spends most of its time waiting on the wine server.
        string[] problems = [.. (toolchains ?? wine.Toolchains).AsParallel().AsOrdered().Select(toolchain =>
        {
            using var sandbox = WindowsSandbox.Create(wine, toolchain);
            return test(sandbox) is { } problem ? $"[{toolchain}] {problem}" : null;
        }).OfType<string>()];

        Assert.IsEmpty(problems, string.Join("\n\n", problems));
    }
}
