namespace GoEnv.Core.Toolchains;

/// <summary>Where the toolchain that runs go commands comes from, as cmd/go's toolchain.Select and Exec find it.</summary>
public enum ToolchainSource
{
    /// <summary>The installed go itself runs (GOTOOLCHAIN=local, nothing newer asked for, Go before 1.21, modules off).</summary>
    Local,

    /// <summary>An executable named after the toolchain (go1.25.0) on PATH.</summary>
    Path,

    /// <summary>A toolchain Go downloaded earlier into the module cache.</summary>
    ModuleCache,

    /// <summary>A file:// GOPROXY entry that holds the golang.org/toolchain zip: copied from this machine.</summary>
    Mirror,

    /// <summary>Downloaded over the network (an http(s) GOPROXY entry or direct) by the first go command.</summary>
    Download,

    /// <summary>Go cannot get it: every go command fails (<see cref="ToolchainResolution.Failure"/> says how).</summary>
    Unavailable,
}
