namespace GoEnv.Core.Caching;

/// <summary>The go.sum files of the main module or of the workspace, in ordinal order of their relative paths.</summary>
/// <param name="BaseDirectory">
/// What the relative paths are relative to: the git work tree root when the module or workspace lies in one (so
/// the paths, and the key, do not depend on where the job checked the repository out), else the module or
/// workspace root, else the working directory.
/// </param>
/// <param name="RepositoryRoot">The git work tree root, or null outside git.</param>
/// <param name="GoWorkPath">The go.work in use (workspace mode), or null in module mode.</param>
/// <param name="GoModPath">The main module's go.mod in module mode, or null.</param>
/// <param name="Files">Sorted ordinally by relative path, without duplicates.</param>
public sealed record GoSumSet(string BaseDirectory, string? RepositoryRoot, string? GoWorkPath, string? GoModPath, IReadOnlyList<GoSumFile> Files);
