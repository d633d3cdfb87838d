using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using GoEnv.Core.Caching;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// The step summary: untrusted text lands in its cell or list item exactly once, reads back as the documented
/// display form, and forges no table cell or row, HTML tag, link, code span or line of our own.
/// </summary>
[TestClass]
public sealed partial class StepSummaryProperties
{
    private const string MarkdownSpecials = "|`[]*_~$\\";

    [TestMethod]
    public void Escape_ArbitraryText_NeutralAndReadsBackAsTheDisplayForm()
    {
        var limits = Gen.Frequency((3, Gen.Const(int.MaxValue)), (1, Gen.Int[1, 300]));
        PropertyRun.Check(Gen.Select(Hostile.Text, limits), c =>
        {
            var (text, limit) = c;
            var escaped = GitHubStepSummary.Escape(text, limit);
            Assert.AreEqual(PropertyRun.Show(Display(text, limit)), PropertyRun.Show(Decode(escaped)));
        });
    }

    [TestMethod]
    public void Render_ArbitraryVariablesAndFindings_OneRowPerVariableOneItemPerFindingNothingForged()
    {
        var variables = Gen.Select(Gen.Frequency((3, Hostile.GoName), (1, Hostile.Text)), Hostile.Value).Array[0, 8];
        var pin = Gen.Frequency(
            (2, Gen.Const((PinOutcome?)null)),
            (1, Gen.Select(Hostile.Text, Hostile.Text, Hostile.Text, (path, note, key) => (PinOutcome?)new PinOutcome(
                new PinnedEnvironment("go1.22.12", [new("GOFLAGS", "-mod=readonly")]), path, [note], new CacheKeys(key, [key], key, []), path))));
        PropertyRun.Check(Gen.Select(variables, Hostile.AnyFinding.Array[0, 10], pin, Hostile.Text), c =>
        {
            var (vars, findings, pinned, version) = c;
            var snapshot = PropertySnapshot.Of(vars, version, withGoMod: false);
            var markdown = GitHubStepSummary.Render(new CiRun("pin", new CheckResult { Snapshot = snapshot, Findings = findings }, pinned));

            Assert.DoesNotContain("more not shown", markdown, "the generated sizes stay within the budget");
            AssertNeutral(markdown);
            var lines = markdown.Split('\n');
            var rows = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
            var ordered = snapshot.Variables.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
            Assert.HasCount(ordered.Count + 2, rows, "one row per variable");
            for (var i = 0; i < ordered.Count; i++)
            {
                var cells = Cells(rows[i + 2]);
                Assert.HasCount(4, cells, $"row {PropertyRun.Show(rows[i + 2])}");
                // Markdown trims the spaces around a cell's content (so do Cells).
                Assert.AreEqual(PropertyRun.Show(Display(ordered[i].Name, 100).Trim(' ')), PropertyRun.Show(Decode(cells[0])));
                var value = snapshot.Redactor.Redact(ordered[i].Value);
                var expected = value.Length == 0 ? "_(empty)_" : "<code>" + GitHubStepSummary.Escape(value, 500) + "</code>";
                Assert.AreEqual(expected, cells[1]);
            }

            var items = lines.SkipWhile(l => l != "### Findings").Count(l => l.StartsWith("- ", StringComparison.Ordinal));
            Assert.AreEqual(findings.Length, items, "one list item per finding");
            return PropertyRun.Outcome.Carried;
        });
    }

    /// <summary>
    /// The documented display form: cut to <paramref name="limit"/> with '…' (never inside a surrogate pair), line
    /// breaks (CRLF, CR, LF, NEL, LS, PS) as one break, tab as a space, a lone surrogate as U+FFFD, other control and
    /// bidi characters as the visible text \uXXXX.
    /// </summary>
    private static string Display(string text, int limit)
    {
        var cut = text.Length > limit;
        if (cut)
        {
            var end = Math.Max(0, limit - 1);
            if (end > 0 && char.IsHighSurrogate(text[end - 1]))
            {
                end--;
            }

            text = text[..end];
        }

        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                sb.Append('\n');
            }
            else if (c == '\t')
            {
                sb.Append(' ');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (char.IsControl(c) || IsBidi(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return cut ? sb.Append('…').ToString() : sb.ToString();
    }

    /// <summary>
    /// Reads escaped text back the way GitHub's Markdown and HTML rendering shows it: the four entities, &lt;br&gt; as a
    /// line break, backslash escapes of Markdown punctuation. Any raw character that would be markup fails.
    /// </summary>
    private static string Decode(string escaped)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            var rest = escaped.AsSpan(i);
            string? entity = rest.StartsWith("&amp;") ? "&" : rest.StartsWith("&lt;") ? "<" : rest.StartsWith("&gt;") ? ">" : rest.StartsWith("&quot;") ? "\"" : rest.StartsWith("<br>") ? "\n" : null;
            if (entity is not null)
            {
                sb.Append(entity);
                i += escaped.IndexOf(entity == "\n" ? '>' : ';', i) - i;
                continue;
            }

            var c = escaped[i];
            if (c == '\\' && i + 1 < escaped.Length && MarkdownSpecials.Contains(escaped[i + 1], StringComparison.Ordinal))
            {
                sb.Append(escaped[++i]);
                continue;
            }

            Assert.IsFalse(MarkdownSpecials.Contains(c, StringComparison.Ordinal) || c is '<' or '>' or '&' or '"' or '\r' or '\n' || char.IsControl(c) || IsBidi(c), $"raw {PropertyRun.Show(c.ToString())} at {i} of {PropertyRun.Show(escaped)}");
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsBidi(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The cells of a table row, split at the pipes that are not backslash-escaped.</summary>
    private static List<string> Cells(string row)
    {
        var cells = new List<string>();
        var start = -1;
        for (var i = 0; i < row.Length; i++)
        {
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && row[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (row[i] == '|' && backslashes % 2 == 0)
            {
                if (start >= 0)
                {
                    cells.Add(row[start..i].Trim(' '));
                }

                start = i + 1;
            }
        }

        return cells;
    }

    private static void AssertNeutral(string markdown)
    {
        foreach (Match tag in Tag().Matches(markdown))
        {
            Assert.IsTrue(tag.Value is "<br>" or "<code>" or "</code>", $"unexpected tag {PropertyRun.Show(tag.Value)}");
        }

        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] is '[' or ']' or '`')
            {
                var backslashes = 0;
                for (var j = i - 1; j >= 0 && markdown[j] == '\\'; j--)
                {
                    backslashes++;
                }

                Assert.AreEqual(1, backslashes % 2, $"unescaped {markdown[i]} at {i}");
            }
        }

        Assert.IsFalse(markdown.Any(c => c == '\r' || IsBidi(c)), "a CR or bidi control in the summary");
        foreach (var line in markdown.Split('\n'))
        {
            Assert.IsTrue(OwnLine().IsMatch(line), $"unexpected line start: {PropertyRun.Show(line[..Math.Min(line.Length, 60)])}");
        }
    }

    [GeneratedRegex("<[^>]*>?")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(|## [✅❌] goenv |\*\*Go:\*\* |### |\| |- |None: |… \d+ more not shown)")]
    private static partial Regex OwnLine();
}
