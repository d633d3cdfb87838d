using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Rules;

/// <summary>
/// One rule: an id, a title, a default severity, what Go does (the doc), how to fix it, and a check that is a pure
/// function of the snapshot. A rule knows from which Go version its truth holds.
/// </summary>
public abstract class Rule
{
    /// <summary>GOENV + 4 digits; never reused once retired.</summary>
    public abstract string Id { get; }

    public abstract string Title { get; }

    public abstract Severity DefaultSeverity { get; }

    /// <summary>The variable the rule is about (null for rules about the installation as a whole).</summary>
    public abstract string? Variable { get; }

    /// <summary>What Go does with such a value, in a few sentences (docs/rules.md and `explain`).</summary>
    public abstract string Description { get; }

    /// <summary>The general fix (findings may give a more precise one).</summary>
    public abstract string Fix { get; }

    /// <summary>The Go versions the rule's truth holds for, in words (docs/rules.md).</summary>
    public virtual string Versions => "all supported Go versions (1.19+)";

    public abstract IEnumerable<Finding> Evaluate(GoSnapshot snapshot);

    /// <summary>A finding located where the variable's value came from (a go/env file line, else no file).</summary>
    protected Finding Report(GoSnapshot snapshot, string message, string? fix = null, Severity? severity = null, string? variable = null)
    {
        var name = variable ?? Variable;
        var source = name is null ? null : snapshot.Variable(name).Source;
        var file = source?.Kind is ValueSourceKind.GoEnvFile or ValueSourceKind.GoRootEnvFile ? source.File : null;
        return Create(snapshot, name, message, fix, severity, file, file is null ? 0 : source!.Line);
    }

    /// <summary>A finding at an explicit file and line (go.mod, go.work, a go/env file line).</summary>
    protected Finding ReportAt(GoSnapshot snapshot, string? file, int line, string message, string? fix = null, Severity? severity = null, string? variable = null) =>
        Create(snapshot, variable ?? Variable, message, fix, severity, file, line);

    private Finding Create(GoSnapshot snapshot, string? variable, string message, string? fix, Severity? severity, string? file, int line) =>
        new(Id, severity ?? DefaultSeverity, variable, snapshot.Redactor.Redact(message), snapshot.Redactor.Redact(fix ?? Fix), file is null ? null : snapshot.Redactor.Redact(file), line, line > 0 ? 1 : 0);

    /// <summary>How a value is shown in a message: quoted like Go quotes it, redacted.</summary>
    protected static string Quote(string value) => GoStrings.Quote(value);

    /// <summary>
    /// A value as Go's %q prints it inside a Go message that a finding quotes ("fails with \"go: …: \\\"x\\\"\""):
    /// Go's quotes escaped once more, Go's own escapes (a Windows path's doubled backslashes) kept.
    /// </summary>
    protected static string QuoteInGoLine(string value) => GoStrings.Quote(value).Replace("\"", "\\\"", StringComparison.Ordinal);

    /// <summary>
    /// Who fails on a package import: "the build fails", or, for one only the main packages' test files make,
    /// "`go test` and `go vet` of PKG fail (only its test files import X; `go build` works)".
    /// </summary>
    protected static string WhoFails(PackageImport import) =>
        import.Test ? $"`go test` and `go vet` of {import.ImportedBy} fail (only its test files import {import.ImportPath}; `go build` works)" : "the build fails";

    /// <summary>The end of the description of each rule about a package import (<see cref="WhoFails"/>).</summary>
    protected const string TestFilesNote = " When only the main packages' test files (_test.go) import the package, `go test` and `go vet` fail but `go build` works: the finding is a warning then.";

    /// <summary>The text with its first letter upper-case (a clause that starts a sentence).</summary>
    /// <summary>"a@v1, b@v2, …": the first <paramref name="shown"/> modules, and an ellipsis when there are more.</summary>
    protected static string ModuleList(IReadOnlyCollection<Core.Modules.GraphModule> modules, int shown = 5) =>
        string.Join(", ", modules.Take(shown).Select(m => m.Describe())) + (modules.Count > shown ? ", …" : "");

    protected static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The rule's severity for what the build imports; a warning for what only test files import.</summary>
    protected static Severity? SeverityOf(PackageImport import) => import.Test ? Severity.Warning : null;

    /// <summary>
    /// What gover.TooNewError adds after "running go 1.N.M": "; GOTOOLCHAIN=local" unless GOTOOLCHAIN is empty or auto.
    /// </summary>
    protected static string TooNewExplanation(GoSnapshot snapshot) =>
        snapshot.Value(GoVariableNames.GoToolchain) is { Length: > 0 } gotoolchain && gotoolchain != "auto" ? "; GOTOOLCHAIN=" + gotoolchain : "";

    /// <summary>"GOFLAGS (from /home/u/.config/go/env:2)" or "GOFLAGS (from the process environment)".</summary>
    protected static string Origin(GoSnapshot snapshot, string variable)
    {
        var source = snapshot.Variable(variable).Source;
        return source.Kind switch
        {
            ValueSourceKind.ProcessEnvironment => $"{variable} (set in the process environment)",
            ValueSourceKind.GoEnvFile => $"{variable} (set in the go env file {source.File}:{source.Line})",
            ValueSourceKind.GoRootEnvFile => $"{variable} (set in {source.File}:{source.Line})",
            _ => $"{variable} (Go's default)",
        };
    }

    /// <summary>The rule's fix with where to change the variable: "Use … (change GOFLAGS where the pipeline sets it)."</summary>
    protected string FixWhere(GoSnapshot snapshot, string variable) => $"{Fix.TrimEnd('.')} ({WhereToChange(snapshot, variable)}).";

    /// <summary>How to change a variable where it was set: in the environment, or with go env -w/-u for the file.</summary>
    protected static string WhereToChange(GoSnapshot snapshot, string variable)
    {
        var source = snapshot.Variable(variable).Source;
        return source.Kind switch
        {
            ValueSourceKind.GoEnvFile => $"edit line {source.Line} of {source.File} (or run `go env -u {variable}`)",
            ValueSourceKind.GoRootEnvFile => $"set {variable} in the environment (the value comes from {source.File})",
            _ => $"change {variable} where the pipeline sets it",
        };
    }
}
