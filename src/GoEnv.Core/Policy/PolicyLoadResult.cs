using GoEnv.Core.Findings;

namespace GoEnv.Core.Policy;

/// <summary>The policy, or the GOENV0140 findings that say why the file is not a valid policy (never both).</summary>
public sealed class PolicyLoadResult
{
    public GoEnvPolicy? Policy { get; init; }

    public IReadOnlyList<Finding> Errors { get; init; } = [];

    public bool Succeeded => Policy is not null && Errors.Count == 0;
}
