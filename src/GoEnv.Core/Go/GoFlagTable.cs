namespace GoEnv.Core.Go;

/// <summary>
/// The flags one Go release accepts in GOFLAGS. cmd/go's InitGOFLAGS checks every GOFLAGS word with
/// hasFlag(base.Go, name), which walks the whole command tree (build, test, env, mod download, work sync, …) and
/// accepts a name that any command's flag set defines; the running command then applies only the flags it defines
/// and silently skips the rest.
/// </summary>
internal sealed class GoFlagTable
{
    private readonly List<GoFlagInfo> _all;
    private readonly Dictionary<string, GoFlagInfo> _flags;
    private readonly List<GoFlagInfo> _allAnalyzerFlags;
    private readonly Dictionary<string, GoFlagInfo> _analyzerFlags;

    public GoFlagTable(string goVersion, IEnumerable<GoFlagInfo> flags, IEnumerable<GoFlagInfo>? analyzerFlags = null)
    {
        GoVersion = goVersion;
        _all = [.. flags];
        _flags = _all.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _allAnalyzerFlags = [.. analyzerFlags ?? []];
        _analyzerFlags = _allAnalyzerFlags.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>The Go release the table was taken from, e.g. "1.21".</summary>
    public string GoVersion { get; }

    /// <summary>Every flag hasFlag accepts, sorted by name.</summary>
    public IEnumerable<GoFlagInfo> All => _all;

    /// <summary>
    /// The flags `go vet` (and from Go 1.26 `go fix`) add to their own flag set at run time, from their analysis tool's
    /// `-flags` output, just before they read GOFLAGS: -printf, -unusedresult, -all, …, and under `go vet` before 1.26
    /// also -c and -json. Under those commands only, hasFlag accepts them too; every other command reports them as unknown.
    /// </summary>
    public IEnumerable<GoFlagInfo> AnalyzerFlags => _allAnalyzerFlags;

    /// <summary>
    /// hasFlag(base.Go, name) as every command except `go vet` (and `go fix` from 1.26) evaluates it: false means the
    /// command fails with "go: parsing $GOFLAGS: unknown flag -name" (`go env` and `go bug` hide that error).
    /// <paramref name="name"/> is the word without its one or two leading dashes and "=value"; case matters.
    /// </summary>
    public bool IsKnown(string name) => _flags.ContainsKey(name);

    /// <summary>hasFlag while <paramref name="command"/> ("vet", "build", "mod tidy") runs: <see cref="IsKnown"/> plus, for
    /// `go vet` and `go fix`, the <see cref="AnalyzerFlags"/> of that command.</summary>
    public bool IsKnownWhileRunning(string command, string name) =>
        IsKnown(name) || (_analyzerFlags.TryGetValue(name, out var flag) && flag.Commands.Contains(command));

    public GoFlagInfo? Get(string name) => _flags.TryGetValue(name, out var info) ? info : null;

    public GoFlagInfo? GetAnalyzerFlag(string name) => _analyzerFlags.TryGetValue(name, out var info) ? info : null;

    public override string ToString() => $"GOFLAGS flags of Go {GoVersion}";
}
