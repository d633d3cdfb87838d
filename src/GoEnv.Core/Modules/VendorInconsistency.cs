namespace GoEnv.Core.Modules;

/// <summary>One line of Go's "inconsistent vendoring" error, with the file line it is about.</summary>
/// <param name="Module">"path@version" or "path", as Go prints it.</param>
/// <param name="Detail">Go's text after the module, e.g. "is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt".</param>
/// <param name="File">The file to change: go.mod, go.work or vendor/modules.txt.</param>
/// <param name="Line">1-based line in <paramref name="File"/>.</param>
public sealed record VendorInconsistency(string Module, string Detail, string File, int Line)
{
    /// <summary>The line as Go prints it under "go: inconsistent vendoring in DIR:".</summary>
    public string GoLine => Module + ": " + Detail;
}
