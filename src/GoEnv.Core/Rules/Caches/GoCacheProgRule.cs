using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheProgRule : Rule
{
    public override string Id => "GOENV0035";

    public override string Title => "GOCACHEPROG does not start or does not answer";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCacheProg;

    public override string Description => "GOCACHEPROG (Go 1.24+; 1.21–1.23 only with GOEXPERIMENT=cacheprog, otherwise ignored) names a program, with arguments split like GOFLAGS, that Go starts for every build to hold the build cache (remote caches for teams). It must start and announce its capabilities at once, a JSON line {\"ID\":0,\"KnownCommands\":[\"get\",\"put\",\"close\"]}; otherwise every build fails (`go: error starting GOCACHEPROG program \"x\": exec: \"x\": executable file not found in $PATH`, `GOCACHEPROG x declared no supported commands`, `GOCACHEPROG exited pre-Close with 1 pending requests` when it exits without a word) or hangs (Go waits for the answer without end, logging `# still waiting for GOCACHEPROG x ...` every 5 s). GoEnv starts it the same way with 5 s to answer. Its arguments may carry a token: GoEnv redacts the values of flags named like one.";

    public override string Fix => "Install the cache program on the runner (and put it on PATH or give its absolute path), or unset GOCACHEPROG to use GOCACHE.";

    public override string Versions => "1.24+ (1.21–1.23 with GOEXPERIMENT=cacheprog)";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoCacheProg);
        if (value.Length == 0 || snapshot.Go is null)
        {
            yield break;
        }

        if (snapshot.CacheProg is not { } handshake)
        {
            if (!CacheProgHandshake.UsedBy(snapshot.Version, snapshot.Value(GoVariableNames.GoExperiment)))
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCacheProg)} is set, but Go {snapshot.VersionText} ignores it (it needs Go 1.24, or GOEXPERIMENT=cacheprog from 1.21): builds use GOCACHE ({snapshot.Value(GoVariableNames.GoCache)}), not the cache program.", "Use Go 1.24+ (or add cacheprog to GOEXPERIMENT on 1.21–1.23), or unset GOCACHEPROG.", Severity.Notice);
            }

            yield break;
        }

        if (handshake.Problem is { } problem)
        {
            var outcome = problem.Contains("within", StringComparison.Ordinal) ? $"{problem}" : $"every build fails with \"{problem}\"";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCacheProg)} runs {Quote(handshake.Program)}, which does not work as a cache program: {outcome}.", FixWhere(snapshot, GoVariableNames.GoCacheProg));
        }
    }
}
