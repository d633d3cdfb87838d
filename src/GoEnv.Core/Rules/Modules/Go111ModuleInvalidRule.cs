using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Modules;

internal sealed class Go111ModuleInvalidRule : Rule
{
    public override string Id => "GOENV0060";

    public override string Title => "GO111MODULE has an invalid value";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.Go111Module;

    public override string Description => "GO111MODULE must be exactly on, off, auto or empty — case-sensitive, no spaces. Anything else makes every command that initialises modules fail, including `go env`: `go: unknown environment setting GO111MODULE=yes`.";

    public override string Fix => "Unset GO111MODULE (modules are on by default since Go 1.16), or use on/off/auto.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.Go111Module);
        if (value is not ("" or "on" or "off" or "auto"))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.Go111Module)} is {Quote(value)}: go commands fail with \"go: unknown environment setting GO111MODULE={value}\".", $"Use on, off or auto (lower case), or unset it; {WhereToChange(snapshot, GoVariableNames.Go111Module)}.");
        }
    }
}
