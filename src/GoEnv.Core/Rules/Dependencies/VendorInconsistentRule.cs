using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class VendorInconsistentRule : Rule
{
    public override string Id => "GOENV0150";

    public override string Title => "vendor/modules.txt does not match go.mod/go.work";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "In vendor mode (-mod=vendor, or by default when go.mod's go line is at least 1.14 and vendor/ exists; beside go.work from Go 1.22) Go first checks that vendor/modules.txt records exactly the requirements and replacements of go.mod (and go.work): every required module marked `## explicit` at the required version, every `replace` recorded with the same target, nothing marked explicit or replaced that go.mod does not say. Any difference stops every build: `go: inconsistent vendoring in DIR: example.com/x@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt`.";

    public override string Fix => "Run `go mod vendor` (`go work vendor` in a workspace) and commit vendor/; or, to build without vendor/, set GOFLAGS=-mod=readonly (the modules are then downloaded).";

    public override string Versions => "all supported Go versions; the wording of replacements names the file from Go 1.22";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (graph.Mode != BuildMode.Vendor)
        {
            yield break;
        }

        foreach (var problem in graph.VendorProblems)
        {
            var against = Path.GetFileName(problem.File) == "modules.txt" ? "go.mod" : Path.GetFileName(problem.File);
            yield return ReportAt(snapshot, problem.File, problem.Line, $"vendor/modules.txt disagrees with {against}, and vendor mode is in force ({graph.ModeReason}): every build in {graph.VendorRoot} stops on inconsistent vendoring and fails with \"{problem.GoLine}\".", variable: graph.ModeFromGoFlags ? GoVariableNames.GoFlags : null);
        }
    }
}
