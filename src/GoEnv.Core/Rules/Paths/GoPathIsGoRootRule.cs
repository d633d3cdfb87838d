using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Paths;

internal sealed class GoPathIsGoRootRule : Rule
{
    public override string Id => "GOENV0021";

    public override string Title => "GOPATH is GOROOT";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoPath;

    public override string Description => "GOPATH and GOROOT are the same directory. Go prints a warning on every command (`warning: GOPATH set to GOROOT (…) has no effect`; from 1.24 `warning: both GOPATH and GOROOT are the same directory`), and the module cache and installed binaries then land inside the Go installation.";

    public override string Fix => "Set GOPATH to a directory of its own (the default is $HOME/go), or unset it.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goRoot = snapshot.Value(GoVariableNames.GoRoot);
        var comparison = snapshot.IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var entry in snapshot.Value(GoVariableNames.GoPath).Split(snapshot.Host.PathListSeparator))
        {
            if (entry.Length > 0 && goRoot.Length > 0 && Path.IsPathFullyQualified(entry) && Path.IsPathFullyQualified(goRoot)
                && string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(entry)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(goRoot)), comparison))
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoPath)} contains {entry}, which is GOROOT. Go warns on every command and ignores that entry.");
                yield break;
            }
        }
    }
}
