using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsSyntaxRule : Rule
{
    public override string Id => "GOENV0050";

    public override string Title => "GOFLAGS has a word that is not a flag";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "GOFLAGS is split at white space (from Go 1.21 a word may be quoted with ' or \"); every word must be a flag: `-name` or `-name=value`. Values must be joined with `=`. Otherwise every go command except `go env`/`go help` fails, even `go version`: `go: parsing $GOFLAGS: non-flag \"mod\"` or `go: parsing $GOFLAGS: unterminated ' string`.";

    public override string Fix => "Write each flag as -name=value, with no space before the value (GOFLAGS=-mod=readonly, not GOFLAGS=\"-mod readonly\").";

    public override string Versions => "1.19+; quoting is understood from Go 1.21";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var analysis = GoFlagsAnalysis.Of(snapshot);
        if (analysis.SplitError is { } error)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} cannot be split into words: every go command fails with \"go: parsing $GOFLAGS: {error}\".", $"Close the quote; {WhereToChange(snapshot, GoVariableNames.GoFlags)}.");
            yield break;
        }

        for (var i = 0; i < analysis.Words.Count; i++)
        {
            var word = analysis.Words[i];
            if (word.IsFlag)
            {
                continue;
            }

            string fix;
            if (!GoFlagsTokenizer.SupportsQuoting(snapshot.Version) && word.Text.Length > 0 && word.Text[0] is '\'' or '"')
            {
                fix = $"Go {snapshot.VersionText} does not understand quotes in GOFLAGS (that came in Go 1.21); pass flags whose values contain spaces on the command line instead.";
            }
            else if (i > 0 && analysis.Words[i - 1].IsFlag && analysis.Words[i - 1].Value is null)
            {
                fix = $"Join the value with '=': {analysis.Words[i - 1].Text}={word.Text}.";
            }
            else
            {
                fix = Fix;
            }

            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} contains {Quote(word.Text)}, which is not a flag: every go command fails with \"go: parsing $GOFLAGS: non-flag {Quote(word.Text)}\".", fix);
            yield break;
        }
    }
}
