namespace GoEnv.Core.Go;

internal sealed class GoFlagTable
{
    private readonly Dictionary<string, GoFlagInfo> _flags;

    public GoFlagTable(string goVersion, IEnumerable<GoFlagInfo> flags)
    {
        GoVersion = goVersion;
        _flags = flags.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string GoVersion { get; }

    public IEnumerable<GoFlagInfo> All => _flags.Values;

    public bool IsKnown(string name) => _flags.ContainsKey(name);

    public GoFlagInfo? Get(string name) => _flags.TryGetValue(name, out var info) ? info : null;
}
