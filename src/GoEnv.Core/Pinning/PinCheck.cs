using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Pinning;

/// <summary>The check a pin rests on, and the note on the toolchain it chose (null when it kept the examined go).</summary>
public sealed record PinCheckResult(CheckResult Result, string? Note, string? Refusal);

/// <summary>
/// The check for `pin`: a pinned GOTOOLCHAIN that never switches (local, the default) must come with a GOROOT that
/// satisfies the module, or every later go command fails. When the check saw Go switch to another toolchain (the
/// go.mod asks for a newer Go and GOTOOLCHAIN=auto), the installed toolchain that satisfies go.mod is checked and
/// pinned instead: the one Go would switch to when it is on this machine, else the newest installed one that
/// qualifies (and fits the policy's range); with none, the pin is refused, naming what is installed and what is needed.
/// </summary>
public static class PinCheck
{
    public static PinCheckResult Run(HostEnvironment host, CheckOptions options, string? toolchain) =>
        For(GoEnvChecker.Check(host, options), host, options, toolchain);

    /// <summary>As <see cref="Run"/>, for a check the caller already ran with these options.</summary>
    public static PinCheckResult For(CheckResult result, HostEnvironment host, CheckOptions options, string? toolchain)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(options);
        var snapshot = result.Snapshot;
        var pinned = toolchain ?? result.Policy?.Toolchain ?? "local";
        var resolution = snapshot.Toolchain;
        if (result.HasErrors || !resolution.Switches || resolution.Version is not { } needed || GoToolchainSetting.Parse(pinned, out _) is not { MaySwitch: false, MinimumIsLocal: true })
        {
            return new PinCheckResult(result, null, null);
        }

        var asked = resolution.File is { } file && resolution.Directive is { } line
            ? $"{file.Path}:{line.Line} asks for {(line.Value == resolution.Toolchain ? "toolchain " : "go ")}{line.Value}"
            : $"GOTOOLCHAIN={snapshot.Value(GoVariableNames.GoToolchain)} asks for {resolution.Toolchain}";
        var goLine = (snapshot.GoWork ?? snapshot.GoMod)?.GoLineVersion;
        var range = result.Policy?.GoVersion;
        var installed = ToolchainFinder.Find(host, snapshot.Value(GoVariableNames.GoModCache) is { Length: > 0 } cache ? cache : null);
        if (resolution.GoRoot is { } present && GoVersion.Parse(SnapshotBuilder.ReadVersionFile(present)) is { } presentVersion)
        {
            // The toolchain Go itself would run (on PATH or downloaded earlier) comes first.
            installed = [new InstalledToolchain(GoLocator.RealDirectory(present), presentVersion, resolution.Source == ToolchainSource.Path ? "PATH" : "GOMODCACHE"), .. installed];
        }

        var selection = ToolchainSelector.Select(installed, goLine ?? needed, needed, range is null ? null : range.Contains, $"go >= {(goLine ?? needed).Text}" + (range is null ? "" : $" within {range.Text}"));
        if (selection.Chosen is not { } chosen)
        {
            return new PinCheckResult(result, null, snapshot.Redactor.Redact($"{asked}, and GOTOOLCHAIN={pinned} would be pinned, but no installed Go satisfies {selection.Requirement}. Installed: {selection.Installed} (GoEnv looked at {ToolchainFinder.Places(snapshot.Host.Os)}). Nothing was pinned (GoEnv never downloads a toolchain; install go{needed.Text} or pin with --toolchain auto)."));
        }

        var again = GoEnvChecker.Check(host, options with { GoExecutable = chosen.GoExecutable(host.Os) });
        return new PinCheckResult(again, snapshot.Redactor.Redact($"{asked}, newer than the installed {snapshot.VersionText} at {snapshot.Go?.Path}: pinned go{chosen.Version.Text} from {chosen.GoRoot} (found via {chosen.FoundVia}) with GOTOOLCHAIN={pinned}, instead of letting every later go command switch to {resolution.Toolchain}."), null);
    }
}
