namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>What real Go does with a scenario, as observed on a given version: succeed or fail, and a stable fragment of its output.</summary>
internal sealed class GoExpectation
{
    private GoExpectation(bool succeeds, string? outputContains)
    {
        Succeeds = succeeds;
        OutputContains = outputContains;
    }

    public bool Succeeds { get; }

    /// <summary>A fragment of stdout+stderr that must appear; null when nothing stable can be asserted.</summary>
    public string? OutputContains { get; }

    public static GoExpectation Success(string? outputContains = null) => new(true, outputContains);

    public static GoExpectation Failure(string? outputContains = null) => new(false, outputContains);

    public override string ToString() =>
        (Succeeds ? "succeeds" : "fails") + (OutputContains is null ? string.Empty : $" ({OutputContains})");

    /// <summary>Null when <paramref name="result"/> matches; otherwise what went differently.</summary>
    public string? Verify(ProcessResult result)
    {
        if (result.StartError is not null || result.TimedOut)
        {
            return "real Go did not run to completion: " + result.Describe();
        }

        if (Succeeds && result.ExitCode != 0)
        {
            return "real Go was expected to succeed but failed: " + result.Describe();
        }

        if (!Succeeds && result.ExitCode == 0)
        {
            return "real Go was expected to fail but succeeded: " + result.Describe();
        }

        if (OutputContains is not null && !result.Output.Contains(OutputContains, StringComparison.Ordinal))
        {
            return $"real Go {(Succeeds ? "succeeded" : "failed")} as expected, but its output lacks \"{OutputContains}\": " + result.Describe();
        }

        return null;
    }
}
