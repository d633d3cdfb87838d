using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Modules;

internal sealed class GoWorkRule : Rule
{
    public override string Id => "GOENV0110";

    public override string Title => "GOWORK is not off, auto or an absolute path to a go.work file";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoWork;

    public override string Description => "GOWORK must be `off`, `auto`, empty, or the absolute path of an existing go.work file. A relative path fails every module-mode command (and from Go 1.21 also `go env` and `go version`): `go: invalid GOWORK: not an absolute path` (1.19: `the path provided to GOWORK must be an absolute path`). A path that does not exist fails with `go: reading go.work: open …: no such file or directory`.";

    public override string Fix => "Use an absolute path to an existing go.work, `off` to build the module alone, or unset GOWORK.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoWork);
        var value = variable.Value;
        if (value is "" or "off" or "auto" || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        if (!Path.IsPathFullyQualified(value))
        {
            var text = snapshot.GoAtLeast(1, 21) ? "go: invalid GOWORK: not an absolute path" : "go: the path provided to GOWORK must be an absolute path";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoWork)} is {Quote(value)}, a relative path: module commands fail with \"{text}\".", $"Use an absolute path; {WhereToChange(snapshot, GoVariableNames.GoWork)}.");
        }
        else if (Directory.Exists(value))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoWork)} is {value}, a directory: GOWORK names the go.work file itself ({Path.Combine(value, "go.work")}).", $"Set GOWORK={Path.Combine(value, "go.work")}.");
        }
        else if (!File.Exists(value))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoWork)} is {value}, which does not exist: module commands fail with \"go: reading go.work: open {value}: no such file or directory\".", $"Create it with `go work init`, or {WhereToChange(snapshot, GoVariableNames.GoWork)}.");
        }
    }
}
