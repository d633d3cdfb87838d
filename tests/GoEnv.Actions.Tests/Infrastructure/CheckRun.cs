using System.Text.Json;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// One run of <c>goenv-action check --format json</c>: the process result and, when stdout held exactly one JSON
/// object, its findings. A stub or crashing binary gives <see cref="JsonError"/>, never an exception.
/// </summary>
internal sealed class CheckRun
{
    private CheckRun(ProcessResult process, IReadOnlyList<CheckFinding> findings, string? jsonError)
    {
        Process = process;
        Findings = findings;
        JsonError = jsonError;
    }

    public ProcessResult Process { get; }

    public int ExitCode => Process.ExitCode;

    public IReadOnlyList<CheckFinding> Findings { get; }

    /// <summary>Why stdout is not the contract's single JSON object; null when it is.</summary>
    public string? JsonError { get; }

    public IEnumerable<CheckFinding> Errors => Findings.Where(f => f.Severity == "error");

    public IEnumerable<CheckFinding> Warnings => Findings.Where(f => f.Severity == "warning");

    public static CheckRun From(ProcessResult process)
    {
        if (process.StartError is not null || process.TimedOut)
        {
            return new CheckRun(process, [], process.StartError is not null ? "the binary did not start" : "the binary timed out");
        }

        string stdout = process.StandardOutput.Trim();
        if (stdout.Length == 0)
        {
            return new CheckRun(process, [], "stdout is empty: `check --format json` must print exactly one JSON object (is the CLI still a stub?)");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(stdout);
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new CheckRun(process, [], $"stdout is JSON but a {root.ValueKind}, not an object");
            }

            if (!root.TryGetProperty("findings", out JsonElement findings) || findings.ValueKind != JsonValueKind.Array)
            {
                return new CheckRun(process, [], "the JSON object has no \"findings\" array");
            }

            var list = new List<CheckFinding>();
            foreach (JsonElement finding in findings.EnumerateArray())
            {
                list.Add(new CheckFinding(
                    Text(finding, "rule"),
                    Text(finding, "severity"),
                    Text(finding, "variable"),
                    Text(finding, "message"),
                    Text(finding, "file"),
                    finding.TryGetProperty("line", out JsonElement line) && line.ValueKind == JsonValueKind.Number ? line.GetInt32() : 0));
            }

            return new CheckRun(process, list, null);
        }
        catch (JsonException ex)
        {
            return new CheckRun(process, [], "stdout is not exactly one JSON object: " + ex.Message);
        }
    }

    /// <summary>
    /// The lines GoEnv's error findings quote as Go's ("… fails with \"TEXT\"…"), with the quotes inside them
    /// unescaped once (so a quoted %q value reads as Go prints it); null when none does.
    /// </summary>
    public List<string>? QuotedGoTexts()
    {
        const string marker = "fails with \"";
        var quotes = Errors
            .Select(f => f.Message ?? "")
            .Where(m => m.Contains(marker, StringComparison.Ordinal))
            .Select(m => m[(m.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..])
            .Select(m => m[..Math.Max(0, m.LastIndexOf('"'))].Replace("\\\"", "\"", StringComparison.Ordinal))
            .Where(q => q.Length > 0)
            .ToList();
        return quotes.Count == 0 ? null : quotes;
    }

    /// <summary>For assertion messages: exit code, findings (or why there are none), stderr.</summary>
    public string Describe()
    {
        if (JsonError is not null)
        {
            return JsonError + Environment.NewLine + "    " + Process.Describe();
        }

        string findings = Findings.Count == 0
            ? "no findings"
            : string.Join(Environment.NewLine, Findings.Select(f => "      - " + f));
        return $"exit {ExitCode}, findings:" + Environment.NewLine + findings +
            (string.IsNullOrWhiteSpace(Process.StandardError) ? string.Empty : Environment.NewLine + "    stderr: " + Process.StandardError.Trim());
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
