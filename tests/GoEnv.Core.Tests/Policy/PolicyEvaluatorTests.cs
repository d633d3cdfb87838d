using GoEnv.Core.Findings;
using GoEnv.Core.Policy;

namespace GoEnv.Core.Tests.Policy;

[TestClass]
public sealed class PolicyEvaluatorTests
{
    // Columns are 1-based and point at the value (or the list item) that states the requirement.
    private const string Text = """
        go:
          version: ">=1.22 <1.24"
          toolchain: local
        require:
          GOFLAGS:
            contains: ["-mod=readonly"]
            notContains: ["-mod=mod"]
          GOPROXY: { scheme: https }
          GOSUMDB: { not: ["off"] }
          CGO_ENABLED: { equals: "0" }
          GOARCH: { oneOf: [amd64, arm64] }
        """;

    private static GoEnvPolicy LoadPolicy(PolicyTestFiles files, string text = Text)
    {
        var result = PolicyLoader.Load(files.Write(".goenv.yml", text));
        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        return result.Policy!;
    }

    /// <summary>An environment that meets every requirement of <see cref="Text"/>.</summary>
    private static RuleTestBed Compliant(string version = "go1.22.12") => new RuleTestBed(version)
        .Set("GOFLAGS", "-mod=readonly -trimpath")
        .Set("CGO_ENABLED", "0")
        .Set("GOTOOLCHAIN", "local");

