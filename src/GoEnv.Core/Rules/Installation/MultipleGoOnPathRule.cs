using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class MultipleGoOnPathRule : Rule
{
    public override string Id => "GOENV0004";

    public override string Title => "Several Go installations on PATH";

    public override Severity DefaultSeverity => Severity.Notice;

    public override string? Variable => "PATH";

    public override string Description => "More than one `go` executable is on PATH. Only the first is used; a step that changes PATH (or a tool that searches it differently) silently gets another Go version.";

    public override string Fix => "Keep one Go on PATH, or pin the one to use (goenv-action pin writes GOROOT and PATH for later steps).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.GoOnPath.Count > 1)
        {
            var list = string.Join(", ", snapshot.GoOnPath.Select(g => g.Path == g.ResolvedPath ? g.Path : $"{g.Path} (→ {g.ResolvedPath})"));
            yield return Report(snapshot, $"{snapshot.GoOnPath.Count} different `go` executables are on PATH: {list}. The first one is used.");
        }
    }
}
