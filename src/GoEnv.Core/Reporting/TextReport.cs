using System.Text;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Reporting;

/// <summary>Human output: findings grouped by severity, each with its fix; colour only when asked for (a TTY without NO_COLOR).</summary>
public static class TextReport
{
    public static string Render(CheckResult result, bool color)
    {
        var sb = new StringBuilder();
        var snapshot = result.Snapshot;
        var go = snapshot.Go is { } g ? snapshot.Redactor.Redact(g.Path) : "(none)";
        sb.Append("goenv check: ").Append(go);
        if (snapshot.VersionText.Length > 0)
        {
            sb.Append(" (").Append(snapshot.VersionText).Append(')');
        }

        sb.Append('\n');
        foreach (var group in result.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            sb.Append('\n').Append(Paint(Heading(group.Key, group.Count()), group.Key, color)).Append('\n');
            foreach (var f in group)
            {
                var where = f.File is null ? "" : $" [{f.File}{(f.Line > 0 ? ":" + f.Line : "")}]";
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
        sb.Append('\n').Append(errors == 0 ? "OK" : "FAILED").Append(": ")
          .Append(errors).Append(errors == 1 ? " error, " : " errors, ")
          .Append(warnings).Append(warnings == 1 ? " warning, " : " warnings, ")
          .Append(notices).Append(notices == 1 ? " notice" : " notices").Append('\n');
        return sb.ToString();
    }

    private static string Heading(Severity severity, int count) => severity switch
    {
        Severity.Error => $"Errors ({count}) — Go will fail:",
        Severity.Warning => $"Warnings ({count}) — works, but unsafe or not reproducible:",
        _ => $"Notices ({count}):",
    };

    private static string Paint(string text, Severity severity, bool color)
    {
        if (!color)
        {
            return text;
        }

        var code = severity switch
        {
            Severity.Error => "31;1",
            Severity.Warning => "33;1",
            _ => "36",
        };
        return $"\u001b[{code}m{text}\u001b[0m";
    }

    /// <summary>Control characters from values (ESC, CR) cannot reach the terminal: they are shown escaped.</summary>
    public static string Sanitize(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\n'))
        {
            return text.Replace("\n", "\n      ", StringComparison.Ordinal);
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n')
            {
                sb.Append(c switch { '\r' => "\\r", '\t' => "\\t", _ => $"\\u{(int)c:x4}" });
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Replace("\n", "\n      ", StringComparison.Ordinal);
    }
}
