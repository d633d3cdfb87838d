using GoEnv.Core.Discovery;
using GoEnv.Core.Git;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;
using GoEnv.Core.Security;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core;

/// <summary>
/// Everything GoEnv learned about the Go environment, gathered once: which `go`, its version, every variable's
/// effective value and where it came from, the go/env files, go.mod/go.work, the repository. Rules are pure
/// functions of a snapshot.
/// </summary>
public sealed class GoSnapshot
{
    public required HostEnvironment Host { get; init; }

    /// <summary>The `go` that was examined; null when none was found.</summary>
    public GoExecutable? Go { get; init; }

    /// <summary>Why no usable `go` was found (only when Go is null or could not be resolved).</summary>
    public string? GoProblem { get; init; }

    /// <summary>When no usable `go` was found: the Go installations elsewhere on the machine (not on PATH), newest first.</summary>
    public IReadOnlyList<InstalledToolchain> InstalledElsewhere { get; init; } = [];

    /// <summary>Every `go` on PATH, in PATH order, as real paths (duplicates by real path removed).</summary>
    public IReadOnlyList<GoExecutable> GoOnPath { get; init; } = [];

    /// <summary>
    /// When the examined go is the first on PATH and fails on its own (it crashes, hangs, or errs without naming a
    /// variable): the next go on PATH that answers the same probe; null otherwise.
    /// </summary>
    public GoExecutable? WorkingGoBehind { get; init; }

    /// <summary>The running Go's version (GOVERSION), or what the install's VERSION file says when `go env` failed.</summary>
    public GoVersion? Version { get; init; }

    /// <summary>The raw GOVERSION text, e.g. "go1.22.12" or "devel go1.27-abc".</summary>
    public string VersionText { get; init; } = "";

    public GoEnvProbeResult Probe { get; init; } = GoEnvProbeResult.NotRun;

    /// <summary>The user's go/env file; null when GOENV=off or no location could be derived.</summary>
    public GoEnvFile? UserEnvFile { get; init; }

    /// <summary>Why the user go/env file location is unknown (e.g. no HOME), when it is.</summary>
    public string? UserEnvFileProblem { get; init; }

    /// <summary>$GOROOT/go.env (Go 1.21+); null before 1.21 or when GOROOT is unknown.</summary>
    public GoEnvFile? GoRootEnvFile { get; init; }

    public required IReadOnlyDictionary<string, GoVariable> Variables { get; init; }

    /// <summary>The go.mod of the main module, found from the working directory up.</summary>
    public ModuleFile? GoMod { get; init; }

    /// <summary>The go.work in use (GOWORK or found from the working directory up), unless GOWORK=off.</summary>
    public ModuleFile? GoWork { get; init; }

    /// <summary>The modules the go.work in use lists (`use` lines), with their go.mod when there is one.</summary>
    public IReadOnlyList<WorkspaceModule> WorkspaceModules { get; init; } = [];

    /// <summary>The toolchain Go will run here: GOTOOLCHAIN × go.work/go.mod × PATH × module cache × GOPROXY.</summary>
    public ToolchainResolution Toolchain { get; init; } = ToolchainResolution.Unknown;

    /// <summary>
    /// The release that reads go.mod/go.work and runs the commands: the installed go, or the toolchain it switches to
    /// (null when unknown, or when Go cannot get that toolchain).
    /// </summary>
    public GoVersion? RunningVersion => Toolchain.Switches ? Toolchain.Version : Version;

    /// <summary>
    /// The GODEBUG table of the running release, read only when go.mod or go.work has `godebug` lines or GODEBUG is
    /// set (null otherwise, or when that release's table cannot be read).
    /// </summary>
    public GodebugSettings? Godebugs { get; init; }

    /// <summary>GOCACHEPROG's program, started as Go starts it (null when GOCACHEPROG is empty or this Go ignores it).</summary>
    public CacheProgHandshake? CacheProg { get; init; }

    /// <summary>The module graph `go build ./...` loads, resolved from files before anything is downloaded (<see cref="ModuleGraph.None"/> outside module mode).</summary>
    public ModuleGraph Graph { get; init; } = ModuleGraph.None;

    public required IGitFacts Git { get; init; }

    public required SecretRedactor Redactor { get; init; }

    /// <summary>True when the go/env probe ran and Go accepted the environment.</summary>
    public bool GoEnvSucceeded => Probe.Succeeded;

    public GoVariable Variable(string name) =>
        Variables.TryGetValue(name, out var v) ? v : new GoVariable(name, "", ValueSource.Default, null);

    public string Value(string name) => Variables.TryGetValue(name, out var v) ? v.Value : "";

    public bool IsWindows => Host.Os == HostOs.Windows;

    /// <summary>True when the running Go's version is known and at least 1.major.minor.</summary>
    public bool GoAtLeast(int major, int minor) => Version is not null && Version.AtLeast(major, minor);
}
