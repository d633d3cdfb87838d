using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoProxyMissingMirrorRule : Rule
{
    public override string Id => "GOENV0074";

    public override string Title => "A file:// GOPROXY entry names a directory that does not exist";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoProxy;

    public override string Description => "A file:// GOPROXY entry is a module mirror on disk (a restored cache artifact, a vendored proxy tree). When its directory does not exist Go treats every lookup there as \"not found\" and moves on to the next entry, so the mirror is silently not used; when no later entry can serve (the list ends, or `off` follows), every module download fails. A typo in the path or a cache restore that did not happen are the usual causes." + TestFilesNote;

    public override string Fix => "Point the entry at the mirror's directory (file:///abs/path, the directory holding the module paths), create or restore it before Go runs, or drop the entry.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var list = GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy));
        if (list.Error is not null)
        {
            yield break;
        }

        for (var i = 0; i < list.Entries.Count; i++)
        {
            var entry = list.Entries[i];
            if (entry.MirrorDirectory is not { } directory || Directory.Exists(directory))
            {
                continue;
            }

            var fallback = list.Entries.Skip(i + 1).FirstOrDefault(e => e.Url != "off" && !(e.MirrorDirectory is { } d && !Directory.Exists(d)));
            var missing = snapshot.Graph.ToFetch.OrderBy(m => !m.NeededByBuild).ToList();
            if (fallback is null && missing.Count > 0)
            {
                var first = missing[0];
                var import = first.FirstImport!;
                yield return ReportAt(snapshot, first.RequiredIn, first.RequireLine, $"{Origin(snapshot, GoVariableNames.GoProxy)} has the mirror {entry.Text}, whose directory {directory} does not exist, and no entry after it can serve: {missing.Count} module(s) the build needs are not in the module cache, e.g. {first.Path} {first.Version} (go.mod line {first.RequireLine}, imported as {import.ImportPath}), so {WhoFails(import)}: it cannot be downloaded.", FixWhere(snapshot, GoVariableNames.GoProxy), SeverityOf(import) ?? Severity.Error);
            }
            else
            {
                var then = fallback is null ? "nothing needs downloading now, but the first new module will fail" : $"Go falls back to {fallback.Text} for every module";
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoProxy)} has the mirror {entry.Text}, whose directory {directory} does not exist: Go treats it as empty, so {then}.", FixWhere(snapshot, GoVariableNames.GoProxy));
            }
        }
    }
}
