using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GoVersionTooNewRule : Rule
{
    public override string Id => "GOENV0101";

    public override string Title => "go.mod/go.work needs a newer Go than the one installed";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoToolchain;

    public override string Description => "The `go` line of go.mod (or go.work) is newer than the running Go. From Go 1.21, with GOTOOLCHAIN=local every command fails: `go: go.mod requires go >= 1.23 (running go 1.21.13; GOTOOLCHAIN=local)`; with auto Go downloads that toolchain at the first command (a network fetch of an unpinned toolchain, failing offline); with path it must find go1.N.P on PATH. Go 1.19/1.20 build anyway and may fail on newer language features.";

    public override string Fix => "Install the Go version go.mod asks for (pin it with goenv-action), or lower the go line if the module really works with the older Go.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var local = snapshot.Version;
        var file = snapshot.GoWork ?? snapshot.GoMod;
        if (local is null || file?.Go is not { } goLine || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        var wanted = GoVersion.ParseStrict(goLine.Value);
        if (!local.AtLeast(1, 21))
        {
            if (wanted is not null && wanted > local)
            {
                yield return ReportAt(snapshot, file.Path, goLine.Line, $"{Path.GetFileName(file.Path)} says go {goLine.Value}, newer than the installed {snapshot.VersionText}. Go {snapshot.VersionText} builds anyway (it predates toolchain selection) but fails on language features or standard-library APIs of go {goLine.Value}.", severity: Severity.Warning);
            }

            yield break;
        }

        var setting = GoToolchainSetting.Parse(snapshot.Value(GoVariableNames.GoToolchain), out _);
        if (setting is null)
        {
            yield break;
        }

        var minimum = setting.MinimumIsLocal ? local : GoVersion.Parse(setting.Minimum) ?? local;
        if (wanted is null || wanted <= minimum)
        {
            // The toolchain line only matters when Go may switch (auto/path): a newer one is then downloaded.
            if (setting.MaySwitch && file.Toolchain is { } toolchainLine && GoVersion.Parse(toolchainLine.Value) is { } suggested && suggested > minimum)
            {
                yield return ReportAt(snapshot, file.Path, toolchainLine.Line, $"{Path.GetFileName(file.Path)} asks for toolchain {toolchainLine.Value}, newer than the installed {snapshot.VersionText}; with GOTOOLCHAIN={snapshot.Value(GoVariableNames.GoToolchain)} the first go command downloads it from GOPROXY (it fails offline, and the build no longer uses the Go you installed).", "Install that Go version and set GOTOOLCHAIN=local, or drop the toolchain line.", Severity.Warning);
            }

            yield break;
        }

        var name = Path.GetFileName(file.Path);
        var gotoolchain = snapshot.Value(GoVariableNames.GoToolchain);
        if (!setting.MaySwitch)
        {
            yield return ReportAt(snapshot, file.Path, goLine.Line, $"{name} requires go >= {goLine.Value}, but the toolchain is {minimum} and GOTOOLCHAIN={(gotoolchain.Length == 0 ? "local (empty)" : gotoolchain)} forbids switching: every go command fails with \"go: {name} requires go >= {goLine.Value} (running go {local.Text}; GOTOOLCHAIN={(gotoolchain.Length == 0 ? "local" : gotoolchain)})\".");
        }
        else if (setting.Mode == "path")
        {
            var exe = "go" + (wanted.IsLanguageVersion ? wanted.Text + ".0" : wanted.Text);
            var onPath = (snapshot.Host.Get("PATH") ?? "").Split(snapshot.Host.PathListSeparator).Any(d => d.Length > 0 && File.Exists(Path.Combine(d, exe)));
            if (!onPath)
            {
                yield return ReportAt(snapshot, file.Path, goLine.Line, $"{name} requires go >= {goLine.Value} and GOTOOLCHAIN={gotoolchain} only looks on PATH, where there is no {exe}: every go command fails with \"go: cannot find \\\"{exe}\\\" in PATH\".");
            }
        }
        else
        {
            yield return ReportAt(snapshot, file.Path, goLine.Line, $"{name} requires go >= {goLine.Value}, newer than the installed {snapshot.VersionText}; with GOTOOLCHAIN={gotoolchain} the first go command downloads that toolchain from GOPROXY (it fails offline, and the build no longer uses the Go you installed).", "Install that Go version and set GOTOOLCHAIN=local, so every run builds with the same, known toolchain.", Severity.Warning);
        }
    }
}
