namespace GoEnv.Core.Modules;

/// <summary>One module of vendor/modules.txt: its `# path version` line and what follows it.</summary>
public sealed class VendoredModule
{
    public VendoredModule(string path, string version, int line)
    {
        Path = path;
        Version = version;
        Line = line;
    }

    public string Path { get; }

    /// <summary>The version; empty for a wildcard replacement line (`# path => new`).</summary>
    public string Version { get; }

    /// <summary>1-based line of the `# ` line.</summary>
    public int Line { get; }

    /// <summary>`## explicit`: go.mod requires it directly.</summary>
    public bool Explicit { get; set; }

    /// <summary>`## …; go 1.N`: the module's go line; empty when not recorded.</summary>
    public string GoVersion { get; set; } = "";

    /// <summary>The replacement recorded on the `# ` line ("=> new [version]"); null when none.</summary>
    public (string Path, string Version)? Replacement { get; set; }

    /// <summary>The packages vendored from it (the lines after it), with their lines.</summary>
    public List<(string ImportPath, int Line)> Packages { get; } = [];

    public string Describe() => Version.Length == 0 ? Path : Path + "@" + Version;
}
