using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GoVersionTooNewRule : Rule
{
    public override string Id => "GOENV0101";

    public override string Title => "go.mod/go.work needs a newer Go than the toolchain that runs";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoToolchain;

    public override string Description => "The `go` line of go.mod (or go.work) is newer than the toolchain that runs the commands: the installed go when GOTOOLCHAIN=local (or empty), or the toolchain GOTOOLCHAIN=goX names without +auto. From Go 1.21 every command fails: `go: go.mod requires go >= 1.25.0 (running go 1.24.4; GOTOOLCHAIN=local)`. (With auto or +auto, Go switches to a newer toolchain instead: GOENV0103.) Go 1.19/1.20 build anyway and may fail on newer language features.";

    public override string Fix => "Install the Go version go.mod asks for and put it first on PATH (`goenv-action pin --go-version-file go.mod` picks an installed one), or lower the go line if the module really works with the older Go.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var local = snapshot.Version;
        var file = snapshot.GoWork ?? snapshot.GoMod;
        if (local is null || file?.Go is not { } goLine || snapshot.Value(GoVariableNames.Go111Module) == "off" || file.GoLineVersion is not { } wanted)
        {
            yield break;
        }

        var name = GoStrings.ShortPath(file.Path, snapshot.Host.WorkingDirectory);
        if (!local.AtLeast(1, 21))
        {
            // A go line this release cannot even parse ("1.21.0" before 1.21) is GOENV0102's error: nothing builds.
            if (wanted > local && ModFileGrammar.Errors(file, local).Count == 0)
            {
                yield return ReportAt(snapshot, file.Path, goLine.Line, $"{name} says go {goLine.Value}, newer than the installed {snapshot.VersionText}. Go {snapshot.VersionText} builds anyway (it predates toolchain selection) but fails on language features or standard-library APIs of go {goLine.Value}.", severity: Severity.Warning);
            }

            yield break;
        }

        // The toolchain that runs (after any switch) must be at least the go line; GOENV0103 covers a switch Go cannot make.
        // Before 1.24 a go.mod that the release cannot parse fails with its parse errors first (GOENV0102 says so).
        if (snapshot.RunningVersion is not { } running || wanted <= running
            || (!running.AtLeast(1, 24) && !file.IsWorkspace && ModFileGrammar.Errors(file, running).Count > 0))
        {
            yield break;
        }

        var gotoolchain = snapshot.Value(GoVariableNames.GoToolchain);
        var explain = TooNewExplanation(snapshot);
        var runs = snapshot.Toolchain.Switches ? $"the toolchain GOTOOLCHAIN={gotoolchain} selects is {snapshot.Toolchain.Toolchain}" : $"the toolchain is the installed {snapshot.VersionText} and GOTOOLCHAIN={(gotoolchain.Length == 0 ? "(empty, acts as local)" : gotoolchain)} forbids switching";
        yield return ReportAt(snapshot, file.Path, goLine.Line, $"{name} requires go >= {goLine.Value}, but {runs}: every go command fails with \"go: {name} requires go >= {goLine.Value} (running go {running.Text}{explain})\".");
    }
}
