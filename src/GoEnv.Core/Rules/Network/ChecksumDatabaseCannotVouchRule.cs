using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class ChecksumDatabaseCannotVouchRule : Rule
{
    public override string Id => "GOENV0098";

    public override string Title => "The public checksum database is asked for a private module";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => "GONOSUMDB";

    public override string Description => "Under -mod=mod (and in workspace mode, which adds lines to go.work.sum) Go may add the go.sum lines a needed module lacks — after asking the checksum database (GOSUMDB, sum.golang.org by default) to vouch for the downloaded module, unless GONOSUMDB (by default GOPRIVATE) matches it or GOSUMDB=off. sum.golang.org knows only modules it can fetch from the public internet: for a path that looks private (GONOPROXY matches it, its host is a private-network name, or git's configuration or .netrc singles its host out) the lookup fails — `verifying module: …: reading https://sum.golang.org/lookup/…: 404 Not Found` online, a DNS or dial error offline — and the database has learned the path." + TestFilesNote;

    public override string Fix => "Add the module's host or prefix to GOPRIVATE (or GONOSUMDB), or commit go.sum with the module's lines (`go mod tidy` with GOPRIVATE set) so nothing needs to be asked.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (graph.Mode != BuildMode.Mod && !graph.InWorkspace)
        {
            yield break;
        }

        foreach (var module in graph.ToFetch.Where(m => m.ChecksumDatabase is { } db && Go.GoSumDb.IsPublic(db) && m.PrivateEvidence is not null && m.IsVerified && (m.ZipSum is null || m.ModSum is null)).OrderBy(m => !m.NeededByBuild))
        {
            var import = module.FirstImport!;
            var source = module.SourcePath + "@" + module.SourceVersion;
            yield return ReportAt(snapshot, import.File, import.Line, $"go.sum lacks {module.SourcePath} {module.SourceVersion}'s lines and {graph.ModeReason}, so Go fetches it and asks {module.ChecksumDatabase} to vouch for it (GONOSUMDB does not match it), though its path looks private ({module.PrivateEvidence}): the public database cannot know it. {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"verifying module: {source}\".", severity: SeverityOf(import));
        }
    }
}
