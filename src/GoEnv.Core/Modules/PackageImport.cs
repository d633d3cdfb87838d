namespace GoEnv.Core.Modules;

/// <summary>One import of a package the build loads.</summary>
/// <param name="ImportPath">The imported package.</param>
/// <param name="ImportedBy">The importing package's path.</param>
/// <param name="File">The .go file with the import.</param>
/// <param name="Line">1-based line of the import path in that file.</param>
public sealed record PackageImport(string ImportPath, string ImportedBy, string File, int Line);
