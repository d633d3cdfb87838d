namespace GoEnv.Core.Modules;

/// <summary>cmd/go's -mod setting for the build (cfg.BuildMod).</summary>
public enum BuildMode
{
    /// <summary>Go may not change go.mod or go.sum: missing requirements and checksums are errors.</summary>
    Readonly,

    /// <summary>Go updates go.mod and go.sum as needed (and asks the checksum database for missing checksums).</summary>
    Mod,

    /// <summary>Packages come from vendor/ only; nothing is downloaded or looked up.</summary>
    Vendor,
}
