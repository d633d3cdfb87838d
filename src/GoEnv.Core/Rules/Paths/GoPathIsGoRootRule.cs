using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Paths;

internal sealed class GoPathIsGoRootRule : Rule
{
    public override string Id => "GOENV0021";

    public override string Title => "GOPATH is GOROOT";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoPath;

    public override string Description => "GOPATH and GOROOT are the same directory. When the whole GOPATH, cleaned, is GOROOT's path (compared exactly, letter case included, on every OS), Go prints a warning on every command (`warning: GOPATH set to GOROOT (…) has no effect`; from 1.24 `warning: both GOPATH and GOROOT are the same directory`). When only the first entry names GOROOT's directory (in a list, or spelled in another letter case on Windows), Go says nothing, yet that entry still holds the module cache and installed binaries: they then land inside the Go installation (a notice).";

    public override string Fix => "Set GOPATH to a directory of its own (the default is $HOME/go, %USERPROFILE%\\go on Windows), or unset it.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goRoot = snapshot.Value(GoVariableNames.GoRoot);
        var gopath = snapshot.Value(GoVariableNames.GoPath);
        if (goRoot.Length == 0 || gopath.Length == 0 || !Path.IsPathFullyQualified(goRoot))
        {
            yield break;
        }

        // cmd/go: filepath.Clean(GOPATH) == filepath.Clean(GOROOT), a plain string comparison.
        if (Path.IsPathFullyQualified(gopath) && string.Equals(GoDefaults.Clean(gopath), GoDefaults.Clean(goRoot), StringComparison.Ordinal))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoPath)} is {gopath}, which is GOROOT: Go warns on every command (\"{Warning(snapshot, gopath)}\"), and the module cache and installed binaries land inside the Go installation.");
            yield break;
        }

        // The first entry (module cache, go install) names GOROOT's directory otherwise: in a list, or in another
        // letter case on Windows, whose file system folds case where Go's comparison does not.
        var comparison = snapshot.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (snapshot.Host.SplitList(gopath) is [var first, ..] && first.Length > 0 && Path.IsPathFullyQualified(first)
            && string.Equals(GoDefaults.Clean(first), GoDefaults.Clean(goRoot), comparison))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoPath)} starts with {first}, the directory of GOROOT ({goRoot}). Go does not warn (it compares the paths exactly), but the module cache and installed binaries land inside the Go installation.", severity: Severity.Notice);
        }
    }

    private static string Warning(GoSnapshot snapshot, string gopath) =>
        snapshot.Version is { } version && !version.AtLeast(1, 24)
            ? $"warning: GOPATH set to GOROOT ({gopath}) has no effect"
            : $"warning: both GOPATH and GOROOT are the same directory ({gopath}); see https://go.dev/wiki/InstallTroubleshooting";
}
