using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Platform;

internal sealed class CgoEnabledInvalidRule : Rule
{
    public override string Id => "GOENV0123";

    public override string Title => "CGO_ENABLED is not 0 or 1";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.CgoEnabled;

    public override string Description => "Only the exact strings 0 and 1 mean anything. Any other value (true, yes, \" 1\", 2) is silently treated as unset, so cgo is on or off depending on the platform and on whether a C compiler is on PATH (Go 1.20+) — not on what the value says.";

    public override string Fix => "Set CGO_ENABLED=0 or CGO_ENABLED=1.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.CgoEnabled);
        if (variable.IsExplicit && variable.RawValue is { } raw && raw is not ("0" or "1"))
        {
            var effective = snapshot.GoEnvSucceeded ? $" (Go uses CGO_ENABLED={snapshot.Value(GoVariableNames.CgoEnabled)} here)" : "";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.CgoEnabled)} is {Quote(raw)}, which Go treats as unset{effective}.", $"Set CGO_ENABLED=0 or 1; {WhereToChange(snapshot, GoVariableNames.CgoEnabled)}.");
        }
    }
}
