using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoSumDbInvalidRule : Rule
{
    public override string Id => "GOENV0080";

    public override string Title => "GOSUMDB cannot be parsed";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoSumDb;

    public override string Description => "GOSUMDB is `off`, `sum.golang.org` (or `sum.golang.google.cn`), or a verifier key `<name>+<8 hex digits>+<base64 Ed25519 key>`, optionally followed by one space and the database URL. Go checks it only when it first needs the checksum database (a module not yet in go.sum), which then fails: `verifying go.mod: invalid GOSUMDB: malformed verifier id` (`verifying module: …` when only a zip's checksum is missing).";

    public override string Fix => "Use GOSUMDB=sum.golang.org, the full verifier key of your own checksum database, or exclude private modules with GONOSUMDB/GOPRIVATE instead.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoSumDb);
        if (snapshot.Go is null || snapshot.Version is null || (value.Length == 0 && !snapshot.GoAtLeast(1, 21)))
        {
            yield break;
        }

        if (GoSumDb.Validate(value, out _) is { } error)
        {
            var why = value.Length == 0 && snapshot.GoRootEnvFile is { Exists: false } goEnv ? $" (empty because {goEnv.Path} is missing)" : "";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoSumDb)} is {Quote(value)}{why}: the first checksum lookup (a go.mod's, before any zip's) fails with \"verifying go.mod: {error}\".");
        }
    }
}
