using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoProxyOffNeedsDownloadsRule : Rule
{
    public override string Id => "GOENV0073";

    public override string Title => "GOPROXY=off but modules must be downloaded";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "With GOPROXY=off Go may only use modules already in the module cache, in vendor/ (when vendor mode is in force) or in directories named by `replace`. A module that provides an imported package and is in none of them cannot be fetched: `module lookup disabled by GOPROXY=off`. A vendor/ directory that the build bypasses (GOFLAGS=-mod=mod or -mod=readonly, a go line below 1.14, a workspace vendor/ outside workspace mode) does not count; required modules whose packages are not imported are not needed." + TestFilesNote;

    public override string Fix => "Run `go mod download` in an earlier step with a working GOPROXY (or restore the module cache), vendor the dependencies (`go mod vendor`) and build in vendor mode, or set GOPROXY to a proxy.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        var unavailable = graph.ToFetch.Where(m => m.Origin == ModuleOrigin.Unavailable).OrderBy(m => !m.NeededByBuild).ToList();
        if (unavailable.Count == 0 || !GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy)).IsOff)
        {
            yield break;
        }

        var first = unavailable[0];
        var import = first.FirstImport!;
        var vendor = graph.Vendor is null ? "there is no vendor directory" : $"vendor/ is not used ({graph.ModeReason})";
        yield return ReportAt(snapshot, first.RequiredIn, first.RequireLine, $"{Origin(snapshot, GoVariableNames.GoProxy)} is off, and {unavailable.Count} module(s) whose packages the build imports are not in the module cache ({snapshot.Value(GoVariableNames.GoModCache)}), e.g. {first.Path} {first.Version} (imported as {import.ImportPath}); {vendor}. {Capitalized(WhoFails(import))} with \"module lookup disabled by GOPROXY=off\".", severity: SeverityOf(import), variable: GoVariableNames.GoProxy);
    }
}
