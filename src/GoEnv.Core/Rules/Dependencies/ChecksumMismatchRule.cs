using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Dependencies;

internal sealed class ChecksumMismatchRule : Rule
{
    public override string Id => "GOENV0153";

    public override string Title => "go.sum disagrees with the module in the module cache";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Go checks a module's zip (the cache's .ziphash) and its go.mod against go.sum whenever the build uses them, whatever GONOSUMDB or GOSUMDB say: a different hash stops the build with `verifying example.com/x@v1.0.0: checksum mismatch` (or `…@v1.0.0/go.mod: checksum mismatch`) and a SECURITY ERROR. Either go.sum was edited or merged wrongly, or the module cache (a restored CI cache) holds other content under the same version." + TestFilesNote;

    public override string Fix => "If go.sum is right, clear the module cache (`go clean -modcache`, or drop the restored cache) and download again; if the module cache is right, fix go.sum (`go mod tidy`) and review why it changed.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var module in snapshot.Graph.Modules.Where(m => m.ProvidesPackages && m.IsVerified))
        {
            var id = $"{module.SourcePath}@{module.SourceVersion}";
            var import = module.FirstImport!;
            if (module.ModSumDiffers && module.ModSum is { } mod && module.CachedModHash is { } cachedMod)
            {
                yield return ReportAt(snapshot, mod.File, mod.Line, $"go.sum says {mod.Hash} for {id}/go.mod, but the go.mod in the module cache ({snapshot.Value(GoVariableNames.GoModCache)}) hashes to {cachedMod}: {WhoFails(import)} with \"verifying {id}/go.mod: checksum mismatch\".", severity: SeverityOf(import));
            }

            if (module.ZipSumDiffers && module.ZipSum is { } zip && module.CachedZipHash is { } cachedZip)
            {
                yield return ReportAt(snapshot, zip.File, zip.Line, $"go.sum says {zip.Hash} for {id}, but the module cache ({snapshot.Value(GoVariableNames.GoModCache)}) holds a zip that hashes to {cachedZip}: {WhoFails(import)} with \"verifying {id}: checksum mismatch\".", severity: SeverityOf(import));
            }
        }
    }
}
