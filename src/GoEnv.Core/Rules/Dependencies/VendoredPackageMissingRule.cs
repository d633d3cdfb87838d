using GoEnv.Core.Findings;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class VendoredPackageMissingRule : Rule
{
    public override string Id => "GOENV0151";

    public override string Title => "a package the build imports is not in vendor/";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "In vendor mode Go takes every imported package from vendor/ and looks nothing up: a package that vendor/modules.txt does not list, or whose directory under vendor/ has no .go files (deleted, or left out by a .gitignore or a Docker context), fails the build: `cannot find module providing package example.com/x: import lookup disabled by -mod=vendor`." + TestFilesNote;

    public override string Fix => "Run `go mod vendor` (`go work vendor` in a workspace) and commit all of vendor/ (check .gitignore for vendor paths).";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var graph = snapshot.Graph;
        if (graph.Mode != BuildMode.Vendor || graph.VendorProblems.Count > 0)
        {
            yield break;
        }

        foreach (var import in graph.MissingVendoredPackages)
        {
            var listed = graph.Vendor?.ProviderOf(import.ImportPath) is not null;
            var why = listed ? $"vendor/modules.txt lists it but vendor/{import.ImportPath} is gone" : "vendor/modules.txt does not list it";
            // Go 1.19 looks in the package's vendor directory when modules.txt lists it and reports the directory instead.
            var goText = listed && !snapshot.GoAtLeast(1, 21)
                ? "cannot find package \\\".\\\" in:"
                : $"cannot find module providing package {import.ImportPath}: import lookup disabled by -mod=vendor";
            yield return ReportAt(snapshot, import.File, import.Line, $"{import.ImportedBy} imports {import.ImportPath}, and {why}. Vendor mode is in force ({graph.ModeReason}), so {WhoFails(import)} with \"{goText}\".", severity: SeverityOf(import), variable: graph.ModeFromGoFlags ? GoVariableNames.GoFlags : null);
        }
    }
}
