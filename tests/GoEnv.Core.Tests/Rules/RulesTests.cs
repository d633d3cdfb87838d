using GoEnv.Core.Findings;

namespace GoEnv.Core.Tests.Rules;

/// <summary>Each rule fires on its broken value, on the right variable, and stays silent on a healthy one.</summary>
[TestClass]
public sealed class RulesTests
{
    [TestMethod]
    public void Check_HealthyDefaults_HasNoErrorOrWarning()
    {
        using var bed = new RuleTestBed();
        var result = bed.Check();
        Assert.IsFalse(result.HasErrors, string.Join("\n", result.Findings.Select(f => f.Message)));
        Assert.IsFalse(result.HasWarnings, string.Join("\n", result.Findings.Select(f => f.Message)));
    }

    [TestMethod]
    [DataRow("GOROOT", "/nonexistent/goroot", "GOENV0010")]
    [DataRow("GOPATH", "rel/dir", "GOENV0020")]
    [DataRow("GOPATH", "~/go", "GOENV0020")]
    [DataRow("GOBIN", "bin", "GOENV0023")]
    [DataRow("GOTMPDIR", "/nonexistent/tmp", "GOENV0024")]
    [DataRow("GOCACHE", "off", "GOENV0030")]
    [DataRow("GOMODCACHE", "relmc", "GOENV0040")]
    [DataRow("GOFLAGS", "mod", "GOENV0050")]
    [DataRow("GOFLAGS", "-mod=bogus", "GOENV0053")]
    [DataRow("GOFLAGS", "-p=abc", "GOENV0053")]
    [DataRow("GOFLAGS", "-typo", "GOENV0051")]
    [DataRow("GOFLAGS", "'-ldflags=-s", "GOENV0050")]
    [DataRow("GO111MODULE", "yes", "GOENV0060")]
    [DataRow("GOPROXY", "garbage", "GOENV0070")]
    [DataRow("GOPROXY", "ftp://x", "GOENV0070")]
    [DataRow("GOSUMDB", "bogus-name", "GOENV0080")]
    [DataRow("GOVCS", "bad", "GOENV0092")]
    [DataRow("GOTOOLCHAIN", "bogus", "GOENV0100")]
    [DataRow("GOWORK", "relative/go.work", "GOENV0110")]
    [DataRow("GOWORK", "/nonexistent/go.work", "GOENV0110")]
    [DataRow("GOOS", "bogus", "GOENV0120")]
    [DataRow("GOAMD64", "v9", "GOENV0121")]
    public void Check_BrokenValue_IsAnErrorOnThatVariable(string name, string value, string ruleId)
    {
        using var bed = new RuleTestBed();
        bed.Set(name, value);
        var result = bed.Check();
        var finding = result.Findings.FirstOrDefault(f => f.RuleId == ruleId);
        Assert.IsNotNull(finding, $"{ruleId} not reported; got: {string.Join("; ", result.Findings.Select(f => f.RuleId + " " + f.Message))}");
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(name, finding.Variable);
        Assert.IsTrue(result.HasErrors);
    }

    [TestMethod]
    [DataRow("GOFLAGS", "-ldflags=-s -w", "GOENV0052")]
    [DataRow("GOSUMDB", "off", "GOENV0081")]
    [DataRow("GOPRIVATE", "foo.com, example.org", "GOENV0090")]
    [DataRow("GONOSUMDB", "*", "GOENV0091")]
    [DataRow("GOPROXY", "http://proxy.example.com", "GOENV0071")]
    [DataRow("GOPROXY", "https://user:hunter2secret@proxy.example.com", "GOENV0072")]
    [DataRow("CGO_ENABLED", "yes", "GOENV0123")]
    public void Check_UnsafeValue_IsAWarningOnThatVariable(string name, string value, string ruleId)
    {
        using var bed = new RuleTestBed();
        bed.Set(name, value);
        var result = bed.Check();
        var finding = result.Findings.FirstOrDefault(f => f.RuleId == ruleId);
        Assert.IsNotNull(finding, $"{ruleId} not reported; got: {string.Join("; ", result.Findings.Select(f => f.RuleId + " " + f.Message))}");
        Assert.AreEqual(Severity.Warning, finding.Severity);
        Assert.AreEqual(name, finding.Variable);
        Assert.IsFalse(result.HasErrors, string.Join("; ", result.Findings.Select(f => f.RuleId + " " + f.Message)));
    }

