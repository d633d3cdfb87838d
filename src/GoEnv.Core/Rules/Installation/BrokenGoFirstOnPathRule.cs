using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class BrokenGoFirstOnPathRule : Rule
{
    public override string Id => "GOENV0006";

    public override string Title => "The first `go` on PATH is broken; a working one is behind it";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => "PATH";

    public override string Description => "The `go` that PATH finds first fails on its own — it crashes, hangs, cannot start (a binary for another architecture, a wrapper script that errs), or exits with an error that names no variable — while a `go` later on PATH answers the same request. Every step that runs `go` gets the broken one: the fault is the PATH order (or a stale install), not the Go environment.";

    public override string Fix => "Put the working go's directory first on PATH, or remove the broken installation.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.WorkingGoBehind is { } working && snapshot.Go is { } broken)
        {
            var why = snapshot.Probe.Message.Trim().Split('\n')[0];
            yield return Report(snapshot, $"PATH finds {broken.Path} first, and it fails ({why}); {working.Path}, later on PATH, works: every `go` step runs the broken one.", $"Put {Path.GetDirectoryName(working.Path)} first on PATH, or remove {broken.Path}.");
        }
    }
}
