using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// One Windows environment tried on go.exe and goenv-action.exe side by side. <see cref="Go"/> is what go.exe was
/// observed to do (real Go wins); GoEnv's verdict follows from it unless <see cref="Check"/> says otherwise: Go fails
/// ⇒ check exits 1 with an error on <see cref="Variable"/> (or <see cref="AlsoOn"/>); Go warns ⇒ a warning on it; Go
/// succeeds silently ⇒ exit 0, no error, no warning on it.
/// </summary>
internal sealed record WindowsCase
{
    public required string Name { get; init; }

    public required string Variable { get; init; }

    /// <summary>Other variables an error or warning may name instead (the culprit can be reported on a derived one).</summary>
    public IReadOnlyList<string> AlsoOn { get; init; } = [];

    public Action<WindowsSandbox> Arrange { get; init; } = _ => { };

    /// <summary>
    /// What go.exe runs: <c>go list -export</c> starts like every command (GOPATH, GOFLAGS, GOENV file checks), then
    /// downloads the dependency into GOMODCACHE and compiles both packages into GOCACHE. (<c>go build</c>'s exit code
    /// is not trustworthy under Wine 8, and Go 1.27 cannot remove its work directory there: -work keeps it, in the
    /// sandbox.)
    /// </summary>
    public IReadOnlyList<string> GoArguments { get; init; } = ["list", "-export", "-work", "-f", "{{.Export}}", "."];

    public required Func<WindowsToolchain, WindowsGo> Go { get; init; }

    /// <summary>Text the error or warning on <see cref="Variable"/> must hold (Go's own reason, on Windows).</summary>
    public string? GoEnvSays { get; init; }

    /// <summary>Overrides the verdict derived from <see cref="Go"/>.</summary>
    public Func<WindowsSandbox, GoEnvVerdict>? Check { get; init; }

    public GoEnvVerdict VerdictFor(WindowsSandbox sandbox, WindowsGo go) =>
        Check?.Invoke(sandbox) ?? go.Kind switch
        {
            WindowsGo.Outcome.Fails => GoEnvVerdict.Error([Variable, .. AlsoOn]),
            WindowsGo.Outcome.Warns => GoEnvVerdict.Warning([Variable, .. AlsoOn]),
            _ => GoEnvVerdict.NoError(quietOn: Variable),
        };

    /// <summary>Null when <see cref="GoEnvSays"/> is unset or some error or warning on the culprit says it.</summary>
    public string? VerifyWording(CheckRun run) =>
        GoEnvSays is null || run.Errors.Concat(run.Warnings).Any(f => (f.Variable == Variable || AlsoOn.Contains(f.Variable)) && (f.Message ?? "").Contains(GoEnvSays, StringComparison.Ordinal))
            ? null
            : $"goenv-action check: no error or warning on {Variable} says \"{GoEnvSays}\"; got " + run.Describe();

    public override string ToString() => Name;
}

/// <summary>go.exe's observed outcome: succeeds silently, succeeds with a warning, or fails; with a stable part of its output.</summary>
internal sealed record WindowsGo(WindowsGo.Outcome Kind, string? Text)
{
    public enum Outcome
    {
        Succeeds,
        Warns,
        Fails,
    }

    public static WindowsGo Succeeds() => new(Outcome.Succeeds, null);

    public static WindowsGo Warns(string text) => new(Outcome.Warns, text);

    public static WindowsGo Fails(string text) => new(Outcome.Fails, text);

    /// <summary>Null when <paramref name="result"/> is this outcome; otherwise what go.exe did instead.</summary>
    public string? Verify(ProcessResult result)
    {
        bool failed = result.ExitCode != 0 || result.TimedOut || result.StartError is not null;
        bool warned = result.StandardError.Contains("warning:", StringComparison.Ordinal);
        string? problem = Kind switch
        {
            Outcome.Fails when !failed => "go.exe was expected to fail but succeeded",
            Outcome.Succeeds when failed => "go.exe was expected to succeed but failed",
            Outcome.Warns when failed => "go.exe was expected to succeed with a warning but failed",
            Outcome.Succeeds when warned => "go.exe was expected to succeed silently but warned",
            Outcome.Warns when !warned => "go.exe was expected to warn but did not",
            _ when Text is not null && !result.Output.Contains(Text, StringComparison.Ordinal) => $"go.exe's output lacks \"{Text}\"",
            _ => null,
        };
        return problem is null ? null : problem + ": " + result.Describe();
    }

    public override string ToString() => Kind + (Text is null ? "" : $" ({Text})");
}
