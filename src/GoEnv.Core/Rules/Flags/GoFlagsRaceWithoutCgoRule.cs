using GoEnv.Core.Go;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsRaceWithoutCgoRule : Rule
{
    public override string Id => "GOENV0054";

    public override string Title => "-race, -msan or -asan without cgo";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "The race detector and the memory/address sanitizers need cgo. With CGO_ENABLED=0 — set explicitly, implied by a cross-compile, or (Go 1.20+) because no C compiler is on PATH — every build fails: `go: -race requires cgo; enable cgo by setting CGO_ENABLED=1`.";

    public override string Fix => "Set CGO_ENABLED=1 and install a C compiler (gcc), or drop -race from GOFLAGS for this job.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var analysis = GoFlagsAnalysis.Of(snapshot);
        if (snapshot.Value(GoVariableNames.CgoEnabled) != "0")
        {
            yield break;
        }

        foreach (var (_, word) in analysis.Flags())
        {
            if (word.Name is "race" or "msan" or "asan" && GoStrings.IsOn(word.Value))
            {
                var cgo = snapshot.Variable(GoVariableNames.CgoEnabled);
                var why = cgo.IsExplicit ? Origin(snapshot, GoVariableNames.CgoEnabled) + " is 0" : "CGO_ENABLED is 0 (Go's default here: a cross-compile, or no C compiler on PATH)";
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} has -{word.Name}, but {why}: every build fails with \"go: -{word.Name} requires cgo; enable cgo by setting CGO_ENABLED=1\".");
                yield break;
            }
        }
    }
}
