using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GodebugRule : Rule
{
    public override string Id => "GOENV0104";

    public override string Title => "A godebug line the running Go rejects";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Go 1.23+ checks every `godebug` setting of go.mod (outside workspace mode) or go.work (in workspace mode) against its own table of GODEBUG settings before any module command: `go: error loading go.mod:` `go.mod:5: unknown godebug \"nosuchkey\"`; also `default=go1.30 too new (toolchain is go1.27.3)`, spaces or commas in a key or value, and settings the release removed (1.26: `use of removed godebug`; 1.27: only when set to the old value, `removed GODEBUG \"x509sha1\" set to old value \"1\"`). The release is the toolchain GOTOOLCHAIN selects; its table is read from its GOROOT.";

    public override string Fix => "Remove the setting, or run a Go release that knows it (and raise the go line accordingly).";

    public override string Versions => "1.23+ (older releases cannot parse `godebug` at all: GOENV0102)";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.RunningVersion is not { } release || !release.AtLeast(1, 23) || snapshot.Godebugs is not { } table || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        // modload checks go.work's godebug lines in workspace mode and the main module's otherwise.
        var file = snapshot.GoWork ?? snapshot.GoMod;
        if (file is null || (file.GoLineVersion is { } wanted && wanted > release))
        {
            yield break;
        }

        var shown = GoStrings.ShortPath(file.Path, snapshot.Host.WorkingDirectory);
        var kind = file.IsWorkspace ? "go.work" : "go.mod";
        foreach (var setting in file.Godebugs)
        {
            if (table.Check(setting, release) is { } error)
            {
                yield return ReportAt(snapshot, file.Path, setting.Line, $"{Path.GetFileName(file.Path)} line {setting.Line} sets godebug {setting.Key}{(setting.Value is null ? "" : "=" + setting.Value)}, which go{release.Text} rejects: every module command fails with \"{shown}:{setting.Line}: {error}\" (go: error loading {kind}).", variable: file.IsWorkspace ? GoVariableNames.GoWork : null);
            }
        }
    }
}
