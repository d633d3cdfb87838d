using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GoEnv.Tests.Ci;

/// <summary>
/// Ports of the GitLab code that consumes what GoEnv writes, so tests check GoEnv's output against GitLab's own
/// rules rather than against GoEnv's idea of them (ci-protocols.md §3; gitlabhq/gitlabhq mirror files named per
/// method). Compiled into both test projects: public Core API only.
/// </summary>
internal static class GitLabParsers
{
    /// <summary>Plan-limit default `dotenv_size`: the file must be strictly smaller.</summary>
    public const int DotenvSizeLimit = 5120;

    /// <summary>Plan-limit default `dotenv_variables` on self-managed GitLab.</summary>
    public const int DotenvVariableLimit = 20;

    /// <summary>
    /// lib/gitlab/regex.rb build_trace_section_regex: logs_section_prefix_regex, logs_section_options_regex and
    /// logs_section_suffix_regex joined. Ruby's \d and \w are ASCII-only, hence the explicit classes. \G anchors it
    /// where the renderer's StringScanner stands.
    /// </summary>
    public static readonly Regex SectionMarker = new(
        @"\Gsection_((?:start)|(?:end)):([0-9]+):([a-zA-Z0-9_.-]+)(\[(?:[a-zA-Z0-9_]+=[a-zA-Z0-9_]+)(?:, ?(?:[a-zA-Z0-9_]+=[a-zA-Z0-9_]+))*\])?\r\u001b\[0K",
        RegexOptions.CultureInvariant);

    private static readonly Regex s_dotenvLine = new("^(.*?)=(.*)$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly Regex s_dotenvKey = new(@"\A[a-zA-Z0-9_]+\z", RegexOptions.CultureInvariant);

    private static readonly HashSet<string> s_severities = new(StringComparer.Ordinal) { "info", "minor", "major", "critical", "blocker" };

    // lib/gitlab/ci/ansi2json/converter.rb consume_token, in its order; Ruby's $ is "before a \n or at the end".
    private static readonly Regex s_escapeSequence = new(@"\G\u001b([@-_])(.*?)([@-~])", RegexOptions.CultureInvariant);
    private static readonly Regex s_danglingEscape = new(@"\G\u001b(?:[@-_].*?)?$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex s_newline = new(@"\G\r?\n", RegexOptions.CultureInvariant);
    private static readonly Regex s_text = new(@"\G.[^\u001b\r\ns]*", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    /// <summary>
    /// app/services/ci/parse_dotenv_artifact_service.rb (1410f851) with app/models/concerns/ci/has_variable.rb:
    /// size &lt; limit, UTF-8 (invalid bytes replaced), BOM stripped, each_line, `line.scan(/^(.*?)=(.*)$/).last`,
    /// key and value String#strip'ped, key `\A[a-zA-Z0-9_]+\z` and at most 255, duplicates: the last wins, then the
    /// count limit. Every error throws <see cref="InvalidDataException"/> with GitLab's message (the upload is 400).
    /// </summary>
    /// <remarks>Not ported: CharlockHolmes' guess of another encoding for invalid UTF-8 (GoEnv writes UTF-8 only).</remarks>
    public static IReadOnlyDictionary<string, string> ParseDotenv(byte[] file, int sizeLimit = DotenvSizeLimit, int variableLimit = DotenvVariableLimit)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!(file.Length < sizeLimit))
        {
            throw new InvalidDataException($"Dotenv Artifact Too Big. Maximum Allowable Size: {sizeLimit}");
        }

        var blob = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false).GetString(file);
        if (blob.StartsWith('\uFEFF'))
        {
            blob = blob[1..];
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in EachLine(blob))
        {
            var matches = s_dotenvLine.Matches(line);
            if (matches.Count == 0)
            {
                throw new InvalidDataException("Invalid Format");
            }

            var last = matches[^1];
            var key = RubyStrip(last.Groups[1].Value);
            var value = RubyStrip(last.Groups[2].Value);
            if (key.Length == 0)
            {
                throw new InvalidDataException("Validation failed: Key can't be blank");
            }

            if (key.Length > 255)
            {
                throw new InvalidDataException("Validation failed: Key is too long (maximum is 255 characters)");
            }

            if (!s_dotenvKey.IsMatch(key))
            {
                throw new InvalidDataException("Validation failed: Key can contain only letters, digits and '_'.");
            }

            variables[key] = value;
        }

        if (variables.Count > variableLimit)
        {
            throw new InvalidDataException($"Dotenv files cannot have more than {variableLimit} variables");
        }

        return variables;
    }

