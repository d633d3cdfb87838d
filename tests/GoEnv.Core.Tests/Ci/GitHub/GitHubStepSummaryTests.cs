using System.Text;
using System.Text.RegularExpressions;
using GoEnv.Core.Caching;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Findings;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Ci.GitHub;

[TestClass]
public sealed partial class GitHubStepSummaryTests
{
    private const string Hostile = "<script>alert(1)</script> | a|b `code` [x](http://evil) ![i](http://evil/i.png) *b* _i_ ~s~ $x$ \\ &amp; \u202Egnp.exe\r\n## heading\n<img src=x onerror=alert(1)>";

    [TestMethod]
    [DataRow("<script>", "&lt;script&gt;")]
    [DataRow("a|b", "a\\|b")]
    [DataRow("[x](http://evil)", "\\[x\\](http://evil)")]
    [DataRow("`id`", "\\`id\\`")]
    [DataRow("*b* _i_ ~s~ $m$", "\\*b\\* \\_i\\_ \\~s\\~ \\$m\\$")]
    [DataRow("a\\b", "a\\\\b")]
    [DataRow("&amp; \"q\"", "&amp;amp; &quot;q&quot;")]
    [DataRow("a\r\nb\rc\nd", "a<br>b<br>c<br>d")]
    [DataRow("esc\u001b[31m", "esc\\\\u001b\\[31m")]
    [DataRow("\u202Eevil", "\\\\u202eevil")]
    [DataRow("héllo 😀 👨‍👩‍👧", "héllo 😀 👨‍👩‍👧")]
    public void Escape_UntrustedText_HtmlAndMarkdownNeutral(string input, string expected) =>
        Assert.AreEqual(expected, GitHubStepSummary.Escape(input));

    [TestMethod]
    public void Escape_LongText_CutWithEllipsis() =>
        Assert.AreEqual("abcd…", GitHubStepSummary.Escape("abcdefgh", 5));

    [TestMethod]
    public void Render_HostileValuesAndFindings_CannotBreakTheTableInjectHtmlOrMakeLinks()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOFLAGS", Hostile).Set("GOPRIVATE", "a|b|c");
        var findings = new List<Finding>
        {
            new("GOENV0007", Severity.Error, "GOFLAGS", "Hostile: " + Hostile, "Fix: " + Hostile, bed.WorkDir + "/go.mod", 3),
            new("GOENV0008", Severity.Warning, "GOPRIVATE", "[click](http://evil)", "`rm -rf /`"),
        };

        var markdown = GitHubStepSummary.Render(Run(bed, findings));

        AssertNeutral(markdown);
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.IsGreaterThan(5, rows.Count);
        foreach (var row in rows)
        {
            Assert.AreEqual(5, UnescapedPipes(row), row);
        }

