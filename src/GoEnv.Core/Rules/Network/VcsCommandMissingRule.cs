using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Network;

internal sealed class VcsCommandMissingRule : Rule
{
    public override string Id => "GOENV0094";

    public override string Title => "The version control a needed module is fetched with is not on PATH";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => "PATH";

    public override string Description => "A module that provides an imported package and is not in the module cache (nor vendored) is fetched from its origin when GONOPROXY (GOPRIVATE) matches it or GOPROXY reaches `direct`, with the repository's version control: git for github.com/owner/repo and for paths with a .git element such as git.corp.example/team/lib.git (hg, svn, bzr, fossil likewise). Go runs the command from PATH; without it the build fails — for a path with a version-control suffix `go: missing Git command. See https://golang.org/s/gogetcmd` (Go 1.21+), otherwise `exec: \"git\": executable file not found in $PATH`. Slim and distroless images and `env -i` jobs often lack git. A repository that only a go-get lookup names is not judged here." + TestFilesNote;

    public override string Fix => "Install the version control (e.g. `apt-get install git`, an image with git) or put it on PATH; or restore the module cache first, or serve the module from a GOPROXY.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        // GOVCS is checked before the command runs (GOENV0093 speaks then).
        foreach (var module in snapshot.Graph.ToFetch.Where(m => m.VcsMissing && !m.VcsForbidden && m.Repository is not null).OrderBy(m => !m.NeededByBuild))
        {
            var repository = module.Repository!;
            var import = module.FirstImport!;
            var goText = repository.BySuffix && snapshot.GoAtLeast(1, 21) ? $"missing {repository.VcsName} command" : $"exec: \\\"{repository.Vcs}\\\": executable file not found in $PATH";
            yield return Report(snapshot, $"{module.Describe()} is not in the module cache and {module.DirectBecause}: Go runs {repository.Vcs}, which is not on PATH. {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"{goText}\".", severity: SeverityOf(import));
            yield break;
        }
    }
}
