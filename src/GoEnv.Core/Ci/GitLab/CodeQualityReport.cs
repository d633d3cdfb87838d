using GoEnv.Core.Reporting;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>
/// GitLab `artifacts:reports:codequality` (ci-protocols.md §3.2): a JSON array of
/// {description, check_name, fingerprint, severity, location {path, lines {begin}}}, UTF-8 without BOM, LF.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>GitLab's parser (lib/gitlab/ci/parsers/codequality/code_climate.rb) stops at the first entry that fails
/// app/validators/json_schemas/codeclimate.json and silently drops every later one, so each entry is checked here
/// against that schema plus the documented requirements (non-empty strings, a known severity, a path, a line ≥ 1)
/// before it is written; an entry that still fails is left out alone instead of hiding the rest.</item>
/// <item>Severity: error → critical (Go will fail: the build cannot work), warning → minor, notice → info.</item>
/// <item>Fingerprint: SHA-256 of rule id, path, variable and the occurrence among otherwise-equal findings, '\0'
/// separated. No line number, so a finding keeps its identity when lines move, and GitLab (which keeps one
/// entry per fingerprint) never merges two findings.</item>
/// <item>A finding with no file (a process environment variable, Go's default) or a file outside the repository
/// (~/.config/go/env) has no place GitLab could link to: it is shown on the CI configuration file, line 1, and
/// the description names the real file.</item>
/// </list>
/// </remarks>
public static class CodeQualityReport
{
    /// <summary>The location used when the caller passes no fallback (GitLab's default CI_CONFIG_PATH).</summary>
    public const string DefaultFallbackPath = ".gitlab-ci.yml";

    /// <summary>The severities GitLab knows, most severe first (codequality_reports.rb SEVERITY_PRIORITIES).</summary>
    public static readonly IReadOnlyList<string> Severities = ["blocker", "critical", "major", "minor", "info"];

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Render(IReadOnlyList<Finding> findings, string repositoryRoot, string fallbackPath)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var fallback = string.IsNullOrWhiteSpace(fallbackPath) ? DefaultFallbackPath : ReportText.JsonSafe(fallbackPath);
        var occurrences = new Dictionary<(string, string, string), int>();
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var finding in findings)
            {
                if (finding is null)
                {
                    continue;
                }

                var entry = Entry(finding, repositoryRoot, fallback, occurrences);
                if (IsValid(entry))
                {
                    Write(json, entry);
                }
            }

            json.WriteEndArray();
        }

        stream.WriteByte((byte)'\n');
        var bytes = stream.ToArray();

        // net8's Utf8JsonWriter indents with Environment.NewLine; raw CR/LF can only be layout (strings escape them).
        return Environment.NewLine == "\n" ? bytes : s_utf8.GetBytes(s_utf8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>GitLab's severity for a GoEnv severity.</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => "critical",
        Severity.Warning => "minor",
        _ => "info",
    };

    private static CodeQualityEntry Entry(Finding finding, string repositoryRoot, string fallback, Dictionary<(string, string, string), int> occurrences)
    {
        var ruleId = string.IsNullOrWhiteSpace(finding.RuleId) ? "GOENV" : ReportText.JsonSafe(finding.RuleId);
        var variable = string.IsNullOrEmpty(finding.Variable) ? null : ReportText.JsonSafe(finding.Variable);
        var relative = ReportText.RepositoryRelative(finding.File, repositoryRoot);
        var path = relative ?? fallback;
        var line = relative is not null && finding.Line > 0 ? finding.Line : 1;

        var description = new StringBuilder();
        if (variable is not null)
        {
            description.Append(variable).Append(": ");
        }

        description.Append(ReportText.JsonSafe(finding.Message));
        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            description.Append(" Fix: ").Append(ReportText.JsonSafe(finding.Fix));
        }

        if (relative is null && !string.IsNullOrEmpty(finding.File))
        {
            description.Append(" (Source: ").Append(ReportText.JsonSafe(finding.File));
            if (finding.Line > 0)
            {
                description.Append(':').Append(finding.Line);
            }

            description.Append(", outside the repository.)");
        }

        var text = description.ToString().Trim();
        if (text.Length == 0)
        {
            text = ruleId;
        }

        var key = (ruleId, path, variable ?? "");
        occurrences.TryGetValue(key, out var occurrence);
        occurrences[key] = occurrence + 1;
        return new CodeQualityEntry(text, ruleId, ReportText.FindingHash(ruleId, path, variable, occurrence), SeverityOf(finding.Severity), path, line);
    }

    /// <summary>The schema's required fields and types, plus what GitLab's UI needs (non-empty text, a path, a line ≥ 1).</summary>
    private static bool IsValid(CodeQualityEntry entry) =>
        !string.IsNullOrWhiteSpace(entry.Description)
        && !string.IsNullOrWhiteSpace(entry.CheckName)
        && entry.Fingerprint.Length == 64
        && Severities.Contains(entry.Severity, StringComparer.Ordinal)
        && !string.IsNullOrWhiteSpace(entry.Path)
        && entry.Line >= 1;

    private static void Write(Utf8JsonWriter json, CodeQualityEntry entry)
    {
        json.WriteStartObject();
        json.WriteString("description", entry.Description);
        json.WriteString("check_name", entry.CheckName);
        json.WriteString("fingerprint", entry.Fingerprint);
        json.WriteString("severity", entry.Severity);
        json.WriteStartObject("location");
        json.WriteString("path", entry.Path);
        json.WriteStartObject("lines");
        json.WriteNumber("begin", entry.Line);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
