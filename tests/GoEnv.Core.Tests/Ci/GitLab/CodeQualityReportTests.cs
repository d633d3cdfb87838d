using System.Text;
using System.Text.Json;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Findings;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitLab;

/// <summary>The Code Quality report passes the port of GitLab's parser entry by entry, with stable, unique fingerprints.</summary>
[TestClass]
public sealed class CodeQualityReportTests
{
    private const string Root = "/work/repo";

    private static List<JsonElement> Accepted(byte[] report) => [.. GitLabParsers.ParseCodeQuality(report)];

    private static JsonElement Single(Finding finding, string fallback = ".gitlab-ci.yml")
    {
        var entries = Accepted(CodeQualityReport.Render([finding], Root, fallback));
        Assert.HasCount(1, entries);
        return entries[0];
    }

    private static IReadOnlyList<Finding> Mixed() =>
    [
        new("GOENV0101", Severity.Error, null, "go.mod requires go 1.99.0.", "Install Go 1.99.0.", Root + "/go.mod", 3, 1),
        new("GOENV0101", Severity.Error, null, "sub/go.mod requires go 1.99.0.", "Install Go 1.99.0.", Root + "/sub/go.mod", 0),
        new("GOENV0070", Severity.Error, "GOPROXY", "GOPROXY \"garbage\" cannot be parsed.", "Set GOPROXY to https://proxy.golang.org,direct."),
        new("GOENV0090", Severity.Warning, "GOPRIVATE", "The pattern \"a\" never matches.", "Remove it.", "/home/u/.config/go/env", 2, 1),
        new("GOENV0090", Severity.Warning, "GOPRIVATE", "The pattern \"b\" never matches.", "Remove it.", "/home/u/.config/go/env", 4, 1),
        new("GOENV0090", Severity.Warning, "GOPRIVATE", "The pattern \"c\" never matches.", "Remove it."),
        new("GOENV0033", Severity.Notice, "GOCACHE", "GOCACHE is not set.", "Set GOCACHE."),
        new("GOENV0001", Severity.Error, null, "", ""),
        new("GOENV0050", Severity.Error, "GOFLAGS", "Broken \ud800 text with a lone surrogate and \u001b[31m ESC.", "Fix \r\n it."),
    ];

