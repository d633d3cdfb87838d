using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class NoVisibleCredentialsRule : Rule
{
    public override string Id => "GOENV0096";

    public override string Title => "No visible credentials for a private repository fetched from its origin";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => null;

    public override string Description => "A needed module that the module cache lacks is fetched from its origin with git, its path is private (GOPRIVATE or GONOPROXY matches it, or its host is a private-network name), and nothing GoEnv can see gives git credentials where it goes: over https no user-info in an insteadOf URL, no credential helper (`credential.helper`, `credential.<url>.helper`), no `http.extraheader` (what actions/checkout sets), no ~/.netrc machine, no askpass program; over ssh no agent, key or ssh command. Go runs git with GIT_TERMINAL_PROMPT=0, so git cannot ask: a private repository then fails with `terminal prompts disabled`, `Authentication failed` or, for a root with a .git suffix, `no secure protocol found for repository`. It may still work: the repository may allow anonymous reads, or a helper GoEnv does not see (a system credential manager, a proxy) may answer — `check --probe` asks the server and turns this into a fact." + TestFilesNote;

    public override string Fix => "Give git credentials for the host before Go runs: `git config --global url.\"https://oauth2:${TOKEN}@git.corp.example/\".insteadOf \"https://git.corp.example/\"`, a credential helper, a ~/.netrc machine, or an ssh key with an ssh rewrite; then run `check --probe` to confirm.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        // One finding per host git goes to: a private graph often has many repositories on one server.
        var uncovered = snapshot.Graph.ToFetch
            .Where(m => m.Access is { NoVisibleCredentials: true } && m.Probe is null && (m.RepositoryIsPrivate || m.PrivateEvidence is not null) && !m.VcsForbidden && !m.VcsMissing)
            .OrderBy(m => !m.NeededByBuild)
            .GroupBy(m => (m.Access!.Transport, Host: Discovery.FetchAccess.HostOf(m.Access.Target)));
        foreach (var group in uncovered)
        {
            var module = group.First();
            var access = module.Access!;
            var import = module.FirstImport!;
            var why = module.RepositoryIsPrivate ? "GOPRIVATE makes it private" : module.PrivateEvidence!;
            var looked = access.Transport == GitTransport.Ssh
                ? "no SSH agent (SSH_AUTH_SOCK), key in ~/.ssh or ssh command"
                : "no user-info in an insteadOf URL, credential helper, http.extraheader, .netrc machine or askpass program";
            var where = access.Rewritten is null ? access.Url : $"{access.Target} (insteadOf at {access.RewriteWhere})";
            var others = group.Count() > 1 ? $" The same holds for {group.Count() - 1} more module(s) on that host: {ModuleList([.. group.Skip(1)])}." : "";
            yield return ReportAt(snapshot, import.File, import.Line, $"{module.Describe()} is not in the module cache and {module.DirectBecause} ({why}): git goes to {where}, and GoEnv sees {looked} for it. If the repository needs credentials, {import.ImportedBy}'s import of {import.ImportPath} fails (git runs with terminal prompts disabled); something GoEnv cannot see (a system credential manager, ssh set up elsewhere) may still provide them — `check --probe` asks the server.{others}", severity: Severity.Warning);
        }
    }
}
