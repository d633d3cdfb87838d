using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsUnknownFlagRule : Rule
{
    public override string Id => "GOENV0051";

    public override string Title => "GOFLAGS has a flag no go command knows";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "Every flag in GOFLAGS must be defined by at least one go command (of the running Go version). An unknown flag makes every go command fail, even `go version`: `go: parsing $GOFLAGS: unknown flag -typo`. A frequent cause is a second word of -ldflags or -gcflags that Go took for a flag of its own (`GOFLAGS=\"-ldflags=-s -X main.v=1\"`).";

    public override string Fix => "Remove or correct the flag; values with spaces must be quoted (Go 1.21+) or passed on the command line.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var analysis = GoFlagsAnalysis.Of(snapshot);
        foreach (var (i, word) in analysis.Flags())
        {
            if (analysis.Table.IsKnown(word.Name))
            {
                continue;
            }

            var fix = Fix;
            if (analysis.ListFlagBefore(i) is { } list)
            {
                fix = QuotingFix.For(snapshot, list, analysis.Words, i);
            }

            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} contains -{word.Name}, which no go command of Go {snapshot.VersionText} defines: every go command fails with \"go: parsing $GOFLAGS: unknown flag -{word.Name}\".", fix);
            yield break;
        }
    }
}
