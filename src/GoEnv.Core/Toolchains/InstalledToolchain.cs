using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <param name="GoRoot">The installation's root (real path).</param>
/// <param name="Version">Its release, from $GOROOT/VERSION.</param>
/// <param name="FoundVia">Where it was found, in words: "PATH", "GOROOT", "/usr/lib/go-*", "RUNNER_TOOL_CACHE", …</param>
public sealed record InstalledToolchain(string GoRoot, GoVersion Version, string FoundVia)
{
    public string GoExecutable(HostOs os) => Path.Combine(GoRoot, "bin", os == HostOs.Windows ? "go.exe" : "go");
}
