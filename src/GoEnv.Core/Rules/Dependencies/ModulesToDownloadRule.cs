using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ModulesToDownloadRule : Rule
{
    public override string Id => "GOENV0159";

    public override string Title => "the build will download modules";

    public override Severity DefaultSeverity => Severity.Notice;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "Modules that provide imported packages and are not in the module cache (nor vendored, nor replaced by a directory) are downloaded by the first go command that needs them: minutes into a job, and each download may fail. Restoring the module cache, or a `go mod download` step right after GoEnv, moves that to a known place.";

    public override string Fix => "Restore the module cache (the action's and the component's cache does it), or run `go mod download` in an early step.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var fetch = snapshot.Graph.ToFetch.Where(m => m.Origin is ModuleOrigin.Download or ModuleOrigin.Mirror).ToList();
        if (fetch.Count == 0)
        {
            yield break;
        }

        var from = string.Join(", ", fetch.GroupBy(m => m.OriginDetail).Select(g => $"{g.Count()} from {g.Key}"));
        yield return ReportAt(snapshot, fetch[0].RequiredIn, fetch[0].RequireLine, $"The module cache ({snapshot.Value(GoVariableNames.GoModCache)}) lacks {fetch.Count} module(s) the build imports packages from ({ModuleList(fetch)}): the build downloads them ({from}).");
    }
}
