using GoEnv.Core.Findings;

namespace GoEnv.Core.Policy;

/// <summary>`rules: { GOENV0004: ignore }` or `{ GOENV0055: error }`: Severity is null when the rule is ignored.</summary>
public sealed record PolicyRuleSetting(string RuleId, Severity? Severity, PolicyLocation Location)
{
    public bool Ignore => Severity is null;
}