        Assert.Contains("&lt;script&gt;", markdown);
        Assert.Contains("\\[x\\](http://evil)", markdown);
    }

    [TestMethod]
    public void Render_CheckWithErrors_HeadingSaysFailedWithVersionAndCommand()
    {
        using var bed = new RuleTestBed();
        var findings = new List<Finding> { new("GOENV0007", Severity.Error, "GOFLAGS", "m", "f"), new("GOENV0020", Severity.Warning, null, "w", "f") };

        var markdown = GitHubStepSummary.Render(Run(bed, findings, command: "check"));

        var lines = markdown.Split('\n');
        Assert.AreEqual("## ❌ goenv check: FAILED", lines[0]);
        Assert.Contains("go1.22.12", markdown);
        Assert.Contains("1 error, 1 warning, 0 notices", markdown);
    }

    [TestMethod]
    public void Render_WarningsOnly_OkUnlessStrict()
    {
        using var bed = new RuleTestBed();
        var run = Run(bed, [new("GOENV0020", Severity.Warning, "GOFLAGS", "w", "f")]);

        Assert.StartsWith("## ✅ goenv pin: OK\n", GitHubStepSummary.Render(run));
        Assert.StartsWith("## ❌ goenv pin: FAILED (warnings fail this run: --strict, fail-on: warning)\n", GitHubStepSummary.Render(run, strict: true));
    }

    [TestMethod]
    public void Render_EveryVariable_OneRowWithRedactedValueSourceAndStatus()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPROXY", "https://builder:s3cr3t-T0ken@proxy.corp.example/go,direct").Set("GONOSUMDB", "corp.example");
        var findings = new List<Finding>
        {
            new("GOENV0011", Severity.Notice, "GOPROXY", "n", "f"),
            new("GOENV0010", Severity.Warning, "GOPROXY", "w", "f"),
            new("GOENV0030", Severity.Notice, "GONOSUMDB", "n", "f"),
        };
        var pin = Pin(bed, new Dictionary<string, string> { ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "x" });
        var check = bed.Check();

        var markdown = GitHubStepSummary.Render(new CiRun("pin", new CheckResult { Snapshot = check.Snapshot, Findings = findings }, pin));

        Assert.DoesNotContain("s3cr3t-T0ken", markdown);
        Assert.Contains("builder:\\*\\*\\*@proxy.corp.example", markdown);
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        Assert.HasCount(check.Snapshot.Variables.Count, rows, "one row per checked variable");
        Assert.EndsWith("| warning |", Row(rows, "GOPROXY"), "the most severe finding wins over pinned");
        Assert.EndsWith("| notice |", Row(rows, "GONOSUMDB"));
        Assert.EndsWith("| ok |", Row(rows, "GOARCH"));
        Assert.Contains("| process environment |", Row(rows, "GONOSUMDB"));
        if (check.Snapshot.Variables.ContainsKey("GOFLAGS"))
        {
            Assert.EndsWith("| pinned |", Row(rows, "GOFLAGS"));
        }
    }

    [TestMethod]
    public void Render_Pin_ShowsEnvFileHashAndCacheKeys()
    {
        using var bed = new RuleTestBed();
        var pin = Pin(bed, new Dictionary<string, string> { ["GOFLAGS"] = "-mod=readonly" });

        var markdown = GitHubStepSummary.Render(new CiRun("pin", new CheckResult { Snapshot = bed.Check().Snapshot, Findings = [] }, pin));

        Assert.Contains("### Pinned", markdown);
        Assert.Contains(pin.EnvFilePath.Replace("_", "\\_", StringComparison.Ordinal), markdown);
        Assert.Contains(pin.Environment.ContentHash(), markdown);
        Assert.Contains("goenv-modules-go1.22.12-0123456789abcdef", markdown);
        Assert.Contains("goenv-build-go1.22.12-linux-amd64", markdown);
        Assert.Contains("GOTOOLCHAIN left out: \\`local\\` &lt;b&gt;", markdown);
        Assert.Contains("None: the Go environment passed every check.", markdown);
        AssertNeutral(markdown);
    }

    [TestMethod]
    public void Render_Check_NoPinSection()
    {
        using var bed = new RuleTestBed();

        var markdown = GitHubStepSummary.Render(new CiRun("check", bed.Check(), null));

        Assert.DoesNotContain("### Pinned", markdown);
        Assert.Contains("### Findings", markdown);
    }

    [TestMethod]
    public void Render_TwentyThousandFindings_StaysUnderTheBudgetAndSaysHowManyAreLeftOut()
    {
        using var bed = new RuleTestBed();
        var findings = Enumerable.Range(0, 20_000)
            .Select(i => new Finding($"GOENV{i % 10_000:D4}", i < 10_000 ? Severity.Error : Severity.Warning, "GOFLAGS", $"Finding {i}: " + new string('x', 200) + " <&>|", "Do " + new string('y', 50)))
            .ToList();

        var markdown = GitHubStepSummary.Render(Run(bed, findings));

        Assert.IsLessThanOrEqualTo(1_000_000, Encoding.UTF8.GetByteCount(markdown));
        var shown = markdown.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal));
        Assert.IsGreaterThan(1000, shown);
        var left = 20_000 - shown;
        Assert.Contains($"\n… {left} more not shown (see the log): {left} findings.\n", markdown);
        Assert.EndsWith(".\n", markdown);
        AssertNeutral(markdown);
    }

    [TestMethod]
    [DataRow(GitHubStepSummary.MinimumBytes)]
    [DataRow(10_000)]
    [DataRow(100_000)]
    public void Render_HugeValuesAndFindings_NeverOverMaxBytes(int maxBytes)
    {
        using var bed = new RuleTestBed();
        bed.Set("GOFLAGS", string.Concat(Enumerable.Repeat("<&😀|", 300_000)));
        var findings = Enumerable.Range(0, 500).Select(i => new Finding("GOENV0007", Severity.Error, "GOFLAGS", new string('<', 100_000), new string('|', 50_000))).ToList();

        var markdown = GitHubStepSummary.Render(Run(bed, findings), maxBytes);

        Assert.IsLessThanOrEqualTo(maxBytes, Encoding.UTF8.GetByteCount(markdown));
        Assert.Contains("more not shown (see the log)", markdown);
        StringAssert.StartsWith(markdown, "## ❌ goenv pin: FAILED");
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(GitHubStepSummary.MinimumBytes - 1)]
    [DataRow(GitHubStepSummary.RunnerLimitBytes + 1)]
    public void Render_BudgetOutOfRange_Throws(int maxBytes)
    {
        using var bed = new RuleTestBed();
        var run = Run(bed, []);

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GitHubStepSummary.Render(run, maxBytes));
    }

    [TestMethod]
    public void Append_EmptyRunnerFile_Utf8WithoutBomAndExactBytes()
    {
        using var files = new RunnerFileCommands();
        const string markdown = "## ✅ goenv\n\n| a | b |\n";

        GitHubStepSummary.Append(files.StepSummary, markdown);
        GitHubStepSummary.Append(files.StepSummary, markdown);

        CollectionAssert.AreEqual(new UTF8Encoding(false).GetBytes(markdown + markdown), File.ReadAllBytes(files.StepSummary));
    }

    [TestMethod]
    public void Append_OverTheRunnerLimit_RefusedAndFileUnchanged()
    {
        using var files = new RunnerFileCommands();
        File.WriteAllText(files.StepSummary, new string('x', GitHubStepSummary.RunnerLimitBytes - 10));
        var before = File.ReadAllBytes(files.StepSummary);

        Assert.ThrowsExactly<GitHubFileCommandException>(() => GitHubStepSummary.Append(files.StepSummary, new string('y', 11)));

        CollectionAssert.AreEqual(before, File.ReadAllBytes(files.StepSummary));
        GitHubStepSummary.Append(files.StepSummary, new string('y', 10));
        Assert.AreEqual(GitHubStepSummary.RunnerLimitBytes, new FileInfo(files.StepSummary).Length);
    }

    [TestMethod]
    public void Append_MissingFile_ThrowsAndDoesNotCreateIt()
    {
        using var files = new RunnerFileCommands();
        var missing = files.StepSummary + "-gone";

        Assert.ThrowsExactly<FileNotFoundException>(() => GitHubStepSummary.Append(missing, "x"));

        Assert.IsFalse(File.Exists(missing));
    }

    private static CiRun Run(RuleTestBed bed, IReadOnlyList<Finding> findings, string command = "pin") =>
        new(command, new CheckResult { Snapshot = bed.Check().Snapshot, Findings = findings }, null);

    private static PinOutcome Pin(RuleTestBed bed, Dictionary<string, string> variables) =>
        new(
            new PinnedEnvironment("go1.22.12", variables),
            Path.Combine(bed.WorkDir, "go_pinned.env"),
            ["GOTOOLCHAIN left out: `local` <b>"],
            new CacheKeys(
                "goenv-modules-go1.22.12-0123456789abcdef",
                ["goenv-modules-go1.22.12-", "goenv-modules-"],
                "goenv-build-go1.22.12-linux-amd64-v1-cgo1-89abcdef-0123456789abcdef",
                ["goenv-build-go1.22.12-linux-amd64-v1-cgo1-89abcdef-", "goenv-build-go1.22.12-linux-amd64-"]),
            Path.Combine(bed.GoRoot, "bin"));

    private static string Row(IEnumerable<string> rows, string variable) =>
        rows.Single(r => r.StartsWith("| " + variable.Replace("_", "\\_", StringComparison.Ordinal) + " |", StringComparison.Ordinal));

    /// <summary>Pipes that end a table cell: not preceded by an odd number of backslashes.</summary>
    private static int UnescapedPipes(string row)
    {
        var count = 0;
        for (var i = 0; i < row.Length; i++)
        {
            if (row[i] != '|')
            {
                continue;
            }

            var backslashes = 0;
            for (var j = i - 1; j >= 0 && row[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Only our own tags; every '[' and '`' escaped; no bidi override; only our own lines start with markup.</summary>
    private static void AssertNeutral(string markdown)
    {
        foreach (Match tag in Regex.Matches(markdown, "<[^>]*>?"))
        {
            Assert.IsTrue(tag.Value is "<br>" or "<code>" or "</code>", $"unexpected tag {tag.Value}");
        }

        for (var i = 0; i < markdown.Length; i++)
        {
            if (markdown[i] is '[' or ']' or '`')
            {
                Assert.AreEqual('\\', markdown[i - 1], $"unescaped {markdown[i]} at {i}: {markdown[Math.Max(0, i - 40)..Math.Min(markdown.Length, i + 40)]}");
            }
        }

        Assert.DoesNotContain("\u202E", markdown);
        Assert.DoesNotContain("\r", markdown);
        foreach (var line in markdown.Split('\n'))
        {
            Assert.IsTrue(OwnLine().IsMatch(line), $"unexpected line start: {line[..Math.Min(line.Length, 60)]}");
        }
    }

    [GeneratedRegex(@"^(|## [✅❌] goenv |\*\*Go:\*\* |### |\| |- |None: |… \d+ more not shown)")]
    private static partial Regex OwnLine();
}
