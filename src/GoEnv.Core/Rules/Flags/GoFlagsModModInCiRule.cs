using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsModModInCiRule : Rule
{
    public override string Id => "GOENV0055";

    public override string Title => "-mod=mod in CI";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "With -mod=mod, go build and go test update go.mod and go.sum on the fly, resolving missing requirements to whatever version is newest at that moment. In CI that means a build of the same commit can use different dependencies on different days, and a missing go.sum line is fixed silently instead of failing the build.";

    public override string Fix => "Use -mod=readonly in CI (the default since Go 1.16) and run `go mod tidy` locally.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (!snapshot.Host.IsCi)
        {
            yield break;
        }

        var analysis = GoFlagsAnalysis.Of(snapshot);
        if (analysis.Flags().LastOrDefault(f => f.Word.Name == "mod").Word is { Value: "mod" })
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} has -mod=mod in a CI run: builds may rewrite go.mod/go.sum and pick up new dependency versions instead of failing.");
        }
    }
}
