using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class PrivatePathToPublicProxyRule : Rule
{
    public override string Id => "GOENV0097";

    public override string Title => "A private module path is sent to a public proxy";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => "GOPRIVATE";

    public override string Description => "A needed module that the module cache lacks is looked up in the GOPROXY list, whose first URL is a public proxy (proxy.golang.org, goproxy.io, goproxy.cn…), though its path looks private: its host is a private-network name (.internal, .corp, .lan, .local, a private address…), or git's configuration or .netrc singles its host out (an insteadOf rewrite, credentials). The proxy learns the path (and the version) of every such module a build asks for; it cannot serve it, so Go falls through to the next entry on 404/410, or fails. GOPRIVATE (or GONOPROXY) keeps the path away from the proxy and, through GONOSUMDB's default, from the checksum database." + TestFilesNote;

    public override string Fix => "Add the module's host or prefix to GOPRIVATE (e.g. `GOPRIVATE=git.corp.example`), which sends it to its origin and keeps it out of the checksum database.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        // One finding per host: the fix (a GOPRIVATE pattern) is per host or prefix.
        var leaked = snapshot.Graph.ToFetch
            .Where(m => m.Origin == ModuleOrigin.Download && m.PrivateEvidence is not null && Go.GoProxyList.IsPublicProxy(m.OriginDetail))
            .GroupBy(m => ModuleHost.Of(m.SourcePath));
        foreach (var group in leaked)
        {
            var module = group.First();
            var import = module.FirstImport!;
            var others = group.Count() > 1 ? $" So are {group.Count() - 1} more module(s) of {group.Key}: {ModuleList([.. group.Skip(1)])}." : "";
            yield return Report(snapshot, $"{module.Describe()} is not in the module cache and GOPRIVATE and GONOPROXY do not match it, so Go asks {module.OriginDetail} for it first, though its path looks private ({module.PrivateEvidence}): the public proxy learns the path of a module {import.ImportedBy} imports ({import.ImportPath}).{others}", severity: Severity.Warning);
        }
    }
}
