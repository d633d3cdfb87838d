using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class DependencyNeedsNewerGoRule : Rule
{
    public override string Id => "GOENV0155";

    public override string Title => "a dependency needs a newer Go than the toolchain that runs";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoToolchain;

    public override string Description => "From Go 1.21 a module's go line is a minimum: when a module that provides an imported package says `go 1.30` and the running toolchain is older, the build fails with `go: example.com/x@v1.0.0 requires go >= 1.30 (running go 1.27.3; GOTOOLCHAIN=local)`. `go build` does not switch toolchains for a dependency, even with GOTOOLCHAIN=auto (only go.mod's own go and toolchain lines do). In vendor mode the go versions recorded in vendor/modules.txt are checked the same way, for every vendored module. Required modules whose packages are not imported are not checked. Go 1.19 builds anyway." + TestFilesNote;

    public override string Fix => "Run the build with a Go at least as new as the dependency's go line (raise go.mod's go or toolchain line so that GOTOOLCHAIN=auto switches, or install that Go), or require an older version of the dependency.";

    public override string Versions => "Go 1.21+";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.RunningVersion is not { } running || !running.AtLeast(1, 21))
        {
            yield break;
        }

        var graph = snapshot.Graph;
        var explain = TooNewExplanation(snapshot);
        if (graph.Mode == BuildMode.Vendor && graph.Vendor is { } vendor)
        {
            var modulesTxt = GoStrings.ShortPath(vendor.Path, snapshot.Host.WorkingDirectory);
            var tooNew = vendor.Modules.FirstOrDefault(m => GoVersion.ParseStrict(m.GoVersion) is { } v && v > running);
            if (tooNew is not null)
            {
                // readVendorList stops at the first such line.
                yield return ReportAt(snapshot, vendor.Path, tooNew.Line, $"vendor/modules.txt records go {tooNew.GoVersion} for {tooNew.Describe()}, newer than the running {running}: every build fails with \"go: {tooNew.Path} in {modulesTxt} requires go >= {tooNew.GoVersion} (running go {running.Text}{explain})\".");
            }

            yield break;
        }

        foreach (var module in graph.Modules.Where(m => m.ProvidesPackages && GoVersion.ParseStrict(m.GoLine) is { } v && v > running).OrderBy(m => !m.NeededByBuild))
        {
            var import = module.FirstImport!;
            yield return ReportAt(snapshot, module.RequiredIn, module.RequireLine, $"{module.Describe()} says go {module.GoLine} and {import.ImportedBy} imports {import.ImportPath} from it, but the toolchain that runs is {running}: {WhoFails(import)} with \"go: {module.Describe()} requires go >= {module.GoLine} (running go {running.Text}{explain})\". `go build` does not switch toolchains for a dependency.", severity: SeverityOf(import));
            yield break;
        }
    }
}
