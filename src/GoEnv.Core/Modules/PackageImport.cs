namespace GoEnv.Core.Modules;

/// <summary>One import of a package the build loads.</summary>
/// <param name="ImportPath">The imported package.</param>
/// <param name="ImportedBy">The importing package's path.</param>
/// <param name="File">The .go file with the import.</param>
/// <param name="Line">1-based line of the import path in that file.</param>
/// <param name="Test">
/// Only test files (_test.go) of the main packages lead to it: `go test` and `go vet` load it, `go build` does not.
/// </param>
public sealed record PackageImport(string ImportPath, string ImportedBy, string File, int Line, bool Test = false);
