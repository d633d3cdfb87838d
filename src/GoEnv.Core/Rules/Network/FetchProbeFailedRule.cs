using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Network;

internal sealed class FetchProbeFailedRule : Rule
{
    public override string Id => "GOENV0099";

    public override string Title => "A private module could not be fetched when asked for real";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "With `check --probe` (and in `pin`, for a private repository whose credentials GoEnv cannot see), GoEnv runs `go mod download -json MODULE@VERSION` under the checked environment — GIT_TERMINAL_PROMPT=0, a scratch module cache, GOSUMDB=off, outside the module — once per private repository root (or module, through a proxy that is not a public one) that the build must fetch. An error is Go's own: an authentication failure (401, `terminal prompts disabled`, `Authentication failed`), a 404/410 that no later GOPROXY entry can answer, a server error; credentials in it are masked. A probe that does not answer within its limit (`--probe-timeout`, 30 s) is a warning: the build would wait on the same server." + TestFilesNote;

    public override string Fix => "Fix what the error names (credentials for git or the proxy, the proxy's URL, the module's version), then run `check --probe` again.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var module in snapshot.Graph.ToFetch.Where(m => m.Probe is { Outcome: FetchProbeOutcome.Failed or FetchProbeOutcome.TimedOut }).OrderBy(m => !m.NeededByBuild))
        {
            var probe = module.Probe!;
            var import = module.FirstImport!;
            var route = module.DirectBecause is { } because ? $"from its origin ({because})" : $"from {module.OriginDetail}";
            yield return probe.Outcome == FetchProbeOutcome.TimedOut
                ? ReportAt(snapshot, import.File, import.Line, $"{module.Describe()} is not in the module cache and is fetched {route}; asked for real (`go mod download {probe.Module}`), it did not answer within {probe.Elapsed.TotalSeconds:0.#} s and was stopped. {import.ImportedBy} imports {import.ImportPath} from it: the build would wait on the same server.", severity: Severity.Warning)
                : ReportAt(snapshot, import.File, import.Line, $"{module.Describe()} is not in the module cache and is fetched {route}; asked for real (`go mod download {probe.Module}`, {probe.Elapsed.TotalSeconds:0.0} s), Go failed with \"{probe.Error}\". {import.ImportedBy} imports {import.ImportPath} from it: {WhoFails(import)}.", severity: SeverityOf(import));
        }
    }
}
