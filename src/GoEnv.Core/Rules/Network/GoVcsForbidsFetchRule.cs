using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoVcsForbidsFetchRule : Rule
{
    public override string Id => "GOENV0093";

    public override string Title => "GOVCS forbids the version control a needed module is fetched with";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoVcs;

    public override string Description => "A module that provides an imported package and is not in the module cache (nor vendored) is fetched from its origin when GONOPROXY (GOPRIVATE) matches it or GOPROXY reaches `direct`. Go then runs the repository's version control (git for github.com/owner/repo and for paths with a .git element such as git.corp.example/team/lib.git; hg, svn, bzr, fossil likewise), but only if GOVCS allows it for that repository: the first GOVCS rule whose pattern matches the root (`private` = GOPRIVATE matches it, `public`, or a path glob) decides, then Go's default public:git|hg,private:all. Otherwise the build fails with `GOVCS disallows using git for private git.corp.example/team/lib.git; see 'go help vcs'`. A module reached through a proxy, or whose repository only a go-get lookup names, is not judged here." + TestFilesNote;

    public override string Fix => "Allow the version control for those repositories (e.g. GOVCS=private:git, or add `git` to the rule that matches), restore the module cache first, or serve the module from a GOPROXY.";

    public override string Versions => "1.16+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var module in snapshot.Graph.ToFetch.Where(m => m.VcsForbidden && m.Repository is not null).OrderBy(m => !m.NeededByBuild))
        {
            var repository = module.Repository!;
            var import = module.FirstImport!;
            var what = module.RepositoryIsPrivate ? "private" : "public";
            yield return Report(snapshot, $"{module.Describe()} is not in the module cache and {module.DirectBecause}, so Go must run {repository.Vcs} on {repository.Root}; {Origin(snapshot, GoVariableNames.GoVcs)} does not allow {repository.Vcs} for the {what} {repository.Root}. {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"GOVCS disallows using {repository.Vcs} for {what} {repository.Root}; see 'go help vcs'\".", FixWhere(snapshot, GoVariableNames.GoVcs), SeverityOf(import));
            yield break;
        }
    }
}
