using GoEnv.Core.Findings;

namespace GoEnv.Core.Policy;

/// <summary>Checks a snapshot against a policy (GOENV0141) and applies the policy's rule ignores and severities.</summary>
public static class PolicyEvaluator
{
    private static readonly PolicyViolationRule s_rule = new();

    /// <summary>One GOENV0141 finding per violated requirement, located at the requirement in the policy file.</summary>
    public static IReadOnlyList<Finding> Evaluate(GoSnapshot snapshot, GoEnvPolicy policy) => s_rule.Check(snapshot, policy).ToList();

    /// <summary>
    /// Drops the findings of ignored rules and re-grades the others as the policy says. GOENV0140/GOENV0141 are
    /// never touched: a policy must not be able to silence the report that it is broken or broken by the environment.
    /// </summary>
    public static IReadOnlyList<Finding> ApplyRuleSettings(IReadOnlyList<Finding> findings, GoEnvPolicy policy)
    {
        var result = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (finding.RuleId is PolicyFileInvalidRule.RuleId or PolicyViolationRule.RuleId || !policy.RuleSettings.TryGetValue(finding.RuleId, out var setting))
            {
                result.Add(finding);
            }
            else if (setting.Severity is { } severity)
            {
                result.Add(finding with { Severity = severity });
            }
        }

        return result;
    }
}
