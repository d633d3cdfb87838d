using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <summary>
/// The toolchain Go will run for a command in the working directory, resolved once from GOTOOLCHAIN, the go.work or
/// go.mod `go` and `toolchain` lines, the running release, PATH, the module cache, GOPROXY and GOSUMDB.
/// </summary>
public sealed record ToolchainResolution
{
    /// <summary>Nothing to resolve (no Go, or GOTOOLCHAIN invalid): rules that need a resolution say nothing.</summary>
    public static readonly ToolchainResolution Unknown = new() { Toolchain = "local", Source = ToolchainSource.Local };

    /// <summary>"local" or the toolchain name Go selects ("go1.25.0").</summary>
    public required string Toolchain { get; init; }

    public required ToolchainSource Source { get; init; }

    /// <summary>The release that runs the command (null when unknown or when Go cannot get it).</summary>
    public GoVersion? Version { get; init; }

    /// <summary>The file whose line asked for the toolchain (null when GOTOOLCHAIN itself names it).</summary>
    public ModuleFile? File { get; init; }

    /// <summary>The `go` or `toolchain` line that asked for it.</summary>
    public ModuleDirective? Directive { get; init; }

    /// <summary>Where it is found: the executable on PATH, the module cache directory, or the GOPROXY entry.</summary>
    public string? Location { get; init; }

    /// <summary>The switched-to toolchain's GOROOT when it is on this machine (PATH or module cache), else null.</summary>
    public string? GoRoot { get; init; }

    /// <summary>Go's error, as it prints it, when it cannot get the toolchain (Source is Unavailable).</summary>
    public string? Failure { get; init; }

    /// <summary>A need Go has to reach the network even though the toolchain is here (a checksum database lookup).</summary>
    public string? NetworkNeed { get; init; }

    /// <summary>True when a toolchain other than the installed go runs the commands.</summary>
    public bool Switches => Source != ToolchainSource.Local;
}
