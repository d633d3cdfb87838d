using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Platform;

internal sealed class GoEnvFileLineRule : Rule
{
    public override string Id => "GOENV0130";

    public override string Title => "A go env file line does not set what it seems to";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoEnv;

    public override string Description => "Go reads its env file (`go env -w`, $GOENV or ~/.config/go/env) literally: KEY=VALUE split at the first `=`, no trimming, no quoting, no `export`, and a line must start with an upper-case letter. `GOPRIVATE = corp.example.com` sets a variable named \"GOPRIVATE \" (with a space), `export GOFLAGS=-mod=mod` is ignored, `GOSUMDB=\"off\"` keeps the quotes. Go silently ignores what was meant — and a file it cannot read at all (no permission, a directory) is ignored whole, without a word.";

    public override string Fix => "Write the line as KEY=VALUE with nothing around the `=` — or better, use `go env -w KEY=VALUE`.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var file = snapshot.UserEnvFile;
        if (file is null)
        {
            yield break;
        }

        if (file.ReadError is { } error)
        {
            yield return Report(snapshot, $"The go env file {file.Path} cannot be read ({error}): Go ignores it silently, so none of its settings apply (and `go env -w` fails).", $"Make {file.Path} a file the build user can read, or point GOENV elsewhere (GOENV=off for none).");
            yield break;
        }

        foreach (var entry in file.SuspiciousLines)
        {
            var key = entry.Key.Trim();
            var what = entry.Text.TrimStart().StartsWith("export ", StringComparison.Ordinal) || !entry.Text.StartsWith(key, StringComparison.Ordinal)
                ? "Go ignores this line (it does not start with the variable name)"
                : $"Go reads it as a variable named {Quote(entry.Key)}, not {key}";
            yield return ReportAt(snapshot, file.Path, entry.Line, $"{file.Path} line {entry.Line} ({Quote(entry.Text.TrimEnd('\r'))}): {what}, so {key} is not set by it.", $"Write it as {key}={entry.Value.Trim()} (or run `go env -w {key}={entry.Value.Trim()}`).", variable: key);
        }

        foreach (var entry in file.Entries.Values)
        {
            var v = entry.Value;
            if (v.EndsWith('\r') && entry.Key == GoVariableNames.GoFlags)
            {
                // GOFLAGS is split at white space, carriage returns included (strings.Fields; quoted.Split from 1.21).
                yield return ReportAt(snapshot, file.Path, entry.Line, $"{file.Path} line {entry.Line} ends with a carriage return (a CRLF file): Go keeps it in GOFLAGS, but splits GOFLAGS at white space, so it does no harm there (other lines of the file would keep theirs).", "Save the file with LF line endings.", Severity.Notice, entry.Key);
            }
            else if (v.EndsWith('\r'))
            {
                yield return ReportAt(snapshot, file.Path, entry.Line, $"{file.Path} line {entry.Line} ends with a carriage return (a CRLF file): Go keeps it, so {entry.Key} is {Quote(v)}.", "Save the file with LF line endings.", variable: entry.Key);
            }
            else if (entry.Key != GoVariableNames.GoFlags && v.Length >= 2 && v[0] is '"' or '\'' && v[^1] == v[0])
            {
                yield return ReportAt(snapshot, file.Path, entry.Line, $"{file.Path} line {entry.Line}: Go keeps the quotes, so {entry.Key} is {Quote(v)}, not {v[1..^1]}.", $"Write {entry.Key}={v[1..^1]}.", variable: entry.Key);
            }
        }
    }
}
