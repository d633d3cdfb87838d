using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoProxyOffNeedsDownloadsRule : Rule
{
    public override string Id => "GOENV0073";

    public override string Title => "GOPROXY=off but modules must be downloaded";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "With GOPROXY=off Go may only use modules already in the module cache (or vendor/). The module requires modules that are not in GOMODCACHE and there is no vendor directory, so the build fails: `module lookup disabled by GOPROXY=off`.";

    public override string Fix => "Run `go mod download` in an earlier step with a working GOPROXY (or restore the module cache), vendor the dependencies (`go mod vendor`), or set GOPROXY to a proxy.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var mod = snapshot.GoMod;
        if (mod is null || mod.Requires.Count == 0 || snapshot.HasVendor || !GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy)).IsOff)
        {
            yield break;
        }

        var cache = snapshot.Value(GoVariableNames.GoModCache);
        var missing = ModuleCacheContents.Missing(snapshot);
        if (missing.Count > 0)
        {
            var first = missing[0];
            yield return ReportAt(snapshot, mod.Path, first.Line, $"{Origin(snapshot, GoVariableNames.GoProxy)} is off, and {missing.Count} of the {mod.Requires.Count} modules {mod.Path} requires are not in the module cache ({cache}), e.g. {first.Path} {first.Version} (go.mod line {first.Line}); there is no vendor directory. The build fails with \"module lookup disabled by GOPROXY=off\".", variable: GoVariableNames.GoProxy);
        }
    }
}
