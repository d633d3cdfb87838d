using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Modules;

internal sealed class WorkspaceGoVersionRule : Rule
{
    public override string Id => "GOENV0112";

    public override string Title => "A workspace module needs a newer go than go.work lists";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoWork;

    public override string Description => "From Go 1.21, the go line of go.work must be at least the go line of every module it uses (when that is 1.21 or newer); otherwise every module command fails: `go: module a listed in go.work file requires go >= 1.22, but go.work lists go 1.21; to update it: go work use`. A go.work without a go line counts as go 1.18. Go 1.19 does not check.";

    public override string Fix => "Run `go work use` (it raises go.work's go line), or edit go.work's go line.";

    public override string Versions => "1.21+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.GoWork is not { } work || snapshot.RunningVersion is not { } release || !release.AtLeast(1, 21) || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        var workVersion = work.GoLineVersion ?? GoVersion.ParseStrict("1.18")!;
        var verb = work.Go is null ? "implicitly requires" : "lists";
        foreach (var module in snapshot.WorkspaceModules)
        {
            if (module.GoMod?.Go is { } goLine && module.GoMod.GoLineVersion is { } moduleVersion && moduleVersion > workVersion && moduleVersion.AtLeast(1, 21))
            {
                var dir = GoStrings.ShortPath(module.Directory, snapshot.Host.WorkingDirectory);
                yield return ReportAt(snapshot, work.Path, work.Go?.Line ?? module.Use.Line, $"go.work {verb} go {workVersion.Text}, but the module in {module.Use.Value} says go {goLine.Value} ({module.GoMod.Path}:{goLine.Line}): every module command fails with \"go: module {dir} listed in go.work file requires go >= {goLine.Value}, but go.work {verb} go {workVersion.Text}\".", $"Run `go work use` in {Path.GetDirectoryName(work.Path)} (it raises go.work's go line to go {goLine.Value}).");
            }
        }
    }
}
