using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheRelativeRule : Rule
{
    public override string Id => "GOENV0031";

    public override string Title => "GOCACHE is not absolute";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "GOCACHE must be an absolute path. `go env GOCACHE` then prints `off`, and every build fails: `build cache is required, but could not be located: GOCACHE is not an absolute path`.";

    public override string Fix => "Use an absolute path (e.g. $RUNNER_TEMP/go-build or $CI_PROJECT_DIR/.cache/go-build).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoCache);
        if (variable.IsExplicit && variable.RawValue is { Length: > 0 } raw && raw != "off" && !Path.IsPathFullyQualified(raw))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCache)} is {Quote(raw)}, a relative path: every build fails with \"build cache is required, but could not be located: GOCACHE is not an absolute path\".", $"Use an absolute path; {WhereToChange(snapshot, GoVariableNames.GoCache)}.");
        }
    }
}
