using System.Globalization;
using System.Text;
using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;
using GoEnv.Core.Security;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// The step summary (GITHUB_STEP_SUMMARY): GitHub-flavoured Markdown with the verdict, every checked variable, what
/// `pin` pinned, and every finding with its fix.
/// </summary>
/// <remarks>
/// ci-protocols.md §2.7/§7.3. The toolkit escapes nothing and HTML renders, so every string that is not ours is
/// HTML- and Markdown-escaped (<see cref="Escape"/>): it cannot end a table cell, open a tag, make a link or code
/// span, or start a line. A summary over 1 MiB is dropped whole by the runner (plus an error annotation against
/// the budget of 10), so the text stays under the byte budget: it stops at a row or list-item boundary and says how
/// much was left out. Values are redacted with the snapshot's redactor; findings are redacted already.
/// </remarks>
public static class GitHubStepSummary
{
    /// <summary>The runner's limit for one step's summary file; a larger file is not uploaded at all.</summary>
    public const int RunnerLimitBytes = 1_048_576;

    /// <summary>The smallest budget <see cref="Render(CiRun, bool, int)"/> accepts: the heading always fits in it.</summary>
    public const int MinimumBytes = 4096;

    // Room kept for the closing "… N more not shown" line.
    private const int NoteReserve = 256;

    private static readonly UTF8Encoding s_utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The summary, at most <paramref name="maxBytes"/> UTF-8 bytes; FAILED only when there are errors.</summary>
    public static string Render(CiRun run, int maxBytes = 1_000_000) => Render(run, strict: false, maxBytes);

    /// <summary>The summary, at most <paramref name="maxBytes"/> UTF-8 bytes; FAILED as <see cref="CiRun.Failed"/> says for <paramref name="strict"/>.</summary>
    public static string Render(CiRun run, bool strict, int maxBytes = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, MinimumBytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxBytes, RunnerLimitBytes);

        var check = run.Check;
        var snapshot = check.Snapshot;
        var redactor = snapshot.Redactor;
        var budget = new Budget(maxBytes - NoteReserve);

        budget.Add(Heading(run, strict), "heading", count: 0);

