using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoModCacheUnusableRule : Rule
{
    public override string Id => "GOENV0041";

    public override string Title => "GOMODCACHE cannot be written, or belongs to another user";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoModCache;

    public override string Description => "Go creates the module cache on the first download and writes every downloaded module into it. When it is a file, cannot be created or is not writable, downloads fail (`could not create module cache: …`, `permission denied`). When it belongs to another user — typically after `sudo go mod download` — this run may still work, but the next step as the other user cannot add modules or clean it (module files are read-only: `go clean -modcache` and workspace cleanup fail).";

    public override string Fix => "Give the build user its own GOMODCACHE, or chown the cache back (`sudo chown -R $(id -u) \"$(go env GOMODCACHE)\"`); never run `go mod download` with sudo.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoModCache);
        if (value.Length == 0 || !Path.IsPathFullyQualified(value))
        {
            yield break;
        }

        if (CacheDirectories.Unusable(value) is { } problem)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoModCache)} is {value}, which {problem}: module downloads will fail.");
        }
        else if (CacheDirectories.OwnedByAnotherUser(value, out var owner, out var me))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoModCache)} is {value}, owned by uid {owner} while Go runs as uid {me}: its read-only module files cannot be changed or cleaned by the other user (the `sudo go mod download` trap).", severity: Severity.Warning);
        }
    }
}
