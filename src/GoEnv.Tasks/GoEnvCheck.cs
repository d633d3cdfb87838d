namespace GoEnv.Tasks;

/// <summary>
/// Validates the Go environment: logs every finding as a coded MSBuild diagnostic and fails on an error (or, with
/// FailOnWarning or the policy's output.strict, on a warning). Outputs the values Go resolved.
/// </summary>
public sealed class GoEnvCheck : GoEnvTask
{
    public override bool Execute()
    {
        var result = RunCheck(out var fresh);
        if (fresh)
        {
            FindingLog.LogAll(Log, result.Findings, Diagnostics);
        }

        return !Failed(result) && !Log.HasLoggedErrors;
    }
}
