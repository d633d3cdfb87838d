using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class ToolchainLineDroppedRule : Rule
{
    public override string Id => "GOENV0105";

    public override string Title => "go.mod has a toolchain line Go would remove";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "From Go 1.21 every command that loads the module rewrites go.mod's requirements in memory, and drops a `toolchain` line that says nothing: one equal to the go line (`go 1.21.0` with `toolchain go1.21.0`), `toolchain default`, or one below go1.21. go.mod then differs from what Go would write, and unless -mod=mod (which rewrites go.mod) every build fails: `go: updates to go.mod needed; to update it: go mod tidy` (modload's UpdateGoModFromReqs). A toolchain line that differs from the go line (`go 1.21` with `toolchain go1.21.0`, or a newer release) is kept.";

    public override string Fix => "Remove the toolchain line (or run `go mod tidy`) and commit go.mod.";

    public override string Versions => "Go 1.21+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.RunningVersion is not { } running || !running.AtLeast(1, 21) || snapshot.GoWork is not null
            || snapshot.GoMod is not { Toolchain: { } toolchain, Go: { } go } mod || snapshot.Value(GoVariableNames.Go111Module) == "off"
            || snapshot.Graph.Mode == BuildMode.Mod)
        {
            yield break;
        }

        var version = GoToolchainSetting.FromToolchain(toolchain.Value);
        var why = toolchain.Value == "go" + go.Value ? $"it names the go line's own release (go {go.Value})"
            : version is null || GoVersion.Parse("go" + version) is not { } v || !v.AtLeast(1, 21) ? "it names no release from go1.21 on"
            : null;
        if (why is not null)
        {
            yield return ReportAt(snapshot, mod.Path, toolchain.Line, $"go.mod's `toolchain {toolchain.Value}` says nothing Go keeps ({why}): Go drops it when it loads the module, so go.mod is out of date and every build fails with \"go: updates to go.mod needed; to update it:\".");
        }
    }
}
