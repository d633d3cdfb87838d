using GoEnv.Core.Discovery;

namespace GoEnv.Core.Modules;

/// <summary>
/// One module of the build's graph: a requirement of a main module, what replaces it, where Go will take it from,
/// how Go will verify it, and whether the build imports packages from it.
/// </summary>
public sealed class GraphModule
{
    public required string Path { get; init; }

    public required string Version { get; init; }

    /// <summary>The go.mod (or go.work) with the requirement, and its line.</summary>
    public required string RequiredIn { get; init; }

    public required int RequireLine { get; init; }

    /// <summary>The `replace` that applies, and the file it is in; null when none.</summary>
    public ModuleReplacement? Replacement { get; init; }

    public string? ReplacementFile { get; init; }

    /// <summary>The module whose files are used: the replacement's path and version, or the module itself.</summary>
    public string SourcePath => Replacement is { IsDirectory: false } r ? r.NewPath : Path;

    public string SourceVersion => Replacement is { IsDirectory: false } r ? r.NewVersion : Version;

    /// <summary>The directory the build reads the module from (vendor/…, the replacement, or the extracted cache copy); null when not on disk.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Why a directory replacement cannot be used, in Go's words as they appear in its error ("replacement directory
    /// ../x does not exist", "open /abs/x/go.mod: no such file or directory"); null when it can.
    /// </summary>
    public string? ReplacementProblem { get; set; }

    public ModuleOrigin Origin { get; set; }

    /// <summary>The mirror directory, the proxy URL, or why it is unavailable.</summary>
    public string OriginDetail { get; set; } = "";

    /// <summary>For a module Go fetches from its origin (modfetch's `direct`): its repository, when the path names it.</summary>
    public ModuleRepository? Repository { get; set; }

    /// <summary><see cref="OriginDetail"/> of a download from the origin because GONOPROXY (GOPRIVATE) matches it.</summary>
    public const string DirectByNoProxy = "direct (GONOPROXY)";

    /// <summary><see cref="OriginDetail"/> of a download from the origin because GOPROXY reaches `direct`.</summary>
    public const string DirectByProxyList = "direct";

    /// <summary>Why Go fetches it from its origin ("GONOPROXY (or GOPRIVATE) sends it to its origin", "GOPROXY reaches `direct` for it"); null when it does not.</summary>
    public string? DirectBecause => Origin != ModuleOrigin.Download ? null : OriginDetail switch
    {
        DirectByNoProxy => "GONOPROXY (or GOPRIVATE) sends it to its origin",
        DirectByProxyList => "GOPROXY reaches `direct` for it",
        _ => null,
    };

    /// <summary>GOPRIVATE matches <see cref="Repository"/>'s root (what GOVCS calls private).</summary>
    public bool RepositoryIsPrivate { get; set; }

    /// <summary>GOVCS does not let Go run the repository's version control: the fetch fails before it starts.</summary>
    public bool VcsForbidden { get; set; }

    /// <summary>The repository's version-control command (git, hg…) is not on PATH.</summary>
    public bool VcsMissing { get; set; }

    /// <summary>How git reaches <see cref="Repository"/> (rewrites, credentials); null when not fetched from its origin.</summary>
    public RepositoryAccess? Access { get; set; }

    /// <summary>
    /// Why the path looks private (GONOPROXY matches it, a private-network host name, git's configuration or .netrc
    /// singling its host out); null when nothing says so. Only worked out for a module to fetch that a public proxy
    /// or checksum database would hear of.
    /// </summary>
    public string? PrivateEvidence { get; set; }

    /// <summary>The checksum database Go asks for the module's go.sum lines when go.sum lacks them (GOSUMDB's name); null when GOSUMDB=off or GONOSUMDB (GOPRIVATE) matches.</summary>
    public string? ChecksumDatabase { get; set; }

    /// <summary>What a real fetch said (check --probe; pin where credentials are not visible); null when not probed.</summary>
    public FetchProbeResult? Probe { get; set; }

    /// <summary>The packages of the build and of its tests that come from this module (first import of each).</summary>
    public List<PackageImport> Imports { get; } = [];

    public bool ProvidesPackages => Imports.Count > 0;

    /// <summary>`go build` loads a package of it (not only the main packages' test files).</summary>
    public bool NeededByBuild => Imports.Any(i => !i.Test);

    /// <summary>The import to name for it: the first the build makes, else the first a test file makes; null when none.</summary>
    public PackageImport? FirstImport => Imports.FirstOrDefault(i => !i.Test) ?? Imports.FirstOrDefault();

    /// <summary>The module's own `go` line (from the module cache's .mod, the replacement's go.mod, or modules.txt); empty when unknown.</summary>
    public string GoLine { get; set; } = "";

    /// <summary>go.sum's line for the zip and for the go.mod (null when go.sum has none).</summary>
    public GoSumEntry? ZipSum { get; set; }

    public GoSumEntry? ModSum { get; set; }

    /// <summary>The module cache's hash of the zip (.ziphash) and of the .mod; null when the cache has neither.</summary>
    public string? CachedZipHash { get; set; }

    public string? CachedModHash { get; set; }

    /// <summary>True when go.sum's zip line and the module cache's .ziphash are both there and differ.</summary>
    public bool ZipSumDiffers => ZipSum is { } sum && CachedZipHash is { } cached && sum.Hash != cached;

    /// <summary>True when go.sum's /go.mod line and the hash of the module cache's .mod are both there and differ.</summary>
    public bool ModSumDiffers => ModSum is { } sum && CachedModHash is { } cached && sum.Hash != cached;

    /// <summary>True when Go verifies it against go.sum (not for a directory replacement or vendored code).</summary>
    public bool IsVerified => Origin is not ModuleOrigin.Vendor and not ModuleOrigin.Directory;

    public string Describe() => Path + "@" + Version;
}