    /// <summary>
    /// lib/gitlab/ci/parsers/codequality/code_climate.rb with app/validators/json_schemas/codeclimate.json and the
    /// documented format (doc/ci/testing/code_quality.md): the entries GitLab keeps, in order. It stops at the first
    /// entry that is not valid (`break unless valid_degradation?`): that one and all later ones are dropped
    /// silently. Checked per entry: an object; description, fingerprint and severity strings; severity one of
    /// info|minor|major|critical|blocker; location an object with a string path and an integer lines.begin or
    /// positions.begin.line. (The schema alone leaves path, lines and the severity set optional; the documentation
    /// requires them, and GitLab needs them to place and sort the finding.) A BOM or a JSON syntax error throws
    /// (GitLab: "JSON parsing failed").
    /// </summary>
    public static IReadOnlyList<JsonElement> ParseCodeQuality(byte[] file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.AsSpan().StartsWith(Encoding.UTF8.Preamble))
        {
            throw new InvalidDataException("JSON parsing failed: the GitLab parser does not allow a byte order mark");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(file);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("JSON parsing failed: " + e.Message, e);
        }

        using var owner = document;
        var root = document.RootElement;
        var accepted = new List<JsonElement>();
        switch (root.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var degradation in root.EnumerateArray())
                {
                    if (!IsValidDegradation(degradation))
                    {
                        break;
                    }

                    accepted.Add(degradation.Clone());
                }

