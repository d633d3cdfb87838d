using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// A Windows Go built by .ci/install-wine.sh from an installed Go's own sources: <c>go.exe</c> and <c>compile.exe</c>
/// in a Windows-shaped GOROOT at <c>/opt/goenv-go/windows/&lt;version&gt;/go</c>.
/// </summary>
internal sealed record WindowsToolchain(string GoRoot, GoToolchain Version)
{
    public const string InstallRoot = "/opt/goenv-go/windows";

    /// <summary>GOROOT as go.exe reports it (Wine's Z: drive).</summary>
    public string WindowsGoRoot => Wine.ToWindows(GoRoot);

    public string WindowsBinDirectory => WindowsGoRoot + @"\bin";

    public string WindowsGoExe => WindowsBinDirectory + @"\go.exe";

    public override string ToString() => Version.Version + " (windows/amd64)";

    public static IReadOnlyList<WindowsToolchain> Discover()
    {
        if (!Directory.Exists(InstallRoot))
        {
            return [];
        }

        var found = new List<WindowsToolchain>();
        foreach (string directory in Directory.GetDirectories(InstallRoot))
        {
            string root = Path.Combine(directory, "go");
            string versionFile = Path.Combine(root, "VERSION");
            if (File.Exists(Path.Combine(root, "bin", "go.exe")) && File.Exists(Path.Combine(root, "pkg", "tool", "windows_amd64", "compile.exe"))
                && File.Exists(versionFile) && GoToolchain.FromVersion(root, File.ReadLines(versionFile).FirstOrDefault() ?? "") is { } version)
            {
                found.Add(new WindowsToolchain(root, version));
            }
        }

        return [.. found.OrderBy(t => t.Version.Major).ThenBy(t => t.Version.Minor).ThenBy(t => t.Version.Patch)];
    }
}
