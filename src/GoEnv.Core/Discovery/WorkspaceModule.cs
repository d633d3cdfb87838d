namespace GoEnv.Core.Discovery;

/// <summary>One `use` line of a go.work: the directory and, when it has one, its go.mod.</summary>
/// <param name="Use">The `use` directive as written, with its line in go.work.</param>
/// <param name="Directory">The directory it names, absolute (relative paths are relative to go.work's directory).</param>
/// <param name="GoMod">Its go.mod; null when the directory or the go.mod does not exist.</param>
public sealed record WorkspaceModule(ModuleDirective Use, string Directory, ModuleFile? GoMod)
{
    public static IReadOnlyList<WorkspaceModule> ReadAll(ModuleFile goWork)
    {
        ArgumentNullException.ThrowIfNull(goWork);
        var root = Path.GetDirectoryName(goWork.Path) ?? "/";
        var modules = new List<WorkspaceModule>();
        foreach (var use in goWork.Uses)
        {
            var directory = Path.GetFullPath(use.Value, root);
            var goMod = Path.Combine(directory, "go.mod");
            modules.Add(new WorkspaceModule(use, directory, File.Exists(goMod) ? ModuleFile.Read(goMod) : null));
        }

        return modules;
    }
}
