using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace GoEnv.Tasks;

/// <summary>
/// The MSBuild sink: one finding, one canonical diagnostic (`go.mod(3,1): error GOENV0061: …`) with the rule id as
/// code and help keyword and the rule's docs as help link, so IDEs and CI matchers (letters then digits, §2 R11) take it.
/// </summary>
internal static class FindingLog
{
    public const string RulesDocument = "https://github.com/org/goenv-action/blob/main/docs/rules.md";

    /// <summary>The rule's section of docs/rules.md (its headings are the ids, GitHub anchors are lowercase).</summary>
    public static string HelpLink(string ruleId) => $"{RulesDocument}#{ruleId.ToLowerInvariant()}";

    /// <summary>Logs every finding; notices as messages, warnings as warnings, errors as errors.</summary>
    /// <param name="fallback">Where findings without a file are reported (a variable from the process environment
    /// has no file; without one MSBuild would point at the line of GoEnv.Tasks.targets that ran the task).</param>
    public static void LogAll(TaskLoggingHelper log, IEnumerable<Finding> findings, DiagnosticLocation fallback)
    {
        foreach (var finding in findings)
        {
            Log(log, finding, fallback);
        }
    }

    public static void Log(TaskLoggingHelper log, Finding finding, DiagnosticLocation fallback)
    {
        var hasFile = !string.IsNullOrEmpty(finding.File);
        var file = hasFile ? finding.File : fallback.File;
        var line = hasFile ? finding.Line : fallback.Line;
        var column = hasFile ? finding.Column : fallback.Column;
        var text = fallback.Text(ReportText.FindingText(finding), file);
        var link = HelpLink(finding.RuleId);

        // No message arguments: MSBuild formats the message only when there are arguments, so braces in a value
        // (a GOFLAGS word, a path) are printed as they are.
        switch (finding.Severity)
        {
            case Severity.Error:
                log.LogError(null, finding.RuleId, finding.RuleId, link, file, line, column, 0, 0, text);
                break;
            case Severity.Warning:
                log.LogWarning(null, finding.RuleId, finding.RuleId, link, file, line, column, 0, 0, text);
                break;
            default:
                log.LogMessage(null, finding.RuleId, finding.RuleId, file, line, column, 0, 0, MessageImportance.High, text);
                break;
        }
    }
}
