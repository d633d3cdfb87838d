namespace GoEnv.Core;

/// <summary>The Go environment variables GoEnv reads, validates and reports.</summary>
public static class GoVariableNames
{
    public const string GoRoot = "GOROOT";
    public const string GoPath = "GOPATH";
    public const string GoBin = "GOBIN";
    public const string GoCache = "GOCACHE";
    public const string GoModCache = "GOMODCACHE";
    public const string GoTmpDir = "GOTMPDIR";
    public const string GoFlags = "GOFLAGS";
    public const string Go111Module = "GO111MODULE";
    public const string GoProxy = "GOPROXY";
    public const string GoSumDb = "GOSUMDB";
    public const string GoPrivate = "GOPRIVATE";
    public const string GoNoProxy = "GONOPROXY";
    public const string GoNoSumDb = "GONOSUMDB";
    public const string GoInsecure = "GOINSECURE";
    public const string GoVcs = "GOVCS";
    public const string GoToolchain = "GOTOOLCHAIN";
    public const string GoWork = "GOWORK";
    public const string GoOs = "GOOS";
    public const string GoArch = "GOARCH";
    public const string GoAmd64 = "GOAMD64";
    public const string GoArm = "GOARM";
    public const string GoArm64 = "GOARM64";
    public const string Go386 = "GO386";
    public const string GoMips = "GOMIPS";
    public const string GoMips64 = "GOMIPS64";
    public const string GoPpc64 = "GOPPC64";
    public const string GoRiscv64 = "GORISCV64";
    public const string GoWasm = "GOWASM";
    public const string GoExperiment = "GOEXPERIMENT";
    public const string CgoEnabled = "CGO_ENABLED";
    public const string GoEnv = "GOENV";
    public const string GoVersion = "GOVERSION";
    public const string GoHostOs = "GOHOSTOS";
    public const string GoHostArch = "GOHOSTARCH";
    public const string GoToolDir = "GOTOOLDIR";
    public const string GoAuth = "GOAUTH";
    public const string GoFips140 = "GOFIPS140";
    public const string GoCacheProg = "GOCACHEPROG";
    public const string GoDebug = "GODEBUG";
    public const string Cc = "CC";
    public const string Cxx = "CXX";
    public const string CgoCflags = "CGO_CFLAGS";
    public const string CgoCppflags = "CGO_CPPFLAGS";
    public const string CgoCxxflags = "CGO_CXXFLAGS";
    public const string CgoFflags = "CGO_FFLAGS";
    public const string CgoLdflags = "CGO_LDFLAGS";

    /// <summary>Asked of `go env -json` in one call. None of them is "costly" (none runs the C compiler).</summary>
    public static readonly IReadOnlyList<string> Probed =
    [
        GoRoot, GoPath, GoBin, GoCache, GoModCache, GoTmpDir, GoFlags, Go111Module, GoProxy, GoSumDb, GoPrivate,
        GoNoProxy, GoNoSumDb, GoInsecure, GoVcs, GoToolchain, GoOs, GoArch, GoAmd64, GoArm, GoArm64, Go386,
        GoMips, GoMips64, GoPpc64, GoRiscv64, GoWasm, GoExperiment, CgoEnabled, GoEnv, GoVersion, GoHostOs,
        GoHostArch, GoToolDir, GoAuth, GoFips140, GoCacheProg, GoDebug, Cc, Cxx,
    ];

    /// <summary>
    /// The cgo flags, read as set (process environment, then go env file) for the build cache key only: asking
    /// `go env` for any of them makes it run the C compiler ("costly", ~100 ms); unset means the release's default.
    /// </summary>
    public static readonly IReadOnlyList<string> CgoFlags = [CgoCflags, CgoCppflags, CgoCxxflags, CgoFflags, CgoLdflags];

    /// <summary>Variables whose source GoEnv tracks (the user can set them); GOWORK is read from the environment too.</summary>
    public static readonly IReadOnlyList<string> Settable =
    [
        GoRoot, GoPath, GoBin, GoCache, GoModCache, GoTmpDir, GoFlags, Go111Module, GoProxy, GoSumDb, GoPrivate,
        GoNoProxy, GoNoSumDb, GoInsecure, GoVcs, GoToolchain, GoWork, GoOs, GoArch, GoAmd64, GoArm, GoArm64, Go386,
        GoMips, GoMips64, GoPpc64, GoRiscv64, GoWasm, GoExperiment, CgoEnabled, GoAuth, GoFips140, GoCacheProg, GoDebug,
    ];

    /// <summary>Read by cmd/go from the OS environment only, never from a go/env file.</summary>
    public static bool IsOsOnly(string name) => name is GoEnv or GoDebug;

    /// <summary>
    /// Architecture variables that internal/buildcfg reads from the OS environment only (the go/env file copy is
    /// validated later by the compiler, not by the go command).
    /// </summary>
    public static bool IsBuildConfigVariable(string name) =>
        name is GoOs or GoArch or Go386 or GoAmd64 or GoArm or GoArm64 or GoMips or GoMips64 or GoPpc64 or GoRiscv64 or GoWasm or GoFips140 or GoExperiment;
}
