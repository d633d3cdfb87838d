using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Discovery;

/// <summary>
/// cmd/go's checkVendorConsistency (modload/vendor.go), per release: every line of its "inconsistent vendoring"
/// error, each tied to the go.mod, go.work or modules.txt line to change. The texts are Go's (1.19–1.21 name go.mod
/// alone; 1.22+ name the file a replacement is in and speak of "a go.mod" and "the workspace" in workspace mode).
/// </summary>
internal static class VendorConsistency
{
    public static IReadOnlyList<VendorInconsistency> Check(
        ModuleGraphResolver.Inputs inputs,
        IReadOnlyList<ModuleFile> modFiles,
        VendorList? vendor,
        IReadOnlyList<(ModuleReplacement Replacement, string File)> replacements,
        GoVersion? release,
        ModuleFile versionFile)
    {
        var problems = new List<VendorInconsistency>();
        var modulesTxt = vendor?.Path ?? Path.Combine(Path.GetDirectoryName(versionFile.Path)!, "vendor", "modules.txt");
        var modern = release is null || release.AtLeast(1, 22);
        var inWorkspace = inputs.GoWork is not null;
        var pre114 = !inWorkspace && GoVersion.ParseStrict(versionFile.Go?.Value ?? "") is { } line && !line.AtLeast(1, 14);
        VendoredModule? Meta(string path, string version) => vendor?.Find(path, version);
        string Short(string file) => GoStrings.ShortPath(file, inputs.Host.WorkingDirectory);

        foreach (var modFile in modFiles)
        {
            foreach (var r in modFile.Requires)
            {
                if (Meta(r.Path, r.Version)?.Explicit == true)
                {
                    continue;
                }

                if (!pre114)
                {
                    problems.Add(new($"{r.Path}@{r.Version}", "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt", modFile.Path, r.Line));
                }
                else if (vendor?.VersionWithPackages(r.Path) is { } vendored && vendored != r.Version)
                {
                    problems.Add(new($"{r.Path}@{r.Version}", $"is explicitly required in go.mod, but vendor/modules.txt indicates {r.Path}@{vendored}", modFile.Path, r.Line));
                }
            }
        }

        var seen = new HashSet<(string, string)>();
        foreach (var (r, file) in replacements.OrderBy(e => e.File == inputs.GoWork?.Path ? 1 : 0))
        {
            if (modern && !seen.Add((r.OldPath, r.OldVersion)))
            {
                continue;
            }

            // 1.22+ checks the replacement in force (go.work's over a go.mod's) and names the file it is in.
            var (effective, source) = modern ? Effective(replacements, r) : (r, file);
            var where = modern ? Short(source) : "go.mod";
            var recorded = Meta(r.OldPath, r.OldVersion)?.Replacement;
            if (recorded is null)
            {
                if (pre114 && (r.OldVersion.Length == 0 || vendor?.VersionWithPackages(r.OldPath) != r.OldVersion))
                {
                    continue;
                }

                problems.Add(new(r.DescribeOld(), $"is replaced in {where}, but not marked as replaced in vendor/modules.txt", source, effective.Line));
            }
            else if (recorded.Value.Path != effective.NewPath || recorded.Value.Version != effective.NewVersion)
            {
                var marked = recorded.Value.Version.Length == 0 ? recorded.Value.Path : recorded.Value.Path + "@" + recorded.Value.Version;
                problems.Add(new(r.DescribeOld(), $"is replaced by {effective.DescribeNew()} in {where}, but marked as replaced by {marked} in vendor/modules.txt", source, effective.Line));
            }
        }

        foreach (var module in vendor?.Modules.Where(m => m.Packages.Count > 0 && m.Explicit) ?? [])
        {
            if (!modFiles.Any(f => f.Requires.Any(r => r.Path == module.Path && r.Version == module.Version)))
            {
                problems.Add(new(module.Describe(), $"is marked as explicit in vendor/modules.txt, but not explicitly required in {(inWorkspace && modern ? "a " : "")}go.mod", modulesTxt, module.Line));
            }
        }

        foreach (var module in vendor?.Modules.Where(m => m.Replacement is not null) ?? [])
        {
            var replacement = ModuleGraphResolver.FindReplacement(replacements, module.Path, module.Version)?.Replacement;
            if (replacement is null)
            {
                problems.Add(new(module.Describe(), $"is marked as replaced in vendor/modules.txt, but not replaced in {(inWorkspace && modern ? "the workspace" : "go.mod")}", modulesTxt, module.Line));
            }
            else if (!modern && (replacement.NewPath != module.Replacement!.Value.Path || replacement.NewVersion != module.Replacement.Value.Version))
            {
                var marked = module.Replacement.Value.Version.Length == 0 ? module.Replacement.Value.Path : module.Replacement.Value.Path + "@" + module.Replacement.Value.Version;
                problems.Add(new(module.Describe(), $"is marked as replaced by {marked} in vendor/modules.txt, but replaced by {replacement.DescribeNew()} in go.mod", modulesTxt, module.Line));
            }
        }

        return problems;
    }

    /// <summary>The replacement Go applies to r's old side, and its file: go.work's wins.</summary>
    private static (ModuleReplacement Replacement, string File) Effective(IReadOnlyList<(ModuleReplacement Replacement, string File)> replacements, ModuleReplacement r) =>
        replacements.First(e => e.Replacement.OldPath == r.OldPath && e.Replacement.OldVersion == r.OldVersion);
}
