using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoNotFoundRule : Rule
{
    public override string Id => "GOENV0001";

    public override string Title => "No usable Go installation";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "There is no `go` executable on PATH (or the one given with --go does not exist, is not executable, or is a broken or looping symbolic link). Every later Go step of the pipeline would fail with `go: command not found`.";

    public override string Fix => "Install Go (e.g. actions/setup-go, a golang image, or a Debian golang-1.N-go package) and put its bin directory on PATH, or pass --go /path/to/go.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.GoProblem is { } problem)
        {
            // A problem with --go is about the command line, not about a variable.
            var fromPath = !problem.StartsWith("--go", StringComparison.Ordinal);
            if (snapshot.InstalledElsewhere is [var newest, ..] installed)
            {
                // Debian's golang-1.N-go, a tool cache or ~/sdk install Go without putting it on PATH.
                var list = string.Join(", ", installed.Select(t => $"go{t.Version.Text} in {t.GoRoot}"));
                yield return Report(snapshot, $"No usable Go: {problem}, but Go is installed elsewhere: {list}.", $"Put {Path.Combine(newest.GoRoot, "bin")} first on PATH (or pass --go {newest.GoExecutable(snapshot.Host.Os)}); `goenv-action pin --go-version-file go.mod` picks the installation go.mod asks for.", variable: "PATH");
                yield break;
            }

            yield return Report(snapshot, $"No usable Go: {problem}.", variable: fromPath ? "PATH" : null);
        }
    }
}
