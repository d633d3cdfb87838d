namespace GoEnv.Core.Discovery;

/// <summary>One `use` line of a go.work: the directory and, when it has one, its go.mod.</summary>
/// <param name="Use">The `use` directive as written, with its line in go.work.</param>
/// <param name="Directory">The directory it names, absolute (relative paths are relative to go.work's directory).</param>
/// <param name="GoMod">Its go.mod; null when the directory or the go.mod does not exist.</param>
public sealed record WorkspaceModule(ModuleDirective Use, string Directory, ModuleFile? GoMod)
{
    public static IReadOnlyList<WorkspaceModule> ReadAll(ModuleFile goWork, ModuleTreeFiles files)
    {
        ArgumentNullException.ThrowIfNull(goWork);
        ArgumentNullException.ThrowIfNull(files);
        var root = Path.GetDirectoryName(goWork.Path) ?? "/";
        var modules = new WorkspaceModule[goWork.Uses.Count];

        // One open and read per module: on a workspace of 1,000 modules that is most of a check, so both cores share a large one.
        FileWork.For(modules.Length, i =>
        {
            var use = goWork.Uses[i];
            var directory = Path.GetFullPath(use.Value, root);
            var goMod = files.ModuleFile(Path.Combine(directory, "go.mod"));
            modules[i] = new WorkspaceModule(use, directory, goMod.ReadError is null ? goMod : null);
        });

        return modules;
    }
}