                return accepted;
            case JsonValueKind.Object:
                // Hash#each yields [key, value] arrays, which are not objects: the first one stops the parse.
                return accepted;
            case JsonValueKind.Null or JsonValueKind.False:
            case JsonValueKind.String when string.IsNullOrWhiteSpace(root.GetString()):
                // `return unless root.present?`
                return accepted;
            default:
                throw new InvalidDataException($"a {root.ValueKind} root has no #each (GitLab raises)");
        }
    }

    /// <summary>Why an entry is not valid for GitLab, or null when it is (see <see cref="ParseCodeQuality"/>).</summary>
    public static string? DegradationProblem(JsonElement degradation)
    {
        if (degradation.ValueKind != JsonValueKind.Object)
        {
            return "not an object";
        }

        foreach (var name in new[] { "description", "fingerprint", "severity" })
        {
            if (!degradation.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
            {
                return name + " is not a string";
            }
        }

        if (!s_severities.Contains(degradation.GetProperty("severity").GetString()!))
        {
            return "severity is not info|minor|major|critical|blocker";
        }

        if (!degradation.TryGetProperty("location", out var location) || location.ValueKind != JsonValueKind.Object)
        {
            return "location is not an object";
        }

        if (!location.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
        {
            return "location.path is not a string";
        }

        var hasLines = location.TryGetProperty("lines", out var lines);
        var hasPositions = location.TryGetProperty("positions", out var positions);
        if (hasLines && (lines.ValueKind != JsonValueKind.Object || (lines.TryGetProperty("begin", out var b) && !IsInteger(b))))
        {
            return "location.lines.begin is not an integer";
        }

        if (hasPositions && (positions.ValueKind != JsonValueKind.Object
            || (positions.TryGetProperty("begin", out var pb) && (pb.ValueKind != JsonValueKind.Object || (pb.TryGetProperty("line", out var pl) && !IsInteger(pl))))))
        {
            return "location.positions.begin.line is not an integer";
        }

        var line = hasLines && lines.TryGetProperty("begin", out var begin) ? begin
            : hasPositions && positions.TryGetProperty("begin", out var pbegin) && pbegin.TryGetProperty("line", out var pline) ? pline
            : default;
        return line.ValueKind == JsonValueKind.Undefined ? "neither location.lines.begin nor location.positions.begin.line" : null;
    }

    /// <summary>
    /// A reduced port of lib/gitlab/ci/ansi2json/converter.rb: how GitLab shows a job log. It follows the renderer's
    /// tokens in order (section marker, escape sequence, dangling escape, newline, bare CR, text up to the next
    /// ESC/CR/LF/'s'); styles are not tracked. Section names are folded like sanitize_section_name.
    /// </summary>
    public static RenderedLog RenderLog(string log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var lines = new List<RenderedLine>();
        var events = new List<string>();
        var open = new List<string>();
        var current = new StringBuilder();
        var currentSections = new List<string>();

        // flush_current_line + State#new_line!: a line belongs to the sections open when it began.
        void Flush()
        {
            if (current.Length > 0)
            {
                lines.Add(new RenderedLine(current.ToString(), [.. currentSections]));
            }

            current.Clear();
            currentSections = [.. open];
        }

        foreach (var line in EachLine(log))
        {
            var pos = 0;
            while (pos < line.Length)
            {
                Match m;
                if ((m = SectionMarker.Match(line, pos)).Success)
                {
                    var name = Regex.Replace(m.Groups[3].Value.ToLowerInvariant(), "[^a-z0-9]", "-");
                    if (m.Groups[1].Value == "start")
                    {
                        Flush();
                        if (!open.Contains(name))
                        {
                            open.Add(name);
                        }

                        currentSections.Add(name);
                        events.Add("start:" + name + (m.Groups[4].Success ? m.Groups[4].Value : ""));
                    }
                    else if (open.Contains(name))
                    {
                        Flush();
                        open.Remove(name);
                        events.Add("end:" + name);
                        Flush();
                    }

                    pos += m.Length;
                }
                else if ((m = s_escapeSequence.Match(line, pos)).Success)
                {
                    pos += m.Length;
                }
                else if (s_danglingEscape.Match(line, pos).Success)
                {
                    break;
                }
                else if ((m = s_newline.Match(line, pos)).Success)
                {
                    Flush();
                    pos += m.Length;
                }
                else if (line[pos] == '\r')
                {
                    events.Add("erase:" + current);
                    current.Clear();
                    pos++;
                }
                else
                {
                    m = s_text.Match(line, pos);
                    current.Append(m.Value);
                    pos += m.Length;
                }
            }
        }

        Flush();
        return new RenderedLog(lines, events);
    }

    /// <summary>Ruby's String#each_line with the default separator: pieces ending after each "\n" (kept), plus the rest.</summary>
    public static IEnumerable<string> EachLine(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            var end = newline < 0 ? text.Length : newline + 1;
            yield return text[start..end];
            start = end;
        }
    }

    /// <summary>Ruby's String#strip (2.6+): leading and trailing NUL, \t, \n, \v, \f, \r and space.</summary>
    public static string RubyStrip(string text) => text.Trim('\0', '\t', '\n', '\v', '\f', '\r', ' ');

    private static bool IsValidDegradation(JsonElement degradation) => DegradationProblem(degradation) is null;

    /// <summary>JSON Schema's integer: a number with no fractional part (json_schemer accepts 1.0).</summary>
    private static bool IsInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || (value.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) == d));

    /// <summary>One rendered log line and the (folded) sections open when it was flushed.</summary>
    public sealed record RenderedLine(string Text, IReadOnlyList<string> Sections);

    /// <summary>The rendered lines, and the events: "start:name[options]", "end:name", "erase:text" (a bare CR cleared the line).</summary>
    public sealed record RenderedLog(IReadOnlyList<RenderedLine> Lines, IReadOnlyList<string> Events);
}
