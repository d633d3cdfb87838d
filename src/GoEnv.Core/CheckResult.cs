using GoEnv.Core.Findings;

namespace GoEnv.Core;

public sealed class CheckResult
{
    public required GoSnapshot Snapshot { get; init; }

    /// <summary>Most severe first, then by rule id.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>The .goenv.yml policy applied (null when there is none, or it is broken).</summary>
    public Policy.GoEnvPolicy? Policy { get; init; }

    public bool HasErrors => Findings.Any(f => f.Severity == Severity.Error);

    public bool HasWarnings => Findings.Any(f => f.Severity == Severity.Warning);

    /// <summary>
    /// True when the check fails: any error, or any warning when <paramref name="strict"/> (--strict, FailOnWarning)
    /// or the policy's output.strict asks for it.
    /// </summary>
    public bool Failed(bool strict) => HasErrors || ((strict || Policy?.Strict == true) && HasWarnings);
}
