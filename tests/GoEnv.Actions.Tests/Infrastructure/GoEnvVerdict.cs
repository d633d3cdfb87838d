namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// What <c>goenv-action check</c> must say about a scenario. Asserted on severity and variable (and file/line for
/// GOENV-file values), never on rule ids, which may change.
/// </summary>
internal sealed class GoEnvVerdict
{
    private GoEnvVerdict(VerdictKind kind, IReadOnlyList<string?> variables, string? quietVariable)
    {
        Kind = kind;
        Variables = variables;
        QuietVariable = quietVariable;
    }

    public enum VerdictKind
    {
        /// <summary>Exit 1 and an error finding on one of <see cref="Variables"/>.</summary>
        Error,

        /// <summary>Exit 0, no error finding, and a warning on one of <see cref="Variables"/>.</summary>
        Warning,

        /// <summary>Exit 0 and no error finding (warnings allowed, except on <see cref="QuietVariable"/>).</summary>
        NoError,
    }

    public VerdictKind Kind { get; }

    /// <summary>Acceptable culprits (null = a finding not tied to a variable); empty = any.</summary>
    public IReadOnlyList<string?> Variables { get; }

    public string? QuietVariable { get; }

    public string? File { get; private init; }

    public int? Line { get; private init; }

    public static GoEnvVerdict Error(params string?[] variables) => new(VerdictKind.Error, variables, null);

    public static GoEnvVerdict Warning(params string?[] variables) => new(VerdictKind.Warning, variables, null);

    /// <summary>Healthy: exit 0, no error; with <paramref name="quietOn"/>, not even a warning on that variable.</summary>
    public static GoEnvVerdict NoError(string? quietOn = null) => new(VerdictKind.NoError, [], quietOn);

    /// <summary>The finding must also point at <paramref name="file"/>, line <paramref name="line"/>.</summary>
    public GoEnvVerdict At(string file, int line) => new(Kind, Variables, QuietVariable) { File = file, Line = line };

    public override string ToString()
    {
        string where = File is null ? string.Empty : $" at {File}:{Line}";
        string on = Variables.Count == 0 ? "any variable" : string.Join(" or ", Variables.Select(v => v ?? "(no variable)"));
        return Kind switch
        {
            VerdictKind.Error => $"exit 1, error on {on}{where}",
            VerdictKind.Warning => $"exit 0, warning on {on}{where}",
            _ => QuietVariable is null ? "exit 0, no error" : $"exit 0, no error, no warning on {QuietVariable}",
        };
    }

    /// <summary>Null when <paramref name="run"/> agrees; otherwise what went differently.</summary>
    public string? Verify(CheckRun run)
    {
        if (run.JsonError is not null)
        {
            return $"goenv-action check was expected to give \"{this}\", but: " + run.Describe();
        }

        string? problem = Kind switch
        {
            VerdictKind.Error =>
                run.ExitCode != 1 ? $"exit code {run.ExitCode}, expected 1"
                : !run.Errors.Any(Matches) ? "no matching error finding"
                : null,
            VerdictKind.Warning =>
                run.ExitCode != 0 ? $"exit code {run.ExitCode}, expected 0"
                : run.Errors.Any() ? "unexpected error finding"
                : !run.Warnings.Any(Matches) ? "no matching warning finding"
                : null,
            _ =>
                run.ExitCode != 0 ? $"exit code {run.ExitCode}, expected 0"
                : run.Errors.Any() ? "unexpected error finding"
                : QuietVariable is not null && run.Warnings.Any(f => f.Variable == QuietVariable) ? $"unexpected warning on {QuietVariable}"
                : null,
        };
        return problem is null ? null : $"goenv-action check: {problem} (expected {this}); got " + run.Describe();
    }

    private bool Matches(CheckFinding finding)
    {
        if (Variables.Count > 0 && !Variables.Contains(finding.Variable))
        {
            return false;
        }

        if (File is not null && (finding.File is null || !SamePath(finding.File, File)))
        {
            return false;
        }

        return Line is null || finding.Line == Line;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
