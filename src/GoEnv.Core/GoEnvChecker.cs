using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Policy;
using GoEnv.Core.Rules;

namespace GoEnv.Core;

/// <summary>The `check` use case: one snapshot, every rule, findings ordered for people.</summary>
public static class GoEnvChecker
{
    public static CheckResult Check(HostEnvironment host, CheckOptions options)
    {
        var snapshot = SnapshotBuilder.Build(host, options);
        var findings = Evaluate(snapshot);
        var policyPath = PolicyFile.Locate(options.PolicyFile, host.WorkingDirectory, snapshot.Git.WorkTreeRoot);
        GoEnvPolicy? policy = null;
        if (policyPath is not null)
        {
            var load = PolicyLoader.Load(policyPath);
            if (load.Succeeded)
            {
                policy = load.Policy;
                findings = Order(PolicyEvaluator.ApplyRuleSettings([.. findings, .. PolicyEvaluator.Evaluate(snapshot, policy!)], policy!));
            }
            else
            {
                // A broken policy is not applied (half a policy would be worse than none); its errors say why.
                findings = Order([.. findings, .. load.Errors]);
            }
        }

        return new CheckResult { Snapshot = snapshot, Findings = findings, Policy = policy };
    }

    /// <summary>
    /// Builds the per-release tables the rules read (the GOFLAGS flag table, the port list) for a Go release ahead
    /// of a check: work the CLI does while its prestarted `go env` probe runs instead of after it. A wrong guess costs
    /// nothing but that work; the check builds what the real release needs.
    /// </summary>
    public static void Prepare(GoVersion? version)
    {
        GoFlagCatalog.For(version);
        GoPlatforms.Pairs(version);
    }

    public static IReadOnlyList<Finding> Evaluate(GoSnapshot snapshot)
    {
        var findings = new List<Finding>();
        foreach (var rule in RuleCatalog.All)
        {
            findings.AddRange(rule.Evaluate(snapshot));
        }

        // Go's own rejection (GOENV0002) is only kept when no precise rule already explains it.
        const string goFailed = "GOENV0002";
        findings.RemoveAll(f => f.RuleId == goFailed && findings.Any(o => o.RuleId != goFailed && o.Severity == Severity.Error && (o.Variable == f.Variable || f.Variable is null)));

        return Order(findings);
    }

    private static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings) =>
        findings
            .OrderByDescending(f => f.Severity)
            .ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Variable, StringComparer.Ordinal)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
}
