using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoProxyInvalidRule : Rule
{
    public override string Id => "GOENV0070";

    public override string Title => "GOPROXY cannot be parsed";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "GOPROXY is a list of proxy URLs separated by `,` (next on 404/410) or `|` (next on any error); entries are trimmed; `off` and `direct` end the list; each URL needs the scheme https, http or file (`file:///abs/path`); a bare host like `proxy.example.com` gets https:// added. Go checks none of this until the first module download, which then fails: `invalid proxy URL missing scheme: foo`, `invalid proxy URL scheme (must be https, http, file): ftp://x`, `invalid file:// proxy URL with non-path elements: file:/tmp/p`, `GOPROXY list is not the empty string, but contains no entries` (also what an empty GOPROXY gives when $GOROOT/go.env is missing, Go 1.21+).";

    public override string Fix => "Use e.g. GOPROXY=https://proxy.golang.org,direct, or a full URL for your own proxy.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoProxy);
        // Without a working `go` the value is a guess from defaults; GOENV0001/0003 say what is wrong.
        if (snapshot.Go is null || snapshot.Version is null)
        {
            yield break;
        }

        if (value.Length == 0)
        {
            var why = snapshot.GoAtLeast(1, 21) && snapshot.GoRootEnvFile is { Exists: false } goEnv
                ? $" because {goEnv.Path} is missing (Go 1.21+ takes GOPROXY's default from it)"
                : "";
            yield return Report(snapshot, $"GOPROXY is empty{why}: the first module download fails with the misleading \"GOPROXY list is not the empty string, but contains no entries\".", "Set GOPROXY=https://proxy.golang.org,direct (or your proxy) explicitly, or restore $GOROOT/go.env.");
            yield break;
        }

        var parsed = GoProxyList.Parse(value);
        if (parsed.Error is { } error)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoProxy)} is {Quote(value)}: Go accepts it until the first module download, which fails with \"{error}\".", $"{Fix} {char.ToUpperInvariant(WhereToChange(snapshot, GoVariableNames.GoProxy)[0])}{WhereToChange(snapshot, GoVariableNames.GoProxy)[1..]}.");
        }
        else if (parsed.IgnoredTail is { } tail)
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoProxy)} is {Quote(value)}: everything after \"{parsed.Entries[^1].Text}\" ({Quote(tail.Trim())}) is ignored by Go.", "Put direct/off last.", Severity.Notice);
        }
    }
}
