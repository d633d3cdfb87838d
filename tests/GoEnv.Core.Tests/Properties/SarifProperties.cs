using System.Text.Json;
using CsCheck;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Tests.Properties;

/// <summary>SARIF: valid JSON with exactly one result per finding, its text where it belongs, nothing merged or forged.</summary>
[TestClass]
public sealed class SarifProperties
{
    [TestMethod]
    public void Render_ArbitraryFindings_OneResultPerFindingWithItsMessageAndARelativeLocation() =>
        PropertyRun.Check(Gen.Select(Hostile.AnyFinding.Array[0, 12], Hostile.Text, Gen.Bool), c =>
        {
            var (findings, toolVersion, withGoMod) = c;
            var snapshot = PropertySnapshot.Of([], "go1.22.12", withGoMod);
            var sarif = SarifReport.Render(new CheckResult { Snapshot = snapshot, Findings = findings }, Hostile.Workspace, toolVersion);

            using var document = JsonDocument.Parse(sarif);
            var runs = document.RootElement.GetProperty("runs");
            Assert.AreEqual(1, runs.GetArrayLength());
            var rules = runs[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
            Assert.HasCount(rules.Count, rules.Distinct().ToList(), "a rule is described twice");
            var results = runs[0].GetProperty("results").EnumerateArray().ToList();
            Assert.HasCount(findings.Length, results, "another number of results than findings");
            Assert.HasCount(findings.Length, results.Select(r => r.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()).Distinct().ToList(), "two results share a fingerprint (code scanning would merge them)");
            for (var i = 0; i < findings.Length; i++)
            {
                var result = results[i];
                Assert.AreEqual(rules[result.GetProperty("ruleIndex").GetInt32()], result.GetProperty("ruleId").GetString());
                Assert.AreEqual(SarifReport.Level(findings[i].Severity), result.GetProperty("level").GetString());
                var text = result.GetProperty("message").GetProperty("text").GetString()!;
                Assert.IsFalse(string.IsNullOrWhiteSpace(text), "an empty message (GitHub rejects it)");
                Assert.Contains(ReportText.JsonSafe(snapshot.Redactor.Redact(findings[i].Message)).Trim(), text);
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                Assert.IsTrue(uri.Length > 0 && Uri.TryCreate(uri, UriKind.Relative, out _), $"{PropertyRun.Show(uri)} is not a relative URI");
                Assert.IsFalse(uri.StartsWith('/') || uri.Split('/').Select(Uri.UnescapeDataString).Contains(".."), $"{PropertyRun.Show(uri)} leaves the repository");
                Assert.IsGreaterThanOrEqualTo(1, location.GetProperty("region").GetProperty("startLine").GetInt32());
                var region = location.GetProperty("region");
                Assert.IsGreaterThanOrEqualTo(1, region.GetProperty("startColumn").GetInt32());
                Assert.IsGreaterThanOrEqualTo(region.GetProperty("startLine").GetInt32(), region.GetProperty("endLine").GetInt32());
                Assert.IsGreaterThan(region.GetProperty("startColumn").GetInt32(), region.GetProperty("endColumn").GetInt32(), "the region is empty or reversed");
            }
        });
}
