using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Network;

internal sealed class RepositoryUnreachableRule : Rule
{
    public override string Id => "GOENV0095";

    public override string Title => "Git cannot reach the repository of a module fetched from its origin";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "A needed module that the module cache lacks and that GONOPROXY (GOPRIVATE) or GOPROXY's `direct` sends to its origin is fetched with git, which first applies git's `url.<base>.insteadOf` rewrites (system, XDG, global config, GIT_CONFIG_GLOBAL/SYSTEM/COUNT). GoEnv reports when git cannot get there at all: the host's top-level domain is reserved and never resolves (.example, .invalid, .test, no hosts-file entry) and no rewrite covers any URL Go tries, or a rewrite sends it to a local repository that does not exist. For a root with a .git suffix Go pings https, git+ssh and ssh in turn and fails with `no secure protocol found for repository` (Go 1.21+; 1.19 goes on to git:// and fails in `git ls-remote -q origin`); for other roots `git ls-remote -q origin` fails." + TestFilesNote;

    public override string Fix => "Give git a way to the repository: `git config --global url.\"https://TOKEN@git.corp.example/\".insteadOf \"https://git.corp.example/\"` (from a secret), an ssh rewrite with a key, or a local mirror; or serve the module from a GOPROXY; or restore the module cache.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var module in snapshot.Graph.ToFetch.Where(m => m.Access?.Unreachable is not null && !m.VcsForbidden && !m.VcsMissing).OrderBy(m => !m.NeededByBuild))
        {
            var access = module.Access!;
            var repository = module.Repository!;
            var import = module.FirstImport!;
            var goText = !repository.BySuffix || !snapshot.GoAtLeast(1, 21) ? "git ls-remote -q origin in" : "no secure protocol found for repository";
            var message = $"{module.Describe()} is not in the module cache and {module.DirectBecause}, so Go runs git on {access.Url}, and git cannot get there: {access.Unreachable}. {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)} with \"{goText}\".";
            yield return access.RewriteWhere is { } where && where.LastIndexOf(':') is var colon and > 0 && int.TryParse(where[(colon + 1)..], out var line)
                ? ReportAt(snapshot, where[..colon], line, message, severity: SeverityOf(import))
                : ReportAt(snapshot, import.File, import.Line, message, severity: SeverityOf(import));
            yield break;
        }
    }
}
