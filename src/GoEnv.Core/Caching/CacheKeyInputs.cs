namespace GoEnv.Core.Caching;

/// <summary>
/// Everything a cache key depends on, as effective values (what `go env` reports, not what the user typed).
/// Values are taken as given; the calculator sorts and de-duplicates the lists, so their order does not matter.
/// </summary>
public sealed record CacheKeyInputs
{
    /// <summary>The Go version, "go1.22.12" or "1.22.12" (both give the same key).</summary>
    public required string GoVersion { get; init; }

    public required string GoOs { get; init; }

    public required string GoArch { get; init; }

    /// <summary>The value of GOARCH's level variable (GOAMD64, GOARM, GOARM64, GO386, …); empty when it has none.</summary>
    public string ArchitectureLevel { get; init; } = "";

    /// <summary>"0" or "1".</summary>
    public required string CgoEnabled { get; init; }

    /// <summary>GOFLAGS normalised by the caller (same flags → same string).</summary>
    public string GoFlags { get; init; } = "";

    /// <summary>Build tags (GOFLAGS -tags); order and duplicates do not matter.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>GOEXPERIMENT: it changes the compiled code as much as a tag does.</summary>
    public string GoExperiment { get; init; } = "";

    /// <summary>GOFIPS140: "off", "latest", "inprocess", "certified" or a v1.0.0 snapshot select different crypto code.</summary>
    public string GoFips140 { get; init; } = "";

    /// <summary>GODEBUG as the go command sees it (some settings change what it builds).</summary>
    public string GoDebug { get; init; } = "";

    /// <summary>Whether -trimpath is on: without it Go keys every package by its absolute directory.</summary>
    public bool TrimPath { get; init; }

    /// <summary>
    /// With cgo on: CC, CXX and the CGO_*FLAGS as set ("" = the release's default), and the C compiler's identity
    /// (<see cref="Discovery.CCompilerIdentity"/>); empty with cgo off, where none of them reaches a build. Order
    /// does not matter.
    /// </summary>
    public IReadOnlyDictionary<string, string> CgoSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>The go.sum fingerprints of the module or workspace; order does not matter.</summary>
    public IReadOnlyList<FileFingerprint> GoSums { get; init; } = [];

    /// <summary>The first key segment; letters, digits, '.', '_' and '-' only.</summary>
    public string Prefix { get; init; } = "goenv";
}
