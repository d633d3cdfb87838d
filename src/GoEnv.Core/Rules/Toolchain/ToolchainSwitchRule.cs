using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class ToolchainSwitchRule : Rule
{
    public override string Id => "GOENV0103";

    public override string Title => "Go switches to another toolchain";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoToolchain;

    public override string Description => "With GOTOOLCHAIN=auto (the default from $GOROOT/go.env), path, goX+auto or goX+path, Go runs a newer toolchain when go.work or go.mod asks for one (`toolchain` line, then `go` line); GOTOOLCHAIN=goX always runs goX. It looks for an executable named goX.Y.Z on PATH first (+path stops there: `go: cannot find \"go1.25.0\" in PATH`), then takes golang.org/toolchain from the module cache or through GOPROXY, verified against the checksum database unless GOPROXY is a single file:// entry. Error when Go cannot get it (GOPROXY=off or file:// entries without it: `go: download go1.25.0 for linux/amd64: toolchain not available`; GOSUMDB=off: `verifying module: checksum database disabled by GOSUMDB=off`); warning when every job downloads it (about 70 MB) or needs the checksum database; notice when it is already here (PATH, module cache, a file:// mirror).";

    public override string Fix => "Install the toolchain the module asks for on the runner and pin it (`goenv-action pin --go-version-file go.mod`, which sets GOTOOLCHAIN=local), or keep the module cache between jobs.";

    public override string Versions => "1.21+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var resolution = snapshot.Toolchain;
        if (!resolution.Switches)
        {
            yield break;
        }

        var gotoolchain = snapshot.Value(GoVariableNames.GoToolchain);
        var why = resolution.Directive is { } directive && resolution.File is { } file
            ? $"{Path.GetFileName(file.Path)} line {directive.Line} asks for {(directive.Value == resolution.Toolchain ? "toolchain " : "go ")}{directive.Value} and {Origin(snapshot, GoVariableNames.GoToolchain)} is {Quote(gotoolchain)}, so Go runs {resolution.Toolchain} instead of the installed {snapshot.VersionText}"
            : $"{Origin(snapshot, GoVariableNames.GoToolchain)} is {Quote(gotoolchain)}, so Go runs {resolution.Toolchain} instead of the installed {snapshot.VersionText}";
        var cache = snapshot.Value(GoVariableNames.GoModCache);
        var finding = resolution.Source switch
        {
            ToolchainSource.Unavailable => Locate(snapshot, resolution, $"{why}, and it cannot get it: every go command fails with \"{resolution.Failure}\".", Severity.Error,
                resolution.Failure?.Contains("GOSUMDB=off", StringComparison.Ordinal) == true
                    ? $"Install {resolution.Toolchain} (first on PATH, GOTOOLCHAIN=local), or leave GOSUMDB on: Go verifies every toolchain it downloads against the checksum database (GONOSUMDB does not apply), unless GOPROXY is a single file:// mirror."
                    : $"Install {resolution.Toolchain} (put it first on PATH and set GOTOOLCHAIN=local), or let Go download it: a GOPROXY that serves golang.org/toolchain and GOSUMDB on."),
            ToolchainSource.Download => Locate(snapshot, resolution, $"{why}: the first go command of every job downloads it ({ToolchainResolver.DownloadSize}) from {resolution.Location}, unless the module cache ({cache}) is kept between jobs; it fails offline, and the build does not use the Go you installed.", Severity.Warning,
                $"Install {resolution.Toolchain} on the runner and pin it (GOTOOLCHAIN=local), or cache GOMODCACHE ({cache}) between jobs."),
            _ when resolution.NetworkNeed is { } need => Locate(snapshot, resolution, $"{why}, from {Where(resolution)}; {need}: it fails offline.", Severity.Warning,
                $"Install {resolution.Toolchain} on the runner and set GOTOOLCHAIN=local."),
            _ => Locate(snapshot, resolution, $"{why}, from {Where(resolution)}.", Severity.Notice, "Nothing to do, unless the build should use the installed Go: then set GOTOOLCHAIN=local and install the Go the module asks for."),
        };
        yield return finding;
    }

    private static string Where(ToolchainResolution resolution) => resolution.Source switch
    {
        ToolchainSource.Path => $"{resolution.Location} on PATH",
        ToolchainSource.ModuleCache => $"the module cache ({resolution.Location}), where Go downloaded it earlier",
        _ => $"the GOPROXY mirror {resolution.Location}",
    };

    private Finding Locate(GoSnapshot snapshot, ToolchainResolution resolution, string message, Severity severity, string fix) =>
        resolution.Directive is { } directive && resolution.File is { } file
            ? ReportAt(snapshot, file.Path, directive.Line, message, fix, severity)
            : Report(snapshot, message, fix, severity);
}
