using GoEnv.Core.Go;
using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

/// <summary>
/// Go itself rejected the environment. The message is Go's own; GoEnv attributes it to the variable it names.
/// The checker drops this finding when a more precise rule already reported an error on that variable.
/// </summary>
internal sealed class GoEnvFailedRule : Rule
{
    public override string Id => "GOENV0002";

    public override string Title => "Go rejects the environment";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "`go env` exited with an error: every go command of the pipeline will fail the same way. GoEnv shows Go's own message and names the variable it is about.";

    public override string Fix => "Fix the variable Go names in its message.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Probe.Status != GoEnvProbeStatus.GoFailed)
        {
            yield break;
        }

        var variable = GoMessages.VariableOf(snapshot.Probe.Message);
        var text = snapshot.Probe.Message.Trim();
        yield return Report(snapshot, $"Go fails before doing anything: {text}", variable is null ? null : WhereToChange(snapshot, variable) + ".", variable: variable);
    }
}
