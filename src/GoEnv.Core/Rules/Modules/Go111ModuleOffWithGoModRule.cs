using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Modules;

internal sealed class Go111ModuleOffWithGoModRule : Rule
{
    public override string Id => "GOENV0061";

    public override string Title => "GO111MODULE=off in a module";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.Go111Module;

    public override string Description => "With GO111MODULE=off, Go ignores go.mod and works in GOPATH mode: the module's imports are looked up in GOROOT and GOPATH/src, so builds of a module with dependencies fail (`cannot find package … in any of …`), `go mod` commands fail (`go: modules disabled by GO111MODULE=off`), and GOTOOLCHAIN is ignored.";

    public override string Fix => "Unset GO111MODULE (or set it to on) when building a module.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Value(GoVariableNames.Go111Module) == "off" && snapshot.GoMod is { } mod)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.Go111Module)} is off, but the working directory is in the module {mod.Module?.Value ?? "?"} ({mod.Path}): Go ignores go.mod, and the module's imports are not found.", $"Unset GO111MODULE; {WhereToChange(snapshot, GoVariableNames.Go111Module)}.");
        }
    }
}