    [TestMethod]
    public void Render_MixedFindings_EveryEntryIsAcceptedByGitLab()
    {
        var findings = Mixed();
        var report = CodeQualityReport.Render(findings, Root, ".gitlab-ci.yml");

        var entries = Accepted(report);

        Assert.HasCount(findings.Count, entries);
        foreach (var entry in entries)
        {
            Assert.IsNull(GitLabParsers.DegradationProblem(entry));
            Assert.IsFalse(string.IsNullOrWhiteSpace(entry.GetProperty("description").GetString()));
            StringAssert.StartsWith(entry.GetProperty("check_name").GetString(), "GOENV");
            Assert.IsGreaterThanOrEqualTo(1, entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        }
    }

    [TestMethod]
    public void Render_Bytes_AreUtf8WithoutBomWithLfLineEnds()
    {
        var report = CodeQualityReport.Render(Mixed(), Root, ".gitlab-ci.yml");

        Assert.IsFalse(report.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain((byte)'\r', report);
        Assert.AreEqual((byte)'\n', report[^1]);
        Assert.AreEqual((byte)'[', report[0]);
    }

    [TestMethod]
    public void Render_NoFindings_IsAnEmptyArray()
    {
        Assert.AreEqual("[]\n", Encoding.UTF8.GetString(CodeQualityReport.Render([], Root, ".gitlab-ci.yml")));
        Assert.IsEmpty(Accepted(CodeQualityReport.Render([], Root, ".gitlab-ci.yml")));
    }

    [TestMethod]
    public void Render_Fingerprints_AreUniqueLowercaseSha256()
    {
        var entries = Accepted(CodeQualityReport.Render(Mixed(), Root, ".gitlab-ci.yml"));

        var fingerprints = entries.Select(e => e.GetProperty("fingerprint").GetString()!).ToList();
        Assert.HasCount(fingerprints.Count, fingerprints.Distinct().ToList(), "GitLab keeps one entry per fingerprint");
        foreach (var fingerprint in fingerprints)
        {
            Assert.MatchesRegex("^[0-9a-f]{64}$", fingerprint);
        }
    }

    [TestMethod]
    public void Render_SameFindingsAgain_IsByteIdentical() =>
        CollectionAssert.AreEqual(CodeQualityReport.Render(Mixed(), Root, ".gitlab-ci.yml"), CodeQualityReport.Render(Mixed(), Root, ".gitlab-ci.yml"));

    [TestMethod]
    public void Render_FindingMovesToAnotherLine_KeepsItsFingerprint()
    {
        var before = Single(new("GOENV0101", Severity.Error, null, "go.mod requires go 1.99.0.", "Install it.", Root + "/go.mod", 3, 1));
        var after = Single(new("GOENV0101", Severity.Error, null, "go.mod requires go 1.99.0.", "Install it.", Root + "/go.mod", 7, 1));

        Assert.AreEqual(before.GetProperty("fingerprint").GetString(), after.GetProperty("fingerprint").GetString());
        Assert.AreEqual(7, after.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [TestMethod]
    public void Fingerprint_IsSha256OfRulePathVariableOccurrence()
    {
        var entry = Single(new("GOENV0070", Severity.Error, "GOPROXY", "m", "f"));
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("GOENV0070\0.gitlab-ci.yml\0GOPROXY\00"))).ToLowerInvariant();

        Assert.AreEqual(expected, entry.GetProperty("fingerprint").GetString());
    }

    [TestMethod]
    public void Render_FileInsideTheRepository_IsRelativeWithSlashes()
    {
        var entry = Single(new("GOENV0101", Severity.Error, null, "m", "f", Root + "/services/api/go.mod", 5, 1));

        Assert.AreEqual("services/api/go.mod", entry.GetProperty("location").GetProperty("path").GetString());
        Assert.AreEqual(5, entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
    }

    [TestMethod]
    public void Render_NoFile_UsesTheFallbackPathAtLineOne()
    {
        var entry = Single(new("GOENV0070", Severity.Error, "GOPROXY", "GOPROXY is broken.", "Fix it."), "ci/pipeline.yml");

        Assert.AreEqual("ci/pipeline.yml", entry.GetProperty("location").GetProperty("path").GetString());
        Assert.AreEqual(1, entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        Assert.AreEqual("GOPROXY: GOPROXY is broken. Fix: Fix it.", entry.GetProperty("description").GetString());
    }

    [TestMethod]
    [DataRow("/home/u/.config/go/env")]
    [DataRow("/work/repo-other/go.mod")]
    [DataRow("/work/go.mod")]
    public void Render_FileOutsideTheRepository_UsesTheFallbackAndNamesTheRealFile(string file)
    {
        var entry = Single(new("GOENV0090", Severity.Warning, "GOPRIVATE", "Never matches.", "Remove it.", file, 2, 1));

        Assert.AreEqual(".gitlab-ci.yml", entry.GetProperty("location").GetProperty("path").GetString());
        Assert.AreEqual(1, entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
        StringAssert.Contains(entry.GetProperty("description").GetString(), file + ":2");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("   ")]
    public void Render_NoFallbackGiven_UsesGitLabsDefaultConfigPath(string fallback) =>
        Assert.AreEqual(".gitlab-ci.yml", Single(new("GOENV0070", Severity.Error, "GOPROXY", "m", "f"), fallback).GetProperty("location").GetProperty("path").GetString());

    [TestMethod]
    [DataRow(Severity.Error, "critical")]
    [DataRow(Severity.Warning, "minor")]
    [DataRow(Severity.Notice, "info")]
    public void Render_Severity_IsMapped(Severity severity, string expected) =>
        Assert.AreEqual(expected, Single(new("GOENV0070", severity, "GOPROXY", "m", "f")).GetProperty("severity").GetString());

    [TestMethod]
    public void Render_EmptyMessageAndFix_StillHasADescription()
    {
        var entry = Single(new("GOENV0001", Severity.Error, null, "", ""));

        Assert.AreEqual("GOENV0001", entry.GetProperty("description").GetString());
        Assert.AreEqual("GOENV0001", entry.GetProperty("check_name").GetString());
    }

    [TestMethod]
    public void Render_RealCheckResult_EveryFindingIsAccepted()
    {
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.99.0\n");
        bed.Set("GOPROXY", "garbage").Set("GOFLAGS", "-typo").Set("GOSUMDB", "off").Set("GOPRIVATE", "foo.com, example.org");
        var result = bed.Check();
        Assert.IsGreaterThanOrEqualTo(4, result.Findings.Count);

        var entries = Accepted(CodeQualityReport.Render(result.Findings, bed.WorkDir, ".gitlab-ci.yml"));

        Assert.HasCount(result.Findings.Count, entries);
        Assert.IsTrue(entries.Any(e => e.GetProperty("location").GetProperty("path").GetString() == "go.mod"), "the go.mod finding is placed on go.mod");
    }

    [TestMethod]
    public void ParseCodeQuality_InvalidEntry_HidesEveryLaterOne()
    {
        // The port's own behaviour, which is why the writer checks every entry: GitLab breaks at the first bad one.
        var json = """[{"description":"a","fingerprint":"1","severity":"minor","location":{"path":"x","lines":{"begin":1}}},{"description":"b","fingerprint":"2","severity":"urgent","location":{"path":"x","lines":{"begin":1}}},{"description":"c","fingerprint":"3","severity":"minor","location":{"path":"x","lines":{"begin":1}}}]""";

        Assert.HasCount(1, GitLabParsers.ParseCodeQuality(Encoding.UTF8.GetBytes(json)));
        Assert.ThrowsExactly<InvalidDataException>(() => GitLabParsers.ParseCodeQuality([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("[]")]));
    }
}
