using GoEnv.Core.Go;

namespace GoEnv.Core.Modules;

/// <summary>
/// The module graph `go build ./...` loads here, resolved once from files on disk before anything is downloaded:
/// the -mod mode in force, vendor/modules.txt and its consistency with go.mod/go.work, each required module with its
/// replacement, origin and checksums, and the packages the build imports (the main modules' packages and, where their
/// source is on disk, the dependencies' packages they import).
/// </summary>
public sealed class ModuleGraph
{
    public static readonly ModuleGraph None = new() { Mode = BuildMode.Readonly, ModeReason = "", MainGoMod = "", MainGoLine = "" };

    /// <summary>False outside module mode (no go.mod, GO111MODULE=off).</summary>
    public bool IsLoaded { get; init; }

    public required BuildMode Mode { get; init; }

    /// <summary>Why that mode: "-mod=vendor in GOFLAGS", "go.mod's go line is at least 1.14 and vendor/ exists", …</summary>
    public required string ModeReason { get; init; }

    /// <summary>True when GOFLAGS sets -mod.</summary>
    public bool ModeFromGoFlags { get; init; }

    /// <summary>The vendor/modules.txt Go reads (vendor mode), or the one it ignores (otherwise); null when there is no vendor directory.</summary>
    public VendorList? Vendor { get; init; }

    /// <summary>The lines of Go's "inconsistent vendoring" error (vendor mode only), in Go's order.</summary>
    public IReadOnlyList<VendorInconsistency> VendorProblems { get; init; } = [];

    /// <summary>The directory Go names in "inconsistent vendoring in DIR".</summary>
    public string VendorRoot { get; init; } = "";

    /// <summary>Requirements of the main modules (one per path, the highest version), in go.work `use` order, then go.mod order.</summary>
    public IReadOnlyList<GraphModule> Modules { get; init; } = [];

    /// <summary>
    /// False when the main modules' imports were not read: more .go files than a check reads eagerly and no cheap fact
    /// (go.sum, module cache, replacements, go lines, vendor/) pointing at a problem.
    /// </summary>
    public bool ImportsRead { get; init; } = true;

    /// <summary>Imports of the main modules that no requirement provides (outside vendor mode).</summary>
    public IReadOnlyList<PackageImport> UnprovidedImports { get; init; } = [];

    /// <summary>Vendor mode: imports whose package is not in vendor/ (not listed in modules.txt, or its files are gone).</summary>
    public IReadOnlyList<PackageImport> MissingVendoredPackages { get; init; } = [];

    /// <summary>The main module's go.mod (the first workspace module's in workspace mode) and its `go` line.</summary>
    public required string MainGoMod { get; init; }

    public required string MainGoLine { get; init; }

    /// <summary>The main module's go.mod line for its `go` directive (0 when none).</summary>
    public int MainGoLineNumber { get; init; }

    public bool InWorkspace { get; init; }

    /// <summary>Credentials met while working out how modules are fetched (.netrc passwords, tokens in insteadOf URLs, extra headers): for the redactor.</summary>
    public IReadOnlyCollection<string> Secrets { get; init; } = [];

    /// <summary>The main module's go version as cmd/go takes it: its go line, go 1.16 when there is none.</summary>
    public GoVersion? MainGoVersion => MainModuleVersion(MainGoLine);

    /// <summary>A main module's go line as cmd/go takes it (no go line: 1.16); null when it does not parse.</summary>
    public static GoVersion? MainModuleVersion(string goLine) => GoVersion.ParseStrict(goLine.Length == 0 ? "1.16" : goLine);

    /// <summary>The modules whose packages the build or its tests need and Go must fetch (neither vendored, replaced by a directory, nor in the module cache).</summary>
    public IEnumerable<GraphModule> ToFetch => Modules.Where(m => m.ProvidesPackages && m.Origin is ModuleOrigin.Mirror or ModuleOrigin.Download or ModuleOrigin.Unavailable);
}
