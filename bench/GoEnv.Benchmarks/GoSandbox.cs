using GoEnv.Core;
using GoEnv.Core.Discovery;

namespace GoEnv.Benchmarks;

/// <summary>
/// A temp directory laid out like a CI job (after tests/GoEnv.Core.Tests/RuleTestBed.cs): a Go 1.27.3 installation
/// whose `go` never runs (its `go env -json` answer is canned), a HOME, and a module checkout with a go.mod. The
/// rules stat these paths (GOROOT layout, cache directories), so they must exist.
/// </summary>
internal sealed class GoSandbox : IDisposable
{
    public const string GoVersion = "go1.27.3";

    private readonly Dictionary<string, string> _environment;
    private readonly Dictionary<string, string> _goEnv;

    /// <param name="overrides">Variables set in the process environment and echoed by `go env`, as a pipeline would set them.</param>
    public GoSandbox(IReadOnlyDictionary<string, string>? overrides = null)
    {
        Root = Directory.CreateTempSubdirectory("goenv-bench-").FullName;
        var goRoot = Path.Combine(Root, "go");
        Directory.CreateDirectory(Path.Combine(goRoot, "bin"));
        Directory.CreateDirectory(Path.Combine(goRoot, "pkg", "tool", "linux_amd64"));
        Directory.CreateDirectory(Path.Combine(goRoot, "src", "runtime"));
        File.WriteAllText(Path.Combine(goRoot, "VERSION"), GoVersion + "\ntime 2026-11-04T17:36:56Z\n");
        File.WriteAllText(Path.Combine(goRoot, "go.env"), "GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\nGOTELEMETRY=local\n");
        var goExe = Path.Combine(goRoot, "bin", "go");
        File.WriteAllText(goExe, "#!/bin/sh\nexit 1\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(goExe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Path.Combine(home, ".cache", "go-build"));
        Directory.CreateDirectory(Path.Combine(home, "go", "pkg", "mod"));
        WorkingDirectory = Path.Combine(Root, "checkout");
        Directory.CreateDirectory(WorkingDirectory);
        File.WriteAllText(Path.Combine(WorkingDirectory, "go.mod"), """
            module example.com/acme/service

            go 1.24.0

            require (
            	github.com/google/uuid v1.6.0
            	golang.org/x/sync v0.10.0
            	corp.example.com/platform/auth v1.4.2
            )

            require golang.org/x/sys v0.28.0 // indirect
            """);

        _environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = home,
            ["PATH"] = Path.Combine(goRoot, "bin") + ":/usr/local/bin:/usr/bin:/bin",
            ["CI"] = "true",
            ["GOFLAGS"] = "-mod=readonly -trimpath",
            ["GOPRIVATE"] = "corp.example.com",
            ["GOTOOLCHAIN"] = "local",
        };
        _goEnv = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["CGO_ENABLED"] = "1",
            ["GOAMD64"] = "v1",
            ["GOARCH"] = "amd64",
            ["GOAUTH"] = "netrc",
            ["GOBIN"] = "",
            ["GOCACHE"] = Path.Combine(home, ".cache", "go-build"),
            ["GOENV"] = Path.Combine(home, ".config", "go", "env"),
            ["GOFLAGS"] = "",
            ["GOHOSTARCH"] = "amd64",
            ["GOHOSTOS"] = "linux",
            ["GOMODCACHE"] = Path.Combine(home, "go", "pkg", "mod"),
            ["GONOPROXY"] = "corp.example.com",
            ["GONOSUMDB"] = "corp.example.com",
            ["GOOS"] = "linux",
            ["GOPATH"] = Path.Combine(home, "go"),
            ["GOPRIVATE"] = "corp.example.com",
            ["GOPROXY"] = "https://proxy.golang.org,direct",
            ["GOROOT"] = goRoot,
            ["GOSUMDB"] = "sum.golang.org",
            ["GOTOOLCHAIN"] = "local",
            ["GOTOOLDIR"] = Path.Combine(goRoot, "pkg", "tool", "linux_amd64"),
            ["GOVERSION"] = GoVersion,
        };
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            _environment[name] = value;
            _goEnv[name] = value;
        }
    }

    public string Root { get; }

    public string WorkingDirectory { get; }

    public HostEnvironment Host() => new(_environment, WorkingDirectory, HostOs.Linux);

    public CheckOptions Options() => new() { ProcessRunner = new CannedGoEnv(_goEnv), GitFacts = _ => new NoRepository() };

    public GoSnapshot Snapshot() => SnapshotBuilder.Build(Host(), Options());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
