using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Paths;

internal sealed class GoPathRelativeRule : Rule
{
    public override string Id => "GOENV0020";

    public override string Title => "GOPATH has a relative or `~` entry";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoPath;

    public override string Description => "Every non-empty GOPATH entry must be an absolute path. Go checks this before running any command except `go help` and exits 2: `go: GOPATH entry is relative; must be absolute path: \"rel\".` or `go: GOPATH entry cannot start with shell metacharacter '~': \"~/go\"` (the shell did not expand the `~`, e.g. because it was quoted).";

    public override string Fix => "Use absolute paths in GOPATH (write $HOME/go instead of ~/go).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoPath);
        if (!variable.IsExplicit)
        {
            yield break;
        }

        foreach (var entry in snapshot.Host.SplitList(variable.Value))
        {
            if (entry.Length == 0)
            {
                continue;
            }

            if (entry.StartsWith('~'))
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoPath)} has the entry {Quote(entry)}: Go does not expand '~' and every go command fails with \"go: GOPATH entry cannot start with shell metacharacter '~': {QuoteInGoLine(entry)}\".", $"Write the home directory out (e.g. $HOME{entry[1..]}); {WhereToChange(snapshot, GoVariableNames.GoPath)}.");
                yield break;
            }

            if (!Path.IsPathFullyQualified(entry))
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoPath)} has the relative entry {Quote(entry)}: every go command fails with \"go: GOPATH entry is relative; must be absolute path: {QuoteInGoLine(entry)}.\"", $"Use an absolute path; {WhereToChange(snapshot, GoVariableNames.GoPath)}.");
                yield break;
            }
        }
    }
}
