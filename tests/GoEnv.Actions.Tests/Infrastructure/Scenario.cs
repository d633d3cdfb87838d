namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// One environment a user could start a pipeline with: how to set it up in a sandbox, the Go command the user would
/// run, what real Go does (per version, as observed) and what <c>goenv-action check</c> must say about it.
/// </summary>
internal sealed class Scenario
{
    /// <summary>Unique; the test's display name.</summary>
    public required string Name { get; init; }

    /// <summary>The variable the scenario is about (documentation; the verdict names the acceptable culprits).</summary>
    public required string Variable { get; init; }

    /// <summary>Sets the variable(s) and files up in a fresh sandbox.</summary>
    public Action<GoSandbox> Arrange { get; init; } = _ => { };

    /// <summary>The real Go command; null when there is no real-Go side (e.g. no Go installed at all).</summary>
    public IReadOnlyList<string>? GoCommand { get; init; } = ["build", "./..."];

    /// <summary>Real Go's observed outcome on a version; required when <see cref="GoCommand"/> is set.</summary>
    public Func<GoToolchain, GoExpectation>? Go { get; init; }

    /// <summary>GoEnv's expected verdict on a version, in a given (arranged) sandbox.</summary>
    public required Func<GoToolchain, GoSandbox, GoEnvVerdict> Check { get; init; }

    /// <summary>Why the scenario cannot run here (e.g. needs root, needs a second toolchain); null when it can.</summary>
    public Func<GoToolchain, string?> NotApplicable { get; init; } = _ => null;

    /// <summary>Run on one toolchain only: the scenario does not depend on the Go version (e.g. no Go at all).</summary>
    public bool ToolchainIndependent { get; init; }

    /// <summary>
    /// True when GoEnv's error must quote Go's own message: the text in quotes after "fails with" in a matching error
    /// finding must appear in real Go's output for the scenario's command.
    /// </summary>
    public bool QuotesGo { get; init; }

    /// <summary>Strings that must appear nowhere in check's stdout or stderr (credentials).</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];

    public override string ToString() => Name;
}
