using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoModCacheUnsetRule : Rule
{
    public override string Id => "GOENV0042";

    public override string Title => "No module cache location";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoModCache;

    public override string Description => "GOMODCACHE is not set and its default, the first GOPATH entry's pkg/mod, is empty: GOPATH is unset with no HOME (USERPROFILE on Windows), or GOPATH's first entry is empty (`GOPATH=:/x`). The first module download fails: `go: module cache not found: neither GOMODCACHE nor GOPATH is set`.";

    public override string Fix => "Set GOMODCACHE (or GOPATH) to an absolute directory, or give the job a HOME (USERPROFILE on Windows).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Go is null || snapshot.Value(GoVariableNames.GoModCache).Length > 0)
        {
            yield break;
        }

        var gopath = snapshot.Value(GoVariableNames.GoPath);
        var home = GoDefaults.HomeVariable(snapshot.Host.Os);
        var defaultGoPath = snapshot.IsWindows ? $"%{home}%\\go" : $"${home}/go";
        var why = gopath.Length == 0 ? $"GOPATH is empty (no {home} to derive {defaultGoPath} from)" : $"the first entry of GOPATH ({Quote(gopath)}) is empty";
        var needsDownloads = snapshot.GoMod is null || snapshot.GoMod.Requires.Count > 0;
        yield return Report(snapshot, $"GOMODCACHE has no value: {why}. The first module download fails with \"go: module cache not found: neither GOMODCACHE nor GOPATH is set\".", severity: needsDownloads ? Severity.Error : Severity.Warning);
    }
}
