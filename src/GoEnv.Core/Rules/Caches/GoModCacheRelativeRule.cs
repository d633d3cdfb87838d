using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoModCacheRelativeRule : Rule
{
    public override string Id => "GOENV0040";

    public override string Title => "GOMODCACHE is not absolute";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoModCache;

    public override string Description => "GOMODCACHE must be an absolute path. `go env` does not complain; the first command that touches the module cache (a download, `go build` of a module with dependencies) fails: `go: GOMODCACHE entry is relative; must be absolute path: \"x\".`";

    public override string Fix => "Use an absolute path, or unset GOMODCACHE (the default is the first GOPATH entry's pkg/mod).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoModCache);
        var value = variable.Value;
        if (value.Length > 0 && !Path.IsPathFullyQualified(value))
        {
            var origin = variable.IsExplicit ? Origin(snapshot, GoVariableNames.GoModCache) : "GOMODCACHE (derived from a relative GOPATH or HOME)";
            yield return Report(snapshot, $"{origin} is {Quote(value)}, a relative path: the first module download fails with \"go: GOMODCACHE entry is relative; must be absolute path: {QuoteInGoLine(value)}.\"", $"Use an absolute path; {WhereToChange(snapshot, GoVariableNames.GoModCache)}.");
        }
    }
}
