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
        var home = _host.GetNonEmpty(HomeVariable(_host.Os));
        if (home is null)
        {
            return "";
        }

        var path = Path.Combine(home, "go");
        // go/build's defaultGOPATH: not when it is GOROOT (filepath.Clean on both, compared exactly, letter case too),
        // and an inferred relative default is dropped.
        if (!Path.IsPathRooted(path) || (_goRoot.Length > 0 && string.Equals(Clean(path), Clean(_goRoot), StringComparison.Ordinal)))
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
    public string? UserCacheDir() => UserCacheDir(_host, _version, out _);

    /// <summary>
    /// os.UserCacheDir for <paramref name="host"/> and the Go <paramref name="version"/> (null: the newest): the
    /// directory, or null with Go's own error text (which cmd/go prints after "GOCACHE is not defined and ").
    /// </summary>
    public static string? UserCacheDir(HostEnvironment host, GoVersion? version, out string? error)
    {
        error = null;
        switch (host.Os)
        {
            case HostOs.Windows:
                var local = host.GetNonEmpty("LocalAppData");
                error = local is null ? "%LocalAppData% is not defined" : null;
                return local;
            case HostOs.MacOS:
                var macHome = host.GetNonEmpty("HOME");
                error = macHome is null ? "$HOME is not defined" : null;
                return macHome is null ? null : Path.Combine(macHome, "Library", "Caches");
            default:
                var xdg = host.GetNonEmpty("XDG_CACHE_HOME");
                if (xdg is not null)
                {
                    // Go 1.24+ refuses a relative XDG_CACHE_HOME; older versions use it as it is.
                    error = !Path.IsPathRooted(xdg) && (version is null || version.AtLeast(1, 24)) ? "path in $XDG_CACHE_HOME is relative" : null;
                    return error is null ? xdg : null;
                }

                var home = host.GetNonEmpty("HOME");
                error = home is null ? "neither $XDG_CACHE_HOME nor $HOME are defined" : null;
                return home is null ? null : Path.Combine(home, ".cache");
        }
    }

    /// <summary>An absolute path as cmd/go compares it after filepath.Clean: full, without a trailing separator.</summary>
    public static string Clean(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>The variable go/build's defaultGOPATH starts from: USERPROFILE on Windows, HOME elsewhere.</summary>
    public static string HomeVariable(HostOs os) => os == HostOs.Windows ? "USERPROFILE" : "HOME";

    private string GoModCache()
    {
        var gopath = _resolver.Raw(GoVariableNames.GoPath) ?? GoPath();
        // cmd/go's gopathDir: the first entry of filepath.SplitList, none when it is empty.
        var first = _host.SplitList(gopath) is [var entry, ..] ? entry : "";
        return first.Length == 0 ? "" : Path.Combine(first, "pkg", "mod");
    }

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
