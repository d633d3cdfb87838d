using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoVcsInvalidRule : Rule
{
    public override string Id => "GOENV0092";

    public override string Title => "GOVCS cannot be parsed";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoVcs;

    public override string Description => "GOVCS is a comma list of `pattern:vcs|vcs` rules (`public`, `private` or a module path glob; git, hg, svn, bzr, fossil, all or off). Go only reads it when it is about to run a version control tool (a direct or GONOPROXY fetch), and then fails: `malformed entry in GOVCS (missing colon): \"bad\"`.";

    public override string Fix => "Use e.g. GOVCS=private:git,public:off (or unset it).";

    public override string Versions => "1.16+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (GoVcs.Validate(snapshot.Value(GoVariableNames.GoVcs)) is { } error)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoVcs)} is {Quote(snapshot.Value(GoVariableNames.GoVcs))}: the first direct fetch fails with \"{error}\".");
        }
    }
}
