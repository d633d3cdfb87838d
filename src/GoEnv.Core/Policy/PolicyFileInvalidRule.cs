using GoEnv.Core.Findings;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Policy;

/// <summary>
/// GOENV0140. The findings come from <see cref="PolicyLoader"/>, which knows the file and the positions; this class
/// carries the id, title, description and fix for `explain` and docs/rules.md.
/// </summary>
internal sealed class PolicyFileInvalidRule : Rule
{
    public const string RuleId = "GOENV0140";

    public override string Id => RuleId;

    public override string Title => "The policy file (.goenv.yml) is invalid";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "The .goenv.yml found from the working directory up to the repository root is not valid YAML, or does not follow the policy schema: an unknown key (a typo such as `requre:` would otherwise silently drop a requirement), a value of the wrong type, a Go version range that does not parse, an unknown rule id or severity word. GoEnv does not apply a policy it cannot read completely, so the check fails instead of running with part of it.";

    public override string Fix => "Correct the file at the reported line and column; docs/policy.md describes every key and docs/goenv.schema.json lets an editor check the file while you type.";

    public override string Versions => "independent of the Go version";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot) => [];
}