    [TestMethod]
    [DataRow("GOFLAGS", "'-ldflags=-s -w' -mod=readonly")]
    [DataRow("GOPROXY", "https://proxy.example.com, direct")]
    [DataRow("GOPRIVATE", "corp.example.com,github.com/org")]
    [DataRow("GOTOOLCHAIN", "local")]
    [DataRow("GOOS", "windows")]
    [DataRow("GOVCS", "private:all,public:git|hg")]
    public void Check_HealthyExplicitValue_HasNoError(string name, string value)
    {
        using var bed = new RuleTestBed();
        bed.Set(name, value);
        var result = bed.Check();
        Assert.IsFalse(result.HasErrors, string.Join("; ", result.Findings.Select(f => f.RuleId + " " + f.Message)));
    }

    [TestMethod]
    public void Check_LdflagsSplitOn119_FixSaysQuotingNeeds121()
    {
        using var bed = new RuleTestBed("go1.19.8");
        bed.GoEnv["GOVERSION"] = "go1.19.8";
        bed.Set("GOFLAGS", "-ldflags=-s -w");
        var finding = bed.Findings("GOENV0052").Single();
        StringAssert.Contains(finding.Fix, "no quoting");
    }

    [TestMethod]
    public void Check_GoEnvFileValue_FindingPointsAtFileAndLine()
    {
        using var bed = new RuleTestBed();
        var envFile = Path.Combine(bed.Home, ".config", "go", "env");
        Directory.CreateDirectory(Path.GetDirectoryName(envFile)!);
        File.WriteAllText(envFile, "GOPROXY=https://proxy.golang.org,direct\nGOFLAGS=-mod=bogus\n");
        bed.GoEnv["GOFLAGS"] = "-mod=bogus";
        var finding = bed.Findings("GOENV0053").Single();
        Assert.AreEqual(envFile, finding.File);
        Assert.AreEqual(2, finding.Line);
    }

    [TestMethod]
    public void Check_GoEnvFileSpacedKey_IsWarnedAtItsLine()
    {
        using var bed = new RuleTestBed();
        var envFile = Path.Combine(bed.Root, "goenv-file");
        File.WriteAllText(envFile, "GOPRIVATE = example.org\n");
        bed.Env["GOENV"] = envFile;
        var finding = bed.Findings("GOENV0130").Single();
        Assert.AreEqual(1, finding.Line);
        Assert.AreEqual("GOPRIVATE", finding.Variable);
    }

