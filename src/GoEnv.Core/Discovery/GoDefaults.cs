using System.Runtime.InteropServices;
using GoEnv.Core.Go;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Go's defaults for variables nobody set, derived the way cmd/go derives them. Only used when `go env` could not
/// tell (it failed, or the variable is one GoEnv resolves itself), so that rules still see a value.
/// </summary>
internal sealed class GoDefaults
{
    private readonly HostEnvironment _host;
    private readonly GoVersion? _version;
    private readonly string _goRoot;
    private readonly string? _exeRoot;
    private readonly SourceResolver _resolver;

    public GoDefaults(HostEnvironment host, GoVersion? version, string goRoot, string? exeRoot, SourceResolver resolver)
    {
        _host = host;
        _version = version;
        _goRoot = goRoot;
        _exeRoot = exeRoot;
        _resolver = resolver;
    }

    private bool AtLeast(int major, int minor) => _version is null || _version.AtLeast(major, minor);

    public string Get(string name) => name switch
    {
        GoVariableNames.GoRoot => _exeRoot ?? "",
        GoVariableNames.GoPath => GoPath(),
        GoVariableNames.GoCache => GoCache(),
        GoVariableNames.GoModCache => GoModCache(),
        GoVariableNames.GoProxy => AtLeast(1, 21) ? "" : "https://proxy.golang.org,direct",
        GoVariableNames.GoSumDb => AtLeast(1, 21) ? "" : "sum.golang.org",
        GoVariableNames.GoNoProxy or GoVariableNames.GoNoSumDb => _resolver.Raw(GoVariableNames.GoPrivate) ?? "",
        GoVariableNames.GoOs or GoVariableNames.GoHostOs => HostGoOs(),
        GoVariableNames.GoArch or GoVariableNames.GoHostArch => HostGoArch(),
        GoVariableNames.GoToolDir => _goRoot.Length > 0 ? Path.Combine(_goRoot, "pkg", "tool", HostGoOs() + "_" + HostGoArch()) : "",
        GoVariableNames.GoEnv => SnapshotBuilder.LocateUserEnvFile(_host, _version, out _) ?? "",
        _ => "",
    };

    private string GoPath()
    {
        var home = _host.Os == HostOs.Windows ? _host.GetNonEmpty("USERPROFILE") : _host.GetNonEmpty("HOME");
        if (home is null)
        {
            return "";
        }

        var path = Path.Combine(home, "go");
        // go/build's defaultGOPATH: not when it is GOROOT, and an inferred relative default is dropped.
        if (!Path.IsPathRooted(path) || PathsEqual(path, _goRoot))
        {
            return "";
        }

        return path;
    }

    private string GoCache()
    {
        var dir = UserCacheDir();
        return dir is null ? "" : Path.Combine(dir, "go-build");
    }

    /// <summary>os.UserCacheDir as the running Go version implements it; null when it has none.</summary>
    public string? UserCacheDir()
    {
        switch (_host.Os)
        {
            case HostOs.Windows:
                return _host.GetNonEmpty("LocalAppData");
            case HostOs.MacOS:
                var macHome = _host.GetNonEmpty("HOME");
                return macHome is null ? null : Path.Combine(macHome, "Library", "Caches");
            default:
                var xdg = _host.GetNonEmpty("XDG_CACHE_HOME");
                if (xdg is not null)
                {
                    return !Path.IsPathRooted(xdg) && AtLeast(1, 24) ? null : xdg;
                }

                var home = _host.GetNonEmpty("HOME");
                return home is null ? null : Path.Combine(home, ".cache");
        }
    }

    private string GoModCache()
    {
        var gopath = _resolver.Raw(GoVariableNames.GoPath) ?? GoPath();
        var first = gopath.Split(_host.PathListSeparator)[0];
        return first.Length == 0 ? "" : Path.Combine(first, "pkg", "mod");
    }

    private bool PathsEqual(string a, string b) =>
        a.Length > 0 && b.Length > 0 && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), _host.Os == HostOs.Windows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private string HostGoOs() => _host.Os switch
    {
        HostOs.Windows => "windows",
        HostOs.MacOS => "darwin",
        _ => "linux",
    };

    private static string HostGoArch() => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => "amd64",
        Architecture.X86 => "386",
        Architecture.Arm64 => "arm64",
        Architecture.Arm => "arm",
        Architecture.LoongArch64 => "loong64",
        Architecture.Ppc64le => "ppc64le",
        Architecture.S390x => "s390x",
        _ => "amd64",
    };
}
