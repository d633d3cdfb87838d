using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ModuleUnavailableRule : Rule
{
    public override string Id => "GOENV0158";

    public override string Title => "no GOPROXY entry can serve a module the build needs";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "Go tries the GOPROXY entries in order; a file:// mirror that lacks a module answers \"not found\", and Go moves on after ',' and '|' alike. When every entry is such a mirror (no proxy URL, no `direct` after them) and the module cache lacks a module that provides an imported package, the build fails: `reading file:///…/@v/v1.0.0.zip: no such file or directory`. (GOPROXY=off is GOENV0073.)" + TestFilesNote;

    public override string Fix => "Add the module to the mirror (its @v/list, .info, .mod and .zip), restore the module cache first, or end GOPROXY with a proxy or `direct`.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var proxy = GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy));
        if (proxy.IsOff || proxy.Error is not null)
        {
            yield break;
        }

        foreach (var module in snapshot.Graph.ToFetch.Where(m => m.Origin == ModuleOrigin.Unavailable))
        {
            var last = proxy.Entries.LastOrDefault(e => e.MirrorDirectory is not null);
            var import = module.FirstImport!;
            var url = last is null ? "" : $"{last.Url.TrimEnd('/')}/{ModulePaths.Escape(module.SourcePath)}/@v/{ModulePaths.Escape(module.SourceVersion)}.";
            yield return ReportAt(snapshot, module.RequiredIn, module.RequireLine, $"{Origin(snapshot, GoVariableNames.GoProxy)} lists only file:// mirrors, none of which has {module.SourcePath} {module.SourceVersion}, and the module cache lacks it; {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"reading {url}\".", FixWhere(snapshot, GoVariableNames.GoProxy), SeverityOf(import));
        }
    }
}
