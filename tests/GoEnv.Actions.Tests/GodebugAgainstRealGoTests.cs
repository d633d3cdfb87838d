using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Differential: GodebugSettings, fed the GODEBUG table of each installed release (1.23+), against that release's own
/// `go list -m` on a go.mod with the setting — Go fails ⇔ GoEnv has an error, and GoEnv's text is Go's.
/// </summary>
[TestClass]
public sealed class GodebugAgainstRealGoTests
{
    // Known everywhere, unknown everywhere, removed in 1.24 (x509sha1) and 1.27 (gotypesalias, asynctimerchan) with
    // old and new values, default= in range and too new, and the syntax checks.
    private static readonly string[] s_settings =
    [
        "panicnil=1", "nosuchsetting=1", "x509sha1=1", "x509sha1=0", "gotypesalias=0", "gotypesalias=1", "asynctimerchan=2",
        "asynctimerchan=0", "default=go1.21", "default=go1.99", "default=1.21", "httpmuxgo121=1",
    ];

    [TestMethod]
    public void Check_EveryRelease_AgreesWithItsGoListM()
    {
        var problems = new List<string>();
        foreach (var go in GoToolchains.Require().Where(t => t.IsAtLeast(23)))
        {
            var table = GodebugSettings.Read(go.GoRoot);
            if (table is null)
            {
                problems.Add($"{go}: no GODEBUG table under {go.GoRoot}/src/internal/godebugs");
                continue;
            }

            var release = GoVersion.Parse(go.Version)!;
            foreach (var setting in s_settings)
            {
                using var sandbox = GoSandbox.Create(go);
                File.WriteAllText(Path.Combine(sandbox.ModuleDirectory, "go.mod"), $"module example.com/app\n\ngo 1.21\n\ngodebug {setting}\n");
                File.WriteAllText(Path.Combine(sandbox.ModuleDirectory, "app.go"), "package app\n");
                var real = sandbox.RunGo("list", "-m");
                var equals = setting.IndexOf('=', StringComparison.Ordinal);
                var error = table.Check(new ModuleGodebug(setting[..equals], setting[(equals + 1)..], 5), release);
                if ((real.ExitCode != 0) != (error is not null) || (error is not null && !real.Output.Contains("go.mod:5: " + error, StringComparison.Ordinal)))
                {
                    problems.Add($"{go} godebug {setting}: GoEnv says {(error is null ? "fine" : $"\"{error}\"")}; real Go: {real.Describe()}");
                }
            }
        }

        Assert.IsEmpty(problems, string.Join("\n", problems));
    }
}
