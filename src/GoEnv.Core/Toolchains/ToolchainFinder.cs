using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <summary>
/// Finds the Go installations on this machine, without downloading anything: the `go` executables on PATH, GOROOT,
/// /usr/local/go, Debian's /usr/lib/go-*, the runner tool cache ($RUNNER_TOOL_CACHE/go/*/*), `golang.org/dl`'s
/// ~/sdk/go*, and toolchains Go itself downloaded into the module cache (golang.org/toolchain@*).
/// </summary>
public static class ToolchainFinder
{
    /// <summary>Where <see cref="Find"/> looks, in words (said whenever GoEnv found no Go that fits).</summary>
    public static string Places(HostOs os) => os == HostOs.Windows
        ? "the go on PATH, GOROOT, $RUNNER_TOOL_CACHE/go/*/*, %USERPROFILE%\\sdk\\go* and the module cache's golang.org/toolchain@*"
        : "the go on PATH, GOROOT, /usr/local/go, /usr/lib/go-*, $RUNNER_TOOL_CACHE/go/*/*, ~/sdk/go* and the module cache's golang.org/toolchain@*";

    public static IReadOnlyList<InstalledToolchain> Find(HostEnvironment host, string? goModCache = null)
    {
        var found = new List<InstalledToolchain>();
        var seen = new HashSet<string>(host.Os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

        void Consider(string? root, string via)
        {
            if (string.IsNullOrEmpty(root) || !Directory.Exists(root))
            {
                return;
            }

            var real = GoLocator.RealDirectory(root);
            if (!seen.Add(real) || !File.Exists(Path.Combine(real, "bin", GoLocator.ExecutableName(host.Os))))
            {
                return;
            }

            if (GoVersion.Parse(SnapshotBuilder.ReadVersionFile(real)) is { } version)
            {
                found.Add(new InstalledToolchain(real, version, via));
            }
        }

        foreach (var go in GoLocator.FindOnPath(host))
        {
            Consider(SnapshotBuilder.FindGoRootFromExecutable(go), "PATH");
        }

        Consider(host.GetNonEmpty(GoVariableNames.GoRoot), "GOROOT");
        if (host.Os != HostOs.Windows)
        {
            Consider("/usr/local/go", "/usr/local/go");
            foreach (var dir in Children("/usr/lib", "go-*"))
            {
                Consider(dir, "/usr/lib/go-*");
            }
        }

        if (host.GetNonEmpty("RUNNER_TOOL_CACHE") is { } toolCache)
        {
            // actions/setup-go layout: $RUNNER_TOOL_CACHE/go/<version>/<arch>
            foreach (var versionDir in Children(Path.Combine(toolCache, "go"), "*"))
            {
                foreach (var archDir in Children(versionDir, "*"))
                {
                    Consider(archDir, "RUNNER_TOOL_CACHE");
                }
            }
        }

        var home = host.HomeDirectory;
        if (home is not null)
        {
            foreach (var dir in Children(Path.Combine(home, "sdk"), "go*"))
            {
                Consider(dir, "~/sdk");
            }
        }

        if (goModCache is { Length: > 0 })
        {
            foreach (var dir in Children(Path.Combine(goModCache, "golang.org"), "toolchain@*"))
            {
                Consider(dir, "GOMODCACHE");
            }
        }

        return found.OrderByDescending(t => t.Version).ThenBy(t => t.GoRoot, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Children(string directory, string pattern)
    {
        try
        {
            return Directory.Exists(directory) ? Directory.GetDirectories(directory, pattern).Order(StringComparer.Ordinal).ToArray() : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
