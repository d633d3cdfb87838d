using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsDroppedFlagRule : Rule
{
    public override string Id => "GOENV0052";

    public override string Title => "GOFLAGS has a flag that go build silently drops";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "A GOFLAGS flag only has to exist on *some* go command; commands that do not define it skip it silently. So `GOFLAGS=\"-ldflags=-s -w\"` passes validation (-w is `go env -w`) and `go build` links with -s only: the -w the user wanted is lost without a word. The same happens to any flag that only `go env`, `go get`, `go mod …` or `go work …` define.";

    public override string Fix => "Quote a multi-word value (Go 1.21+: GOFLAGS=\"'-ldflags=-s -w'\"), or move the flag to the command that uses it.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var analysis = GoFlagsAnalysis.Of(snapshot);
        foreach (var (i, word) in analysis.Flags())
        {
            if (analysis.Table.Get(word.Name) is not { } info || GoFlagsAnalysis.UsedByBuildCommands(info))
            {
                continue;
            }

            var commands = string.Join(", ", info.Commands.Select(c => "go " + c));
            if (analysis.ListFlagBefore(i) is { } list)
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} is split into {string.Join(" ", analysis.Words.Select(w => Quote(w.Text)))}: -{word.Name} becomes a flag of its own (defined only by {commands}), so `go build` silently drops it and {list.Text.Split('=')[0]} gets only \"{list.Value}\".", QuotingFix.For(snapshot, list, analysis.Words, i));
            }
            else
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} contains {word.Text}, which is defined only by {commands}: go build, test, run, install, vet and list silently ignore it.", "Remove it from GOFLAGS and pass it to the command that uses it.");
            }
        }
    }
}
