using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Caches;

internal sealed class GoCacheOffRule : Rule
{
    public override string Id => "GOENV0030";

    public override string Title => "GOCACHE=off";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoCache;

    public override string Description => "Since Go 1.12 the build cache cannot be turned off. Every command that builds (build, install, run, test, vet, list -export) fails: `build cache is disabled by GOCACHE=off, but required as of Go 1.12`.";

    public override string Fix => "Unset GOCACHE, or set it to a writable absolute directory (a temporary one if you want no reuse between runs).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var variable = snapshot.Variable(GoVariableNames.GoCache);
        if (variable.IsExplicit && variable.RawValue == "off")
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoCache)} is off: every build fails with \"build cache is disabled by GOCACHE=off, but required as of Go 1.12\".", $"Set GOCACHE to a writable absolute directory; {WhereToChange(snapshot, GoVariableNames.GoCache)}.");
        }
    }
}
