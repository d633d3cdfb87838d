using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Installation;

internal sealed class GoRootMissingRule : Rule
{
    public override string Id => "GOENV0010";

    public override string Title => "GOROOT does not exist";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoRoot;

    public override string Description => "GOROOT names a directory that does not exist (or is not a directory), or no GOROOT can be found at all. Every go command except `go help` then fails at once: `go: cannot find GOROOT directory: <path>` (or `'go' binary is trimmed and GOROOT is not set` for a `go` binary copied out of its installation, Go 1.21+).";

    public override string Fix => "Unset GOROOT (Go finds its own installation from the executable), or set it to the installation the `go` on PATH belongs to.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.Go is null)
        {
            yield break;
        }

        var goRoot = snapshot.Variable(GoVariableNames.GoRoot);
        if (goRoot.Value.Length == 0)
        {
            if (snapshot.GoAtLeast(1, 21))
            {
                yield return Report(snapshot, $"No GOROOT: GOROOT is not set and {snapshot.Go.Path} is not inside a Go installation (no pkg/tool two levels up). Go fails with \"go: cannot find GOROOT directory: 'go' binary is trimmed and GOROOT is not set\".", "Run `go` from its installation's bin directory (or a symbolic link to it), or set GOROOT to that installation.");
            }

            yield break;
        }

        var path = Path.IsPathRooted(goRoot.Value) ? goRoot.Value : Path.GetFullPath(goRoot.Value, snapshot.Host.WorkingDirectory);
        if (!Directory.Exists(path))
        {
            var what = !File.Exists(path) ? "does not exist" : DanglingLink(path) ?? "is a file, not a directory";
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoRoot)} is {goRoot.Value}, which {what}. Every go command fails with \"go: cannot find GOROOT directory: {goRoot.Value}\".", $"Unset GOROOT, or {WhereToChange(snapshot, GoVariableNames.GoRoot)} to name the Go installation.");
        }
    }

    /// <summary>File.Exists is true for a symbolic link that leads nowhere; say which kind it is.</summary>
    private static string? DanglingLink(string path)
    {
        try
        {
            if (new FileInfo(path).LinkTarget is null)
            {
                return null;
            }

            var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
            return $"is a symbolic link to {target?.FullName}, which does not exist";
        }
        catch (IOException)
        {
            // ELOOP: the links lead back to each other.
            return "is a symbolic link loop";
        }
    }
}
