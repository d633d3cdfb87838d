using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoEnv.Core.Findings;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Reporting;

/// <summary>
/// `check --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it (ci-protocols.md §5; GitHub's
/// sarif-support-for-code-scanning.md): one run, tool.driver "GoEnv" with the rules that have results, and one
/// result per finding with a repository-relative location, a region and a stable primaryLocationLineHash.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>GitHub does not support the empty string in required properties, so every one of them has a fallback.</item>
/// <item>A finding with no file (the process environment, Go's default) or a file outside the repository has no
/// place code scanning could show; it is put on the module's go.mod (or "go.mod"), line 1, and the message names
/// the real source.</item>
/// <item>primaryLocationLineHash: the first 16 hex digits of SHA-256(rule id \0 uri \0 variable \0 occurrence),
/// then ":" and the occurrence + 1, the shape upload-sarif uses. No line number and no value in it, so an alert
/// keeps its identity when lines move or a value is edited (GitHub closes and reopens alerts whose fingerprint
/// changes).</item>
/// <item>The region covers one character at the finding's line and column (column 1 when unknown); the writer does
/// not read the file to measure the line.</item>
/// <item>Findings are redacted when created; every string still goes through the snapshot's redactor.</item>
/// </list>
/// </remarks>
public static class SarifReport
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public const string InformationUri = "https://github.com/org/goenv-action";

    /// <summary>GitHub's limit for shortDescription.text and fullDescription.text.</summary>
    private const int MaxDescription = 1024;

    /// <summary>GitHub's limit for a rule's name.</summary>
    private const int MaxName = 255;

    public static string Render(CheckResult result, string repositoryRoot, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrEmpty(repositoryRoot);
        var redactor = result.Snapshot.Redactor;
        string Safe(string? text) => ReportText.JsonSafe(redactor.Redact(text ?? ""));

        var findings = result.Findings.Where(f => f is not null).ToList();
        var rules = findings
            .Select(f => string.IsNullOrWhiteSpace(f.RuleId) ? "GOENV" : Safe(f.RuleId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var ruleIndex = rules.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        var fallbackUri = result.Snapshot.GoMod is { } goMod && ReportText.RepositoryRelative(goMod.Path, repositoryRoot) is { } goModPath ? goModPath : "go.mod";

        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "GoEnv");
            if (!string.IsNullOrWhiteSpace(toolVersion))
            {
                json.WriteString("semanticVersion", ReportText.JsonSafe(toolVersion.Trim()));
            }

            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var id in rules)
            {
                WriteRule(json, id, RuleCatalog.Find(id), findings.First(f => (string.IsNullOrWhiteSpace(f.RuleId) ? "GOENV" : Safe(f.RuleId)) == id), Safe);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            var occurrences = new Dictionary<(string, string, string), int>();
            foreach (var finding in findings)
            {
                var id = string.IsNullOrWhiteSpace(finding.RuleId) ? "GOENV" : Safe(finding.RuleId);
                var relative = ReportText.RepositoryRelative(finding.File is null ? null : redactor.Redact(finding.File), repositoryRoot);
                var uri = relative ?? fallbackUri;
                var variable = string.IsNullOrEmpty(finding.Variable) ? "" : Safe(finding.Variable);
                var key = (id, uri, variable);
                occurrences.TryGetValue(key, out var occurrence);
                occurrences[key] = occurrence + 1;

                var startLine = relative is not null && finding.Line > 0 ? finding.Line : 1;
                // endColumn is startColumn + 1: int.MaxValue would overflow into a negative column that fails the upload.
                var startColumn = relative is not null && finding.Column > 0 ? Math.Min(finding.Column, int.MaxValue - 1) : 1;

                json.WriteStartObject();
                json.WriteString("ruleId", id);
                json.WriteNumber("ruleIndex", ruleIndex[id]);
                json.WriteString("level", Level(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", Message(finding, relative is null, uri, Safe));
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", EscapeUri(uri));
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", startLine);
                json.WriteNumber("startColumn", startColumn);
                json.WriteNumber("endLine", startLine);
                json.WriteNumber("endColumn", startColumn + 1);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("partialFingerprints");
                json.WriteString("primaryLocationLineHash", LineHash(id, uri, variable, occurrence));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        var text = Encoding.UTF8.GetString(stream.ToArray());

        // net8's Utf8JsonWriter indents with Environment.NewLine; raw CR/LF can only be layout (strings escape them).
        return text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>SARIF's level for a GoEnv severity: error, warning, note.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>`&lt;16 hex digits&gt;:&lt;occurrence + 1&gt;`, from rule id, uri, variable and occurrence; no line number.</summary>
    public static string LineHash(string ruleId, string uri, string? variable, int occurrence) =>
        ReportText.FindingHash(ruleId, uri, variable, occurrence)[..16] + ":" + (occurrence + 1).ToString(CultureInfo.InvariantCulture);

    private static void WriteRule(Utf8JsonWriter json, string id, Rule? rule, Finding first, Func<string?, string> safe)
    {
        // A finding whose id the catalog does not know still needs a complete descriptor: it is built from the finding.
        var title = NonEmpty(safe(rule?.Title), id);
        var description = NonEmpty(safe(rule?.Description), NonEmpty(safe(first.Message), title));
        var fix = NonEmpty(safe(rule?.Fix), NonEmpty(safe(first.Fix), title));
        var severity = rule?.DefaultSeverity ?? first.Severity;

        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("name", ReportText.Cut(rule is null ? id : Name(rule), MaxName));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", ReportText.Cut(title, MaxDescription));
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", ReportText.Cut(description, MaxDescription));
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", fix);
        json.WriteString("markdown", $"**{title}**\n\n{description}\n\n**Fix:** {fix}" + (rule is null ? "" : $"\n\nGo versions: {safe(rule.Versions)}."));
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(severity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Message(Finding finding, bool relocated, string uri, Func<string?, string> safe)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(finding.Variable))
        {
            text.Append(safe(finding.Variable)).Append(": ");
        }

        text.Append(safe(finding.Message));
        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            text.Append(" Fix: ").Append(safe(finding.Fix));
        }

        if (relocated)
        {
            text.Append(string.IsNullOrEmpty(finding.File)
                ? $" (Shown on {uri}: the value does not come from a file in the repository.)"
                : $" (Source: {safe(finding.File)}{(finding.Line > 0 ? ":" + finding.Line.ToString(CultureInfo.InvariantCulture) : "")}, outside the repository; shown on {uri}.)");
        }

        return NonEmpty(text.ToString().Trim(), NonEmpty(safe(finding.RuleId), "GoEnv finding"));
    }

    /// <summary>"GoProxyInvalid" for GoProxyInvalidRule: an identifier-like name, as SARIF's reportingDescriptor.name wants.</summary>
    private static string Name(Rule rule)
    {
        var name = rule.GetType().Name;
        return name.Length > 4 && name.EndsWith("Rule", StringComparison.Ordinal) ? name[..^4] : name;
    }

    private static string NonEmpty(string? text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text;

    /// <summary>A relative URI reference: each path segment percent-encoded (a space, '#', '%' or '?' in a file name is data).</summary>
    private static string EscapeUri(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
