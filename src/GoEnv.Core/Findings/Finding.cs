namespace GoEnv.Core.Findings;

/// <summary>
/// One problem found. Messages and fixes are already redacted when a Finding is created: a Finding never holds a secret.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string? Variable,
    string Message,
    string Fix,
    string? File = null,
    int Line = 0,
    int Column = 0)
{
    public string SeverityName => Severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