    [TestMethod]
    public void Evaluate_CompliantEnvironment_NoFindings()
    {
        using var files = new PolicyTestFiles();
        using var bed = Compliant();

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files));

        Assert.IsEmpty(findings, string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestMethod]
    [DataRow("GOFLAGS", "-trimpath", 6, 16, "to contain \"-mod=readonly\"")]
    [DataRow("GOFLAGS", "-mod=readonly -mod=mod", 7, 19, "forbids \"-mod=mod\" in GOFLAGS")]
    [DataRow("GOFLAGS", "--mod=readonly --mod=mod", 7, 19, "forbids \"-mod=mod\" in GOFLAGS")]
    [DataRow("GOPROXY", "https://proxy.golang.org|http://mirror.corp,direct", 8, 22, "the entry \"http://mirror.corp\" does not")]
    [DataRow("GOSUMDB", "off", 9, 20, "forbids GOSUMDB=\"off\"")]
    [DataRow("CGO_ENABLED", "1", 10, 26, "requires CGO_ENABLED=\"0\", but CGO_ENABLED (set in the process environment) is \"1\"")]
    [DataRow("GOARCH", "386", 11, 20, "one of \"amd64\", \"arm64\"")]
    [DataRow("GOTOOLCHAIN", "auto", 3, 14, "GOTOOLCHAIN=local")]
    [DataRow("GOTOOLCHAIN", "go1.22.0+path", 3, 14, "GOTOOLCHAIN=local")]
    public void Evaluate_OneRequirementBroken_OneFindingAtRequirement(string variable, string value, int line, int column, string expected)
    {
        using var files = new PolicyTestFiles();
        using var bed = Compliant().Set(variable, value);
        var policy = LoadPolicy(files);

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, policy);

        Assert.HasCount(1, findings, string.Join("\n", findings.Select(f => f.Message)));
        var finding = findings[0];
        Assert.AreEqual("GOENV0141", finding.RuleId);
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(variable, finding.Variable);
        Assert.AreEqual(policy.Path, finding.File);
        Assert.AreEqual((line, column), (finding.Line, finding.Column));
        StringAssert.Contains(finding.Message, expected);
        Assert.IsFalse(string.IsNullOrEmpty(finding.Fix));
    }

    [TestMethod]
    [DataRow("go1.24.1")]
    [DataRow("go1.21.13")]
    [DataRow("go1.24rc1")]
    public void Evaluate_GoOutsideRange_FindingAtVersion(string version)
    {
        using var files = new PolicyTestFiles();
        using var bed = Compliant(version);

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files));

        Assert.HasCount(1, findings, string.Join("\n", findings.Select(f => f.Message)));
        Assert.AreEqual((2, 12), (findings[0].Line, findings[0].Column));
        StringAssert.Contains(findings[0].Message, "requires Go >=1.22 <1.24");
        StringAssert.Contains(findings[0].Message, version);
    }

    [TestMethod]
    [DataRow("1.22.x", "go1.22.0", true)]
    [DataRow("1.22.x", "go1.23.0", false)]
    [DataRow("1.22", "go1.22.7", true)]
    [DataRow("1.22.3", "go1.22.3", true)]
    [DataRow("1.22.3", "go1.22.4", false)]
    [DataRow("go1.22.3", "go1.22.3", true)]
    [DataRow(">1.22.3, <=1.23.1", "go1.23.1", true)]
    [DataRow(">1.22.3", "go1.22.3", false)]
    public void Evaluate_VersionForms_HoldAsDocumented(string range, string version, bool holds)
    {
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed(version);

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, $"go:\n  version: \"{range}\"\n"));

        Assert.AreEqual(holds, findings.Count == 0, string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestMethod]
    [DataRow("auto", "auto", true)]
    [DataRow("auto", "go1.22.0+auto", true)]
    [DataRow("auto", "local", false)]
    [DataRow("path", "path", true)]
    [DataRow("local", "local", true)]
    [DataRow("local", "local+auto", false)]
    [DataRow("go1.22.12", "go1.22.12", true)]
    [DataRow("go1.22.12", "go1.22.12+auto", false)]
    public void Evaluate_ToolchainPolicy_ComparedWithEffectiveGoToolchain(string policy, string value, bool holds)
    {
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed().Set("GOTOOLCHAIN", value);

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, $"go:\n  toolchain: {policy}\n"));

        Assert.AreEqual(holds, findings.Count == 0, string.Join("\n", findings.Select(f => f.Message)));
    }

    [TestMethod]
    public void Evaluate_ToolchainAutoBeforeGo121_CountsAsLocal()
    {
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed("go1.20.14").Set("GOTOOLCHAIN", "auto");

        var local = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, "go:\n  toolchain: local\n"));
        var auto = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, "go:\n  toolchain: auto\n"));

        Assert.IsEmpty(local);
        StringAssert.Contains(auto.Single().Message, "predates toolchain switching");
    }

    [TestMethod]
    public void Evaluate_EmptyGoToolchain_GoRootDefaultApplies()
    {
        // An empty GOTOOLCHAIN in the environment counts as unset: $GOROOT/go.env's "auto" is the effective value.
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed().Set("GOTOOLCHAIN", "");

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, "go:\n  toolchain: local\n"));

        StringAssert.Contains(findings.Single().Message, "go.env:3) is \"auto\"");
    }

    [TestMethod]
    public void Evaluate_SchemeWithOffAndDirect_Holds()
    {
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed().Set("GOPROXY", "proxy.corp.example,direct");

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, "require:\n  GOPROXY: { scheme: https }\n"));

        Assert.IsEmpty(findings, "a scheme-less entry is https (Go adds https://), and direct is not a URL");
    }

    [TestMethod]
    public void Evaluate_ValueWithCredentials_Redacted()
    {
        using var files = new PolicyTestFiles();
        using var bed = new RuleTestBed().Set("GOPROXY", "https://ci:s3cr3t-token@proxy.corp.example/mod,direct");

        var findings = PolicyEvaluator.Evaluate(bed.Check().Snapshot, LoadPolicy(files, "require:\n  GOPROXY: { equals: \"https://proxy.golang.org,direct\" }\n"));

        Assert.HasCount(1, findings);
        Assert.DoesNotContain("s3cr3t-token", findings[0].Message);
        Assert.DoesNotContain("s3cr3t-token", findings[0].Fix);
        StringAssert.Contains(findings[0].Message, "proxy.corp.example");
    }

    [TestMethod]
    public void ApplyRuleSettings_IgnoreAndSeverity_AppliedExceptToPolicyRules()
    {
        using var files = new PolicyTestFiles();
        var policy = LoadPolicy(files, "rules:\n  GOENV0004: ignore\n  goenv0081: error\n  GOENV0010: notice\n");
        Finding[] findings =
        [
            new("GOENV0004", Severity.Warning, null, "multiple go", "fix"),
            new("GOENV0081", Severity.Warning, "GOSUMDB", "sumdb off", "fix"),
            new("GOENV0010", Severity.Error, "GOPATH", "relative", "fix"),
            new("GOENV0011", Severity.Error, "GOPATH", "untouched", "fix"),
            new("GOENV0140", Severity.Error, null, "policy invalid", "fix"),
            new("GOENV0141", Severity.Error, "GOFLAGS", "policy broken", "fix"),
        ];

        var result = PolicyEvaluator.ApplyRuleSettings(findings, policy);

        CollectionAssert.AreEqual(
            new[] { "GOENV0081:Error", "GOENV0010:Notice", "GOENV0011:Error", "GOENV0140:Error", "GOENV0141:Error" },
            result.Select(f => $"{f.RuleId}:{f.Severity}").ToArray());
    }
}
