using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsModInWorkspaceRule : Rule
{
    public override string Id => "GOENV0056";

    public override string Title => "-mod in GOFLAGS that workspace mode refuses";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "With a go.work in use, -mod may only be readonly (Go 1.19–1.21) or readonly/vendor (Go 1.22+); -mod=mod in GOFLAGS (common in CI templates) fails every module command: `go: -mod may only be set to readonly or vendor when in workspace mode, but it is set to \"mod\"`.";

    public override string Fix => "Remove -mod from GOFLAGS (readonly is the default), or set GOWORK=off to build one module alone.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.GoWork is null || snapshot.RunningVersion is not { } release || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        var vendorAllowed = release.AtLeast(1, 22);
        if (GoFlagsAnalysis.Of(snapshot).Flags().LastOrDefault(f => f.Word.Name == "mod").Word is { Value: { } value } && value != "readonly" && !(vendorAllowed && value == "vendor"))
        {
            var allowed = vendorAllowed ? "readonly or vendor" : "readonly";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} has -mod={value}, and {snapshot.GoWork.Path} puts Go in workspace mode: every module command fails with \"go: -mod may only be set to {allowed} when in workspace mode, but it is set to \"{value}\"\".", $"Remove -mod={value} from GOFLAGS ({WhereToChange(snapshot, GoVariableNames.GoFlags)}), or set GOWORK=off to build one module alone.");
        }
    }
}
