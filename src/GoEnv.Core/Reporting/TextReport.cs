using System.Text;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Reporting;

/// <summary>Human output: findings grouped by severity, each with its fix; colour only when asked for (a TTY without NO_COLOR).</summary>
public static class TextReport
{
    /// <param name="strict">--strict (fail-on: warning): warnings fail the run too, and the verdict says so.</param>
    public static string Render(CheckResult result, bool color, bool strict = false)
    {
        var sb = new StringBuilder();
        var snapshot = result.Snapshot;
        var go = snapshot.Go is { } g ? Sanitize(snapshot.Redactor.Redact(g.Path)) : "(none)";
        sb.Append("goenv check: ").Append(go);
        if (snapshot.VersionText.Length > 0)
        {
            sb.Append(" (").Append(Sanitize(snapshot.VersionText)).Append(')');
        }

        sb.Append('\n');
        foreach (var group in result.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            sb.Append('\n').Append(Paint(Heading(group.Key, group.Count()), group.Key, color)).Append('\n');
            foreach (var f in group)
            {
                var where = f.File is null ? "" : $" [{Sanitize(f.File)}{(f.Line > 0 ? ":" + f.Line : "")}]";
                sb.Append("  ").Append(Paint(f.RuleId, f.Severity, color));
                if (f.Variable is not null)
                {
                    sb.Append(' ').Append(f.Variable);
                }

                sb.Append(where).Append(": ").Append(Sanitize(f.Message)).Append('\n');
                sb.Append("    fix: ").Append(Sanitize(f.Fix)).Append('\n');
            }
        }

        var errors = result.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = result.Findings.Count(f => f.Severity == Severity.Warning);
        var notices = result.Findings.Count - errors - warnings;
        sb.Append('\n').Append(Verdict(result, strict)).Append(": ")
          .Append(errors).Append(errors == 1 ? " error, " : " errors, ")
          .Append(warnings).Append(warnings == 1 ? " warning, " : " warnings, ")
          .Append(notices).Append(notices == 1 ? " notice" : " notices").Append('\n');
        return sb.ToString();
    }

    /// <summary>"OK", "FAILED", or why warnings alone failed the run (else "0 errors" would sit beside a failed job).</summary>
    public static string Verdict(CheckResult result, bool strict) =>
        !result.Failed(strict) ? "OK"
        : result.HasErrors ? "FAILED"
        : strict ? "FAILED (warnings fail this run: --strict, fail-on: warning)"
        : "FAILED (warnings fail this run: the policy's output.strict)";

    private static string Heading(Severity severity, int count) => severity switch
    {
        Severity.Error => $"Errors ({count}) — Go will fail:",
        Severity.Warning => $"Warnings ({count}) — works, but unsafe or not reproducible:",
        _ => $"Notices ({count}):",
    };

    /// <summary>The same SGR colours as GitLab's log (the subset every terminal and GitLab's renderer show).</summary>
    private static string Paint(string text, Severity severity, bool color) =>
        color ? GitLabAnsi.Sgr(severity) + text + GitLabAnsi.Reset : text;

    /// <summary>
    /// Untrusted text (values, Go's messages, paths) made safe for a terminal or CI log (<see cref="Ci.LogText"/>):
    /// control characters shown escaped, nothing that a runner could take for a workflow command; the lines of a
    /// multi-line message are indented under the first.
    /// </summary>
    public static string Sanitize(string text) => string.Join("\n      ", Ci.LogText.Lines(text));
}
