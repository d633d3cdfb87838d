using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Platform;

internal sealed class GodebugEnvRule : Rule
{
    public override string Id => "GOENV0124";

    public override string Title => "GODEBUG is set";

    public override Severity DefaultSeverity => Severity.Notice;

    public override string? Variable => GoVariableNames.GoDebug;

    public override string Description => "GODEBUG (a comma list of key=value) changes how Go programs behave at run time — the tests the job runs, and cmd/go itself for the keys its own package reads (gocachehash, gocacheverify, toolchaintrace, installgoroot, …). Go never validates the variable: an unknown key is ignored without a word. It is read from the OS environment only and is part of `go test`'s cache key. GoEnv names the keys that change cmd/go and the ones the running release does not know (looked up in its own GODEBUG table).";

    public override string Fix => "Keep GODEBUG out of CI unless a test needs it; prefer `godebug` lines in go.mod, which Go checks.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoDebug);
        if (value.Length == 0)
        {
            yield break;
        }

        var keys = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(kv => kv.Split('=')[0]).Distinct(StringComparer.Ordinal).ToList();
        var table = snapshot.Godebugs;
        var goCommand = table is null ? [] : keys.Where(k => table.PackageOf(k) == "cmd/go").ToList();
        var unknown = table is null ? [] : keys.Where(k => !table.Knows(k)).ToList();
        var parts = new List<string>();
        if (goCommand.Count > 0)
        {
            parts.Add($"{string.Join(", ", goCommand)} change{(goCommand.Count == 1 ? "s" : "")} how the go command itself works");
        }

        if (unknown.Count > 0)
        {
            parts.Add($"go{snapshot.RunningVersion?.Text} does not know {string.Join(", ", unknown)} (ignored without a word)");
        }

        yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoDebug)} is {Quote(value)}: it changes the behaviour of every Go program the job runs, tests included{(parts.Count == 0 ? "" : "; " + string.Join("; ", parts))}.");
    }
}