        var worst = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var finding in check.Findings)
        {
            if (finding.Variable is { } name && (!worst.TryGetValue(name, out var seen) || finding.Severity > seen))
            {
                worst[name] = finding.Severity;
            }
        }

        var pinned = run.Pin?.Environment.Variables;
        budget.Add("\n### Go environment\n\n| Variable | Value | Source | Status |\n| --- | --- | --- | --- |\n", "variables", count: 0);
        foreach (var variable in snapshot.Variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            var value = redactor.Redact(variable.Value);
            var status = worst.TryGetValue(variable.Name, out var severity) ? SeverityWord(severity)
                : pinned is not null && pinned.ContainsKey(variable.Name) ? "pinned"
                : "ok";
            budget.Add(
                $"| {Escape(variable.Name, 100)} | {(value.Length == 0 ? "_(empty)_" : "<code>" + Escape(value, 500) + "</code>")} | {Escape(redactor.Redact(variable.Source.ToString()), 300)} | {status} |\n",
                "variables");
        }

        if (run.Pin is { } pin)
        {
            var lines = PinLines(pin, redactor);
            budget.Add("\n### Pinned\n\n", "pin details", count: 0);
            foreach (var line in lines)
            {
                budget.Add(line, "pin details");
            }
        }

        budget.Add("\n### Findings\n\n", "findings", count: 0);
        if (check.Findings.Count == 0)
        {
            budget.Add("None: the Go environment passed every check.\n", "findings", count: 0);
        }

        foreach (var finding in check.Findings)
        {
            budget.Add(FindingItem(finding, redactor), "findings");
        }

        return budget.Finish();
    }

    /// <summary>
    /// Appends to the step summary file (UTF-8 without BOM, one write). Refuses, with
    /// <see cref="GitHubFileCommandException"/>, to take the file over the runner's 1 MiB: the runner would then drop
    /// the whole summary, other tools' parts included.
    /// </summary>
    public static void Append(string path, string markdown)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(markdown);
        if (markdown.Length == 0)
        {
            return;
        }

        var bytes = s_utf8NoBom.GetBytes(markdown);
        var existing = File.Exists(path) ? new FileInfo(path).Length : 0;
        if (existing + bytes.Length > RunnerLimitBytes)
        {
            throw new GitHubFileCommandException(
                $"'GITHUB_STEP_SUMMARY' would grow to {existing + bytes.Length} bytes, over the runner's {RunnerLimitBytes} (it would drop the whole summary); nothing was written.",
                "GITHUB_STEP_SUMMARY");
        }

        AppendOnlyFile.Append(path, bytes, "GITHUB_STEP_SUMMARY");
    }

    /// <summary>
    /// Untrusted text for a table cell or list item: HTML-escaped (`&amp;`, `&lt;`, `&gt;`, `&quot;`), Markdown
    /// punctuation backslash-escaped (`|`, backtick, `[`, `]`, `*`, `_`, `~`, `$`, `\`), line breaks as `&lt;br&gt;`,
    /// control and bidirectional-override characters shown as `\uXXXX`, cut to <paramref name="maxChars"/> with '…'.
    /// </summary>
    public static string Escape(string? text, int maxChars = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Cut first, so the limit counts the user's characters; the '…' it adds needs no escaping.
        text = ReportText.Cut(text, maxChars);
        var sb = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\r' or '\n' or '\u0085' or '\u2028' or '\u2029':
                    sb.Append("<br>");
                    break;
                case '|' or '`' or '[' or ']' or '*' or '_' or '~' or '$' or '\\':
                    sb.Append('\\').Append(c);
                    break;
                case '\t':
                    sb.Append(' ');
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        sb.Append('\uFFFD');
                    }
                    else if (char.IsControl(c) || IsBidiControl(c))
                    {
                        // A Markdown-escaped backslash, then the code: shows as \u001b.
                        sb.Append("\\\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static string Heading(CiRun run, bool strict)
    {
        var check = run.Check;
        var failed = run.Failed(strict);
        var errors = check.Findings.Count(f => f.Severity == Severity.Error);
        var warnings = check.Findings.Count(f => f.Severity == Severity.Warning);
        var notices = check.Findings.Count - errors - warnings;
        var version = check.Snapshot.VersionText.Length > 0 ? Escape(check.Snapshot.VersionText, 100) : "no usable Go found";
        var sb = new StringBuilder();
        sb.Append("## ").Append(failed ? "❌" : "✅").Append(" goenv ").Append(Escape(run.Command, 100)).Append(": ")
          .Append(Escape(Reporting.TextReport.Verdict(check, strict), 200)).Append("\n\n");
        sb.Append("**Go:** ").Append(version).Append(" · ")
          .Append(Count(errors, "error")).Append(", ").Append(Count(warnings, "warning")).Append(", ").Append(Count(notices, "notice"))
          .Append('\n');
        return sb.ToString();
    }

    private static List<string> PinLines(PinOutcome pin, SecretRedactor redactor)
    {
        var keys = pin.Keys;
        var lines = new List<string>
        {
            $"- Env file: <code>{Escape(redactor.Redact(pin.EnvFilePath), 500)}</code>\n",
            $"- {Count(pin.Environment.Count, "variable")} pinned, sha256 <code>{Escape(pin.Environment.ContentHash())}</code>\n",
            $"- Go bin directory: <code>{Escape(redactor.Redact(pin.GoBinDirectory), 500)}</code>\n",
            $"- Module cache key: <code>{Escape(keys.Modules, 300)}</code>{RestoreKeys(keys.ModulesRestoreKeys)}\n",
            $"- Build cache key: <code>{Escape(keys.Build, 300)}</code>{RestoreKeys(keys.BuildRestoreKeys)}\n",
        };
        lines.AddRange(pin.Notes.Select(note => $"- Note: {Escape(redactor.Redact(note), 1000)}\n"));
        return lines;
    }

    private static string RestoreKeys(IReadOnlyList<string> keys) =>
        keys.Count == 0 ? "" : " (restore keys: " + string.Join(", ", keys.Take(10).Select(k => "<code>" + Escape(k, 300) + "</code>")) + ")";

    private static string FindingItem(Finding finding, SecretRedactor redactor)
    {
        var sb = new StringBuilder("- ");
        sb.Append(finding.Severity == Severity.Error ? "**error**" : SeverityWord(finding.Severity))
          .Append(' ').Append(Escape(finding.RuleId, 50));
        if (!string.IsNullOrEmpty(finding.Variable))
        {
            sb.Append(' ').Append(Escape(finding.Variable, 100));
        }

        if (!string.IsNullOrEmpty(finding.File))
        {
            sb.Append(" (").Append(Escape(redactor.Redact(finding.File), 300));
            if (finding.Line > 0)
            {
                sb.Append(':').Append(finding.Line.ToString(CultureInfo.InvariantCulture));
            }

            sb.Append(')');
        }

        sb.Append(": ").Append(Escape(redactor.Redact(finding.Message), 2000));
        if (!string.IsNullOrWhiteSpace(finding.Fix))
        {
            sb.Append("<br>**Fix:** ").Append(Escape(redactor.Redact(finding.Fix), 1000));
        }

        return sb.Append('\n').ToString();
    }

    private static string SeverityWord(Severity severity) => severity switch
    {
        Severity.Error => "**error**",
        Severity.Warning => "warning",
        _ => "notice",
    };

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>Collects blocks while they fit; after the first that does not, only counts what is left out, per kind.</summary>
    private sealed class Budget(int limit)
    {
        private readonly StringBuilder _text = new();
        private readonly List<(string Kind, int Count)> _omitted = [];
        private int _bytes;
        private bool _full;

        /// <summary>Adds a block, or counts it as left out.</summary>
        /// <param name="block">Whole lines of Markdown.</param>
        /// <param name="kind">What the block is, for the "left out" line.</param>
        /// <param name="count">How many items the block shows: 1 for a row or list item, 0 for headings and other structure.</param>
        public void Add(string block, string kind, int count = 1)
        {
            if (!_full)
            {
                var size = s_utf8NoBom.GetByteCount(block);
                if (_bytes + size <= limit)
                {
                    _text.Append(block);
                    _bytes += size;
                    return;
                }

                _full = true;
            }

            Omit(kind, count);
        }

        public string Finish()
        {
            var total = _omitted.Sum(o => o.Count);
            if (total > 0)
            {
                _text.Append("\n… ").Append(total.ToString(CultureInfo.InvariantCulture)).Append(" more not shown (see the log): ")
                     .Append(string.Join(", ", _omitted.Select(o => o.Count.ToString(CultureInfo.InvariantCulture) + " " + o.Kind)))
                     .Append(".\n");
            }

            return _text.ToString();
        }

        private void Omit(string kind, int count)
        {
            if (count == 0)
            {
                return;
            }

            var i = _omitted.FindIndex(o => o.Kind == kind);
            if (i < 0)
            {
                _omitted.Add((kind, count));
            }
            else
            {
                _omitted[i] = (kind, _omitted[i].Count + count);
            }
        }
    }
}
