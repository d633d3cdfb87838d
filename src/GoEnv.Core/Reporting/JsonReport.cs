using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GoEnv.Core.Reporting;

/// <summary>
/// `check --format json`: one object, {"findings":[…],"environment":{VAR:{"value","source"}}}. Every string goes
/// through the snapshot's redactor; findings are redacted already.
/// </summary>
public static class JsonReport
{
    public static string Render(CheckResult result)
    {
        var redactor = result.Snapshot.Redactor;
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("goVersion", result.Snapshot.VersionText.Length > 0 ? result.Snapshot.VersionText : null);
            json.WriteString("go", result.Snapshot.Go is { } go ? redactor.Redact(go.Path) : null);
            json.WriteStartArray("findings");
            foreach (var f in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("rule", f.RuleId);
                json.WriteString("severity", f.SeverityName);
                json.WriteString("variable", f.Variable);
                json.WriteString("message", f.Message);
                json.WriteString("fix", f.Fix);
                json.WriteString("file", f.File);
                json.WriteNumber("line", f.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("environment");
            foreach (var variable in result.Snapshot.Variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                json.WriteStartObject(variable.Name);
                json.WriteString("value", redactor.Redact(variable.Value));
                json.WriteString("source", redactor.Redact(variable.Source.ToString()));
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
