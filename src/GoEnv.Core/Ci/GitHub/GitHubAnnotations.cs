using System.Globalization;
using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// Findings as GitHub annotations: one `::error`, `::warning` or `::notice` line each, within the runner's budget.
/// </summary>
/// <remarks>
/// ci-protocols.md §2.2. The runner keeps the first 10 issues of each type per step (`ExecutionContext._maxCountPerIssueType`)
/// and only logs the rest, so the first 10 of each type in the given order (most severe first, then rule id) become
/// annotations and the rest are counted. `file` is sent workspace-relative with '/' (an absolute path is never sent:
/// on Windows its ':' and its meaning outside the repository are both trouble); a file outside the workspace goes into
/// the message instead. Columns only with a line (the runner drops columns without one). The message is cut so it
/// stays within the runner's 4096 UTF-16 chars once unescaped (`_maxIssueMessageLength`), rather than letting the
/// runner cut it anywhere, possibly inside a surrogate pair.
/// </remarks>
public static class GitHubAnnotations
{
    /// <summary>Annotations the runner keeps per type (error, warning, notice) per step.</summary>
    public const int MaxPerType = 10;

    /// <summary>The runner's cut-off for an annotation message, in UTF-16 chars after unescaping.</summary>
    public const int MaxMessageLength = 4096;

    public static GitHubAnnotationBatch Render(IReadOnlyList<Finding> findings, string? workspace)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var root = string.IsNullOrWhiteSpace(workspace) ? null : workspace;
        var perType = new int[3];
        var lines = new List<string>();
        var annotated = new List<Finding>();
        var notAnnotated = 0;
        foreach (var finding in findings)
        {
            ArgumentNullException.ThrowIfNull(finding, nameof(findings));
            var type = finding.Severity switch
            {
                Severity.Error => 0,
                Severity.Warning => 1,
                _ => 2,
            };
            if (perType[type] == MaxPerType)
            {
                notAnnotated++;
                continue;
            }

            perType[type]++;
            lines.Add(Line(finding, root));
            annotated.Add(finding);
        }

        return new GitHubAnnotationBatch(lines, notAnnotated, annotated);
    }

    private static string Line(Finding finding, string? root)
    {
        var properties = new List<KeyValuePair<string, string?>>(4);
        var location = "";
        // Workspace-relative with '/', else named in the message. The runner would drop a leading '=' from the property
        // (see GitHubCommand), so such a file is named in the message too.
        var relative = root is not null && ReportText.RepositoryRelative(finding.File, root) is { } inside && !inside.StartsWith('=') ? inside : null;
        if (relative is not null)
        {
            properties.Add(new("file", relative));
            if (finding.Line > 0)
            {
                properties.Add(new("line", finding.Line.ToString(CultureInfo.InvariantCulture)));
                if (finding.Column > 0)
                {
                    // Single-line range: no endLine is sent, so the runner keeps the column.
                    properties.Add(new("col", finding.Column.ToString(CultureInfo.InvariantCulture)));
                }
            }
        }
        else if (!string.IsNullOrEmpty(finding.File))
        {
            // Outside the workspace the runner could not link the file anyway; the reader still needs to know which one.
            location = finding.File
                       + (finding.Line > 0 ? ":" + finding.Line.ToString(CultureInfo.InvariantCulture) : "")
                       + (finding.Line > 0 && finding.Column > 0 ? ":" + finding.Column.ToString(CultureInfo.InvariantCulture) : "")
                       + ": ";
        }

        // Last, so the runner's Trim() of the property list can only ever reach the title, which never ends in white space.
        properties.Add(new("title", Visible(string.IsNullOrEmpty(finding.Variable) ? finding.RuleId : finding.RuleId + " " + finding.Variable)));
        var message = location + finding.Message + (string.IsNullOrWhiteSpace(finding.Fix) ? "" : " — fix: " + finding.Fix);

        // Legacy markers are broken before the cut: breaking them adds a space each, which after the cut would take
        // the message past the runner's limit again (Format's own pass then finds none).
        return GitHubCommand.Format(finding.SeverityName, properties, ReportText.Cut(LogText.BreakLegacyCommands(Visible(message)), MaxMessageLength));
    }

    /// <summary>
    /// Line breaks normalised to LF (sent escaped, shown as lines in the annotation); other control characters
    /// (ESC and friends) shown as visible escapes, since the runner also prints the message into the log (§7.1).
    /// </summary>
    private static string Visible(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(LogText.Escape));
}
