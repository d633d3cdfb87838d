using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GoModDirectiveUnsupportedRule : Rule
{
    public override string Id => "GOENV0102";

    public override string Title => "go.mod uses syntax this Go version cannot read";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Go 1.21 changed go.mod: the `go` line may carry a patch release (`go 1.21.0`) and a `toolchain` line may follow. Go 1.19 and 1.20 cannot parse either and every module command fails: `go.mod:3: invalid go version '1.21.0': must match format 1.23` or `go.mod:4: unknown directive: toolchain`.";

    public override string Fix => "Use Go 1.21 or newer for this module (the go line asks for it anyway).";

    public override string Versions => "Go 1.19 and 1.20";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Version is null || snapshot.GoAtLeast(1, 21) || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        foreach (var file in new[] { snapshot.GoMod, snapshot.GoWork })
        {
            if (file is null)
            {
                continue;
            }

            var name = Path.GetFileName(file.Path);
            if (file.Go is { } go && go.Value.Count(c => c == '.') > 1)
            {
                yield return ReportAt(snapshot, file.Path, go.Line, $"{name} line {go.Line} says go {go.Value}: Go {snapshot.VersionText} fails with \"{name}:{go.Line}: invalid go version '{go.Value}': must match format 1.23\".");
            }

            if (file.Toolchain is { } toolchain)
            {
                yield return ReportAt(snapshot, file.Path, toolchain.Line, $"{name} line {toolchain.Line} has a toolchain directive: Go {snapshot.VersionText} fails with \"{name}:{toolchain.Line}: unknown directive: toolchain\".");
            }
        }
    }
}
