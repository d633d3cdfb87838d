using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoRootNotInstallationRule : Rule
{
    public override string Id => "GOENV0011";

    public override string Title => "GOROOT is not a Go installation";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoRoot;

    public override string Description => "GOROOT is a directory, but not a Go installation: it has no pkg/tool (the compiler and linker) or no src/runtime (the standard library). Go only checks that GOROOT exists, so `go env` and `go list -m` work, but every build fails, e.g. `package fmt is not in std (<GOROOT>/src/fmt)`.";

    public override string Fix => "Point GOROOT at the root of a Go installation (the directory holding bin/, pkg/tool/ and src/), or unset it.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goRoot = snapshot.Value(GoVariableNames.GoRoot);
        if (snapshot.Go is null || goRoot.Length == 0 || !Directory.Exists(goRoot))
        {
            yield break;
        }

        var missing = new List<string>();
        if (!Directory.Exists(Path.Combine(goRoot, "pkg", "tool")))
        {
            missing.Add("pkg/tool");
        }

        if (!Directory.Exists(Path.Combine(goRoot, "src", "runtime")))
        {
            missing.Add("src/runtime");
        }

        if (missing.Count > 0)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoRoot)} is {goRoot}, which has no {string.Join(" and no ", missing)}: it is not a Go installation, and builds will fail (e.g. \"package fmt is not in std\").");
        }
    }
}
