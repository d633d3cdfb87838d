using System.Text.Json;
using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Tests.Reporting;

/// <summary>The SARIF document has everything GitHub code scanning requires (ci-protocols.md §5), never as an empty string.</summary>
[TestClass]
public sealed class SarifReportTests
{
    private static CheckResult BrokenCheck(RuleTestBed bed)
    {
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.99.0\n");
        bed.Set("GOPROXY", "garbage").Set("GOFLAGS", "-typo").Set("GOSUMDB", "off").Set("GOPRIVATE", "foo.com, example.org").Set("CGO_ENABLED", "yes");
        var result = bed.Check();
        Assert.IsTrue(result.Findings.Select(f => f.Severity).Distinct().Count() >= 2, "errors and warnings");
        return result;
    }

    private static JsonElement Run(string sarif) => JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0];

    private static string Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            Assert.IsTrue(element.TryGetProperty(name, out element), $"missing {string.Join('.', path)}");
        }

        var text = element.GetString();
        Assert.IsFalse(string.IsNullOrWhiteSpace(text), $"{string.Join('.', path)} is empty");
        return text!;
    }

    private static CheckResult With(CheckResult result, params Finding[] findings) => new() { Snapshot = result.Snapshot, Findings = findings };

    [TestMethod]
    public void Render_BrokenEnvironment_HasEveryRequiredPropertyNonEmpty()
    {
        using var bed = new RuleTestBed();
        var result = BrokenCheck(bed);

        var sarif = SarifReport.Render(result, bed.Root, "1.2.3");

        var root = JsonDocument.Parse(sarif).RootElement;
        Assert.AreEqual(SarifReport.SchemaUri, Text(root, "$schema"));
        Assert.AreEqual("2.1.0", Text(root, "version"));
        Assert.AreEqual(1, root.GetProperty("runs").GetArrayLength());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.AreEqual("GoEnv", Text(driver, "name"));
        Assert.AreEqual("1.2.3", Text(driver, "semanticVersion"));
        Assert.AreEqual("https://github.com/org/goenv-action", Text(driver, "informationUri"));

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        foreach (var rule in rules)
        {
            var id = Text(rule, "id");
            var catalog = RuleCatalog.Find(id);
            Assert.IsNotNull(catalog, id);
            Assert.AreEqual(catalog.Title, Text(rule, "shortDescription", "text"));
            Assert.IsLessThanOrEqualTo(1024, Text(rule, "fullDescription", "text").Length);
            Assert.AreEqual(catalog.Fix, Text(rule, "help", "text"));
            StringAssert.Contains(Text(rule, "help", "markdown"), catalog.Fix);
            Assert.IsLessThanOrEqualTo(255, Text(rule, "name").Length);
            Assert.AreEqual(SarifReport.Level(catalog.DefaultSeverity), Text(rule, "defaultConfiguration", "level"));
        }

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.HasCount(result.Findings.Count, results);
        foreach (var r in results)
        {
            Text(r, "message", "text");
            Assert.Contains(Text(r, "level"), new[] { "error", "warning", "note" });
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = Text(location, "artifactLocation", "uri");
            Assert.IsFalse(Path.IsPathRooted(uri), uri);
            Assert.DoesNotContain('\\', uri);
            var region = location.GetProperty("region");
            var startLine = region.GetProperty("startLine").GetInt32();
            var startColumn = region.GetProperty("startColumn").GetInt32();
            Assert.IsGreaterThanOrEqualTo(1, startLine);
            Assert.IsGreaterThanOrEqualTo(1, startColumn);
            Assert.AreEqual(startLine, region.GetProperty("endLine").GetInt32());
            Assert.IsGreaterThan(startColumn, region.GetProperty("endColumn").GetInt32());
            Text(r, "partialFingerprints", "primaryLocationLineHash");
        }
    }

    [TestMethod]
    public void Render_Rules_AreExactlyThoseWithResultsAndRuleIndexPointsAtThem()
    {
        using var bed = new RuleTestBed();
        var result = BrokenCheck(bed);

        var run = Run(SarifReport.Render(result, bed.Root, "1.2.3"));

        var ruleIds = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
        CollectionAssert.AreEquivalent(result.Findings.Select(f => f.RuleId).Distinct().ToList(), ruleIds);
        Assert.HasCount(ruleIds.Count, ruleIds.Distinct().ToList());
        foreach (var r in run.GetProperty("results").EnumerateArray())
        {
            Assert.AreEqual(r.GetProperty("ruleId").GetString(), ruleIds[r.GetProperty("ruleIndex").GetInt32()]);
        }
    }

    [TestMethod]
    [DataRow(Severity.Error, "error")]
    [DataRow(Severity.Warning, "warning")]
    [DataRow(Severity.Notice, "note")]
    public void Render_Severity_IsMappedToLevel(Severity severity, string level)
    {
        using var bed = new RuleTestBed();
        var result = With(bed.Check(), new Finding("GOENV0070", severity, "GOPROXY", "m", "f"));

        var r = Run(SarifReport.Render(result, bed.Root, "1.0.0")).GetProperty("results")[0];

        Assert.AreEqual(level, r.GetProperty("level").GetString());
    }

    [TestMethod]
    public void Render_FileInTheRepository_IsItsRelativeUriAndLine()
    {
        using var bed = new RuleTestBed();
        var goMod = Path.Combine(bed.WorkDir, "sub dir", "go.mod");
        var result = With(bed.Check(), new Finding("GOENV0101", Severity.Error, null, "too new", "install", goMod, 3, 1));

        var location = Run(SarifReport.Render(result, bed.Root, "1.0.0")).GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation");

        Assert.AreEqual("work/sub%20dir/go.mod", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.AreEqual(3, location.GetProperty("region").GetProperty("startLine").GetInt32());
    }

    [TestMethod]
    public void Render_LargestColumn_RegionStaysPositive()
    {
        // Found by SarifProperties: endColumn (startColumn + 1) overflowed to int.MinValue.
        using var bed = new RuleTestBed();
        var result = With(bed.Check(), new Finding("GOENV0101", Severity.Error, null, "m", "f", Path.Combine(bed.WorkDir, "go.mod"), 3, int.MaxValue));

        var region = Run(SarifReport.Render(result, bed.Root, "1.0.0")).GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");

        Assert.IsGreaterThan(region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32());
    }

    [TestMethod]
    public void Render_NoFile_IsShownOnTheModulesGoModWithTheRealSourceInTheMessage()
    {
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.21\n");
        var result = With(bed.Check(), new Finding("GOENV0070", Severity.Error, "GOPROXY", "GOPROXY is broken.", "Fix it."), new Finding("GOENV0090", Severity.Warning, "GOPRIVATE", "Never matches.", "Remove it.", "/home/u/.config/go/env", 2, 1));

        var results = Run(SarifReport.Render(result, bed.Root, "1.0.0")).GetProperty("results");

        foreach (var r in results.EnumerateArray())
        {
            var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.AreEqual("work/go.mod", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.AreEqual(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
        }

        StringAssert.StartsWith(results[0].GetProperty("message").GetProperty("text").GetString(), "GOPROXY: GOPROXY is broken. Fix: Fix it.");
        StringAssert.Contains(results[0].GetProperty("message").GetProperty("text").GetString(), "does not come from a file in the repository");
        StringAssert.Contains(results[1].GetProperty("message").GetProperty("text").GetString(), "/home/u/.config/go/env:2");
    }

    [TestMethod]
    public void Render_NoFileAndNoGoMod_UsesGoMod()
    {
        using var bed = new RuleTestBed();
        var result = With(bed.Check(), new Finding("GOENV0070", Severity.Error, "GOPROXY", "m", "f"));

        var r = Run(SarifReport.Render(result, bed.Root, "1.0.0")).GetProperty("results")[0];

        Assert.AreEqual("go.mod", r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [TestMethod]
    public void Render_Fingerprints_AreUniqueStableAndIgnoreLineNumbers()
    {
        using var bed = new RuleTestBed();
        var snapshot = bed.Check();
        var file = Path.Combine(bed.WorkDir, "go.mod");
        Finding At(int line, string message) => new("GOENV0090", Severity.Warning, "GOPRIVATE", message, "f", file, line, 1);

        static List<string> Hashes(string sarif) =>
            Run(sarif).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!).ToList();

        var first = Hashes(SarifReport.Render(With(snapshot, At(3, "a"), At(4, "b")), bed.Root, "1.0.0"));
        var moved = Hashes(SarifReport.Render(With(snapshot, At(8, "a"), At(9, "b")), bed.Root, "1.0.0"));

        Assert.HasCount(2, first.Distinct().ToList());
        CollectionAssert.AreEqual(first, moved);
        Assert.MatchesRegex("^[0-9a-f]{16}:1$", first[0]);
        Assert.AreEqual(SarifReport.Render(With(snapshot, At(3, "a")), bed.Root, "1.0.0"), SarifReport.Render(With(snapshot, At(3, "a")), bed.Root, "1.0.0"));
    }

    [TestMethod]
    public void Render_SecretsInFindings_AreRedacted()
    {
        using var bed = new RuleTestBed();
        var result = bed.Check();
        result.Snapshot.Redactor.LearnFrom("https://user:hunter2secret@proxy.example.com");
        var leaky = new Finding("GOENV0072", Severity.Warning, "GOPROXY", "token hunter2secret in https://bob:s3cr3tpass@x.example", "drop hunter2secret");

        var sarif = SarifReport.Render(With(result, leaky), bed.Root, "1.0.0");

        Assert.DoesNotContain("hunter2secret", sarif);
        Assert.DoesNotContain("s3cr3tpass", sarif);
    }

    [TestMethod]
    public void Render_UnknownRuleLoneSurrogateAndEmptyText_StillValidAndNonEmpty()
    {
        using var bed = new RuleTestBed();
        var result = With(bed.Check(), new Finding("GOENV9999", Severity.Notice, null, "bad \ud800 text", ""), new Finding("GOENV9998", Severity.Error, "", "", ""));

        var sarif = SarifReport.Render(result, bed.Root, "");

        var run = Run(sarif);
        Assert.IsFalse(run.GetProperty("tool").GetProperty("driver").TryGetProperty("semanticVersion", out _), "an empty version is left out, not written empty");
        foreach (var rule in run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray())
        {
            Text(rule, "shortDescription", "text");
            Text(rule, "fullDescription", "text");
            Text(rule, "help", "text");
        }

        foreach (var r in run.GetProperty("results").EnumerateArray())
        {
            Text(r, "message", "text");
        }

        StringAssert.Contains(sarif, "bad \uFFFD text");
    }

    [TestMethod]
    public void Render_Layout_IsLfWithTrailingNewline()
    {
        using var bed = new RuleTestBed();
        var sarif = SarifReport.Render(BrokenCheck(bed), bed.Root, "1.0.0");

        Assert.DoesNotContain('\r', sarif);
        Assert.EndsWith("}\n", sarif);
    }
}
