using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Paths;

internal sealed class GoTmpDirMissingRule : Rule
{
    public override string Id => "GOENV0024";

    public override string Title => "GOTMPDIR does not exist";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoTmpDir;

    public override string Description => "GOTMPDIR is where Go creates its temporary work directory. Go does not create GOTMPDIR itself: when it does not exist (or is relative and not found from the working directory), every build fails with `go: creating work dir: stat <dir>: no such file or directory`.";

    public override string Fix => "Create the directory before Go runs (mkdir -p), use an absolute path, or unset GOTMPDIR.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoTmpDir);
        if (value.Length == 0)
        {
            yield break;
        }

        if (!Path.IsPathFullyQualified(value))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoTmpDir)} is {Quote(value)}, a relative path: it is looked up from each command's working directory, and builds fail with \"go: creating work dir: stat {value}: no such file or directory\" wherever it does not exist.", $"Use an absolute directory that exists; {WhereToChange(snapshot, GoVariableNames.GoTmpDir)}.");
        }
        else if (!Directory.Exists(value))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoTmpDir)} is {value}, which does not exist: builds fail with \"go: creating work dir: stat {value}: no such file or directory\".", $"Create {value} before Go runs, or {WhereToChange(snapshot, GoVariableNames.GoTmpDir)}.");
        }
        else if (!Discovery.FileSystemFacts.CanWriteInto(value, out var error))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoTmpDir)} is {value}, where this user cannot create files ({error}): builds fail creating their work directory.", $"Make {value} writable, or {WhereToChange(snapshot, GoVariableNames.GoTmpDir)}.");
        }
    }
}
