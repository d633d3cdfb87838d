namespace GoEnv.Core.Modules;

/// <summary>Where Go takes a module's files from for this build.</summary>
public enum ModuleOrigin
{
    /// <summary>vendor/ (vendor mode).</summary>
    Vendor,

    /// <summary>A local directory named by a `replace`.</summary>
    Directory,

    /// <summary>The module cache already holds it (extracted, or its zip).</summary>
    ModuleCache,

    /// <summary>A file:// mirror in the GOPROXY list has it: copied without network.</summary>
    Mirror,

    /// <summary>Downloaded from a proxy or the origin.</summary>
    Download,

    /// <summary>No source Go may use has it (GOPROXY=off, file:// mirrors that lack it with nothing after them).</summary>
    Unavailable,
}
