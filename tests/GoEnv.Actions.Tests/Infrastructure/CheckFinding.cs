namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>One element of <c>findings</c> in <c>goenv-action check --format json</c>.</summary>
internal sealed record CheckFinding(string? Rule, string? Severity, string? Variable, string? Message, string? File, int Line)
{
    public override string ToString() =>
        $"{Severity ?? "?"} {Rule ?? "?"} on {Variable ?? "(no variable)"}" +
        (File is null ? string.Empty : $" at {File}:{Line}") +
        (string.IsNullOrEmpty(Message) ? string.Empty : ": " + Message);
}