    [TestMethod]
    public void Check_RaceWithCgoDisabled_IsAnError()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOFLAGS", "-race").Set("CGO_ENABLED", "0");
        Assert.AreEqual(Severity.Error, bed.Findings("GOENV0054").Single().Severity);
    }

    [TestMethod]
    public void Check_ModModInCi_IsAWarningOnlyInCi()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOFLAGS", "-mod=mod");
        Assert.IsEmpty(bed.Findings("GOENV0055"));
        Assert.HasCount(1, bed.Findings("GOENV0055", ci: true));
    }

    [TestMethod]
    public void Check_GoModNewerThanLocalWithLocalToolchain_IsAnErrorAtTheGoLine()
    {
        using var bed = new RuleTestBed("go1.22.12");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module example.com/app\n\ngo 1.99\n");
        bed.Env["GOTOOLCHAIN"] = "local";
        var finding = bed.Findings("GOENV0101").Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(3, finding.Line);
        StringAssert.EndsWith(finding.File, "go.mod");
    }

    [TestMethod]
    public void Check_Go111ModuleOffInModule_IsAnError()
    {
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module example.com/app\n\ngo 1.19\n");
        bed.Set("GO111MODULE", "off");
        Assert.AreEqual(Severity.Error, bed.Findings("GOENV0061").Single().Severity);
    }

    [TestMethod]
    public void Check_GoProxyOffWithUncachedRequirements_IsAnError()
    {
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module example.com/app\n\ngo 1.19\n\nrequire example.org/dep v1.0.0\n");
        File.WriteAllText(Path.Combine(bed.WorkDir, "app.go"), "package app\n\nimport _ \"example.org/dep\"\n");
        bed.Set("GOPROXY", "off");
        StringAssert.Contains(bed.Findings("GOENV0073").Single().Message, "example.org/dep v1.0.0");
    }

    [TestMethod]
    public void Check_GoProxyOffWithUncachedRequirementNotImported_IsQuiet()
    {
        // Go loads only the modules that provide imported packages (lazy module loading, go 1.17+ go.mod).
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module example.com/app\n\ngo 1.19\n\nrequire example.org/dep v1.0.0\n");
        File.WriteAllText(Path.Combine(bed.WorkDir, "app.go"), "package app\n");
        bed.Set("GOPROXY", "off");
        Assert.HasCount(0, bed.Findings("GOENV0073"));
    }

    [TestMethod]
    public void Check_GoRootOfAnotherVersion_IsAnError()
    {
        using var bed = new RuleTestBed("go1.22.12");
        var other = Path.Combine(bed.Root, "other");
        Directory.CreateDirectory(Path.Combine(other, "pkg", "tool"));
        Directory.CreateDirectory(Path.Combine(other, "src", "runtime"));
        File.WriteAllText(Path.Combine(other, "VERSION"), "go1.19.8\n");
        bed.Set("GOROOT", other);
        StringAssert.Contains(bed.Findings("GOENV0012").Single().Message, "go1.19.8");
    }

    [TestMethod]
    public void Check_NoGoOnPath_IsOneClearError()
    {
        using var bed = new RuleTestBed();
        bed.Env["PATH"] = "/nonexistent-bin";
        var result = bed.Check();
        Assert.AreEqual("GOENV0001", result.Findings.Single(f => f.Severity == Severity.Error).RuleId);
    }

    [TestMethod]
    public void Check_GoInstalledButNotOnPath_NamesTheInstallation()
    {
        // The bed's Go install (bin/go, VERSION) as a tool-cache entry, with nothing on PATH.
        using var bed = new RuleTestBed("go1.22.12");
        var toolCache = Path.Combine(bed.Root, "toolcache");
        Directory.CreateDirectory(Path.Combine(toolCache, "go", "1.22.12"));
        Directory.CreateSymbolicLink(Path.Combine(toolCache, "go", "1.22.12", "x64"), bed.GoRoot);
        bed.Env["RUNNER_TOOL_CACHE"] = toolCache;
        bed.Env["PATH"] = "/nonexistent-bin";

        var finding = bed.Check().Findings.Single(f => f.RuleId == "GOENV0001");

        StringAssert.Contains(finding.Message, $"go1.22.12 in {bed.GoRoot}");
        StringAssert.Contains(finding.Fix, "first on PATH");
    }

    [TestMethod]
    public void Check_GoEnvFailure_IsAttributedToTheVariableGoNames()
    {
        using var bed = new RuleTestBed();
        bed.Env["GOEXPERIMENT"] = "nosuch";
        var result = bed.Check(runner: FakeGo.Failing("go: unknown GOEXPERIMENT such\n"));
        var finding = result.Findings.Single(f => f.Severity == Severity.Error);
        Assert.AreEqual("GOEXPERIMENT", finding.Variable);
    }

    [TestMethod]
    public void Check_Credentials_NeverAppearInAnyFinding()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPROXY", "https://user:hunter2secret@proxy.example.com,ftp://tok:hunter3secret@x");
        var result = bed.Check();
        Assert.IsNotEmpty(result.Findings);
        foreach (var f in result.Findings)
        {
            Assert.DoesNotContain("hunter2secret", f.Message + f.Fix);
            Assert.DoesNotContain("hunter3secret", f.Message + f.Fix);
        }
    }
}
