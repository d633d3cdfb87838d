using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Paths;

internal sealed class GoBinRelativeRule : Rule
{
    public override string Id => "GOENV0023";

    public override string Title => "GOBIN is not absolute";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoBin;

    public override string Description => "GOBIN must be an absolute path. Go does not check it until `go install` runs, which then fails: `go: cannot install, GOBIN must be an absolute path`.";

    public override string Fix => "Set GOBIN to an absolute directory, or unset it (binaries then go to the first GOPATH entry's bin).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoBin);
        if (variable.IsExplicit && variable.RawValue is { Length: > 0 } raw && !Path.IsPathFullyQualified(raw))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoBin)} is {Quote(raw)}, a relative path: `go install` fails with \"cannot install, GOBIN must be an absolute path\".", $"Use an absolute path; {WhereToChange(snapshot, GoVariableNames.GoBin)}.");
        }
    }
}
