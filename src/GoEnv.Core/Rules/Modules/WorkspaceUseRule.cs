using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Modules;

internal sealed class WorkspaceUseRule : Rule
{
    public override string Id => "GOENV0111";

    public override string Title => "go.work uses a directory without a go.mod";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoWork;

    public override string Description => "Every `use` directory of the go.work in use must hold a go.mod. A directory that does not exist (a module removed, a sparse or partial checkout) or has no go.mod fails every module command: `go: cannot load module missing listed in go.work file: open missing/go.mod: no such file or directory` (Go 1.19: `go: open …/missing/go.mod: no such file or directory`).";

    public override string Fix => "Remove the line (`go work edit -dropuse=DIR`), check the module out, or set GOWORK=off to build one module alone.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.GoWork is not { } work || snapshot.Version is not { } version || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        var cwd = snapshot.Host.WorkingDirectory;
        foreach (var module in snapshot.WorkspaceModules.Where(m => m.GoMod is null))
        {
            var goMod = Path.Combine(module.Directory, "go.mod");
            var what = Directory.Exists(module.Directory) ? "has no go.mod" : "does not exist";
            var goText = version.AtLeast(1, 21)
                ? $"go: cannot load module {GoStrings.ShortPath(module.Directory, cwd)} listed in go.work file: open {GoStrings.ShortPath(goMod, cwd)}: no such file or directory"
                : $"go: open {goMod}: no such file or directory";
            yield return ReportAt(snapshot, work.Path, module.Use.Line, $"go.work line {module.Use.Line} uses {module.Use.Value}, which {what} ({module.Directory}): every module command fails with \"{goText}\".", $"Remove the line (`go work edit -dropuse={module.Use.Value}`), check that module out, or set GOWORK=off.");
        }
    }
}
