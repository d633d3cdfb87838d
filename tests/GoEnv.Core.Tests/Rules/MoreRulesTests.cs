using GoEnv.Core.Findings;

namespace GoEnv.Core.Tests.Rules;

/// <summary>The rules that need more set-up than one variable: files, directories, git, several installs.</summary>
[TestClass]
public sealed class MoreRulesTests
{
    private static Finding Single(RuleTestBed bed, string ruleId, bool ci = false)
    {
        var result = bed.Check(ci);
        var found = result.Findings.Where(f => f.RuleId == ruleId).ToList();
        Assert.HasCount(1, found, string.Join("\n", result.Findings.Select(f => f.RuleId + " " + f.Message)));
        return found[0];
    }

    [TestMethod]
    public void Check_TwoGoInstallsOnPath_IsANotice()
    {
        using var bed = new RuleTestBed();
        var other = Path.Combine(bed.Root, "other", "bin");
        Directory.CreateDirectory(other);
        File.Copy(bed.GoExe, Path.Combine(other, "go"));
        File.SetUnixFileMode(Path.Combine(other, "go"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        bed.Env["PATH"] += ":" + other;
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0004").Severity);
    }

    [TestMethod]
    public void Check_GoRootOfAnotherInstall_WarnsThatPathGoDiffers()
    {
        using var bed = new RuleTestBed();
        var other = Path.Combine(bed.Root, "other");
        Directory.CreateDirectory(Path.Combine(other, "bin"));
        Directory.CreateDirectory(Path.Combine(other, "pkg", "tool"));
        Directory.CreateDirectory(Path.Combine(other, "src", "runtime"));
        File.WriteAllText(Path.Combine(other, "VERSION"), bed.Version + "\n");
        File.Copy(bed.GoExe, Path.Combine(other, "bin", "go"));
        bed.Set("GOROOT", other);
        Assert.AreEqual(Severity.Warning, Single(bed, "GOENV0005").Severity);
    }

    [TestMethod]
    public void Check_GoRootWithoutToolsOrSources_IsNotAnInstallation()
    {
        using var bed = new RuleTestBed();
        var empty = Path.Combine(bed.Root, "empty");
        Directory.CreateDirectory(empty);
        bed.Set("GOROOT", empty);
        StringAssert.Contains(Single(bed, "GOENV0011").Message, "pkg/tool");
    }

    [TestMethod]
    public void Check_GoRootSetToItsOwnInstall_IsANotice()
    {
        using var bed = new RuleTestBed();
        bed.Env["GOROOT"] = bed.GoRoot;
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0013").Severity);
    }

    [TestMethod]
    public void Check_GoPathEqualsGoRoot_IsAWarning()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPATH", bed.GoRoot);
        Assert.AreEqual(Severity.Warning, Single(bed, "GOENV0021").Severity);
    }

    [TestMethod]
    public void Check_GoPathIsGoRootWithATrailingSlash_IsAWarningBecauseGoCleansIt()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPATH", bed.GoRoot + "/");
        Assert.AreEqual(Severity.Warning, Single(bed, "GOENV0021").Severity);
    }

    [TestMethod]
    public void Check_GoRootFirstInAGoPathList_IsANoticeBecauseGoSaysNothing()
    {
        // cmd/go compares the whole GOPATH with GOROOT; a list never matches, yet its first entry holds the module cache.
        using var bed = new RuleTestBed();
        bed.Set("GOPATH", bed.GoRoot + ":" + Path.Combine(bed.Root, "other"));
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0021").Severity);
    }

    [TestMethod]
    public void Check_GoRootLaterInAGoPathList_IsNothing()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPATH", Path.Combine(bed.Root, "other") + ":" + bed.GoRoot);
        Assert.IsEmpty(bed.Findings("GOENV0021"));
    }

    [TestMethod]
    public void Check_RelativeGoCache_IsAnErrorEvenThoughGoEnvSaysOff()
    {
        using var bed = new RuleTestBed();
        bed.Env["GOCACHE"] = "rel/cache";
        bed.GoEnv["GOCACHE"] = "off";
        Assert.AreEqual("GOCACHE", Single(bed, "GOENV0031").Variable);
    }

    [TestMethod]
    public void Check_GoCacheIsAFile_IsUnusable()
    {
        using var bed = new RuleTestBed();
        var file = Path.Combine(bed.Root, "cachefile");
        File.WriteAllText(file, "");
        bed.Set("GOCACHE", file);
        StringAssert.Contains(Single(bed, "GOENV0032").Message, "is a file");
    }

    [TestMethod]
    public void Check_NoHomeNoGoCache_HasNoDefault()
    {
        using var bed = new RuleTestBed();
        bed.Env.Remove("HOME");
        bed.GoEnv["GOCACHE"] = "off";
        bed.GoEnv["GOPATH"] = "";
        bed.GoEnv["GOMODCACHE"] = "";
        var result = bed.Check();
        Assert.IsTrue(result.Findings.Any(f => f.RuleId == "GOENV0033" && f.Severity == Severity.Error));
        Assert.IsTrue(result.Findings.Any(f => f.RuleId == "GOENV0042"));
    }

    [TestMethod]
    public void Check_CachesInsideGitCheckout_WarnUnlessIgnored()
    {
        using var bed = new RuleTestBed();
        LibGit2Sharp.Repository.Init(bed.WorkDir);
        File.WriteAllText(Path.Combine(bed.WorkDir, ".gitignore"), "/.cache/\n");
        bed.Set("GOCACHE", Path.Combine(bed.WorkDir, "gocache"));
        bed.Set("GOMODCACHE", Path.Combine(bed.WorkDir, ".cache", "mod"));
        var result = bed.Check();
        Assert.IsTrue(result.Findings.Any(f => f.RuleId == "GOENV0034"), "GOCACHE is not ignored");
        Assert.IsFalse(result.Findings.Any(f => f.RuleId == "GOENV0043"), "GOMODCACHE is ignored");
    }

    [TestMethod]
    public void Check_GoModCacheUnderAFile_CannotBeCreated()
    {
        using var bed = new RuleTestBed();
        var file = Path.Combine(bed.Root, "blocker");
        File.WriteAllText(file, "");
        bed.Set("GOMODCACHE", Path.Combine(file, "mod"));
        StringAssert.Contains(Single(bed, "GOENV0041").Message, "is a file");
    }

    [TestMethod]
    public void Check_GoModCacheFirstGoPathEntryEmpty_IsUnset()
    {
        using var bed = new RuleTestBed();
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.19\n\nrequire example.org/dep v1.0.0\n");
        bed.Set("GOPATH", ":/tmp/a");
        bed.GoEnv["GOMODCACHE"] = "";
        Assert.AreEqual(Severity.Error, Single(bed, "GOENV0042").Severity);
    }

    [TestMethod]
    public void Check_Go121SyntaxOnGo119_IsAnErrorAtTheLine()
    {
        using var bed = new RuleTestBed("go1.19.8");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.21.0\n\ntoolchain go1.21.3\n");
        var findings = bed.Check().Findings.Where(f => f.RuleId == "GOENV0102").ToList();
        CollectionAssert.AreEquivalent(new[] { 3, 5 }, findings.Select(f => f.Line).ToArray());
    }

    [TestMethod]
    public void Check_GoModNewerWithAutoToolchain_WarnsAboutADownload()
    {
        using var bed = new RuleTestBed("go1.22.12");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.99.0\n");
        bed.Env["GOTOOLCHAIN"] = "auto";
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Message, "downloads it (about 70 MB) from https://proxy.golang.org");
        Assert.IsEmpty(bed.Findings("GOENV0101"), "the switched-to toolchain satisfies go.mod");
    }

    [TestMethod]
    public void Check_GoModNewerOnGo119_IsOnlyAWarning()
    {
        using var bed = new RuleTestBed("go1.19.8");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.99\n");
        Assert.AreEqual(Severity.Warning, Single(bed, "GOENV0101").Severity);
    }

    [TestMethod]
    public void Check_ToolchainInvalidOnGo119_IsOnlyAWarning()
    {
        using var bed = new RuleTestBed("go1.19.8");
        bed.Env["GOTOOLCHAIN"] = "bogus";
        Assert.AreEqual(Severity.Warning, Single(bed, "GOENV0100").Severity);
    }

    [TestMethod]
    public void Check_GoEnvFileWithQuotesAndCrlf_IsWarnedPerLine()
    {
        using var bed = new RuleTestBed();
        var envFile = Path.Combine(bed.Root, "env");
        File.WriteAllText(envFile, "GOSUMDB=\"off\"\nGOPROXY=direct\r\nGOFLAGS='-ldflags=-s -w'\n");
        bed.Env["GOENV"] = envFile;
        var lines = bed.Check().Findings.Where(f => f.RuleId == "GOENV0130").Select(f => f.Line).ToArray();
        CollectionAssert.AreEquivalent(new[] { 1, 2 }, lines);
    }

    [TestMethod]
    public void Check_GoEnvOff_IgnoresTheUserFile()
    {
        using var bed = new RuleTestBed();
        var envFile = Path.Combine(bed.Home, ".config", "go", "env");
        Directory.CreateDirectory(Path.GetDirectoryName(envFile)!);
        File.WriteAllText(envFile, "GOPRIVATE = example.org\n");
        bed.Env["GOENV"] = "off";
        Assert.IsEmpty(bed.Check().Findings.Where(f => f.RuleId == "GOENV0130"));
    }

    [TestMethod]
    public void Check_ProxyListEndsEarly_IsANotice()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPROXY", "direct,https://proxy.golang.org");
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0070").Severity);
    }

    [TestMethod]
    public void Check_StrictMode_FailsOnWarnings()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOSUMDB", "off");
        var result = bed.Check();
        Assert.IsFalse(result.Failed(strict: false));
        Assert.IsTrue(result.Failed(strict: true));
    }

    [TestMethod]
    public void Check_PolicyOutputStrict_FailsOnWarningsWithoutTheOption()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOSUMDB", "off");
        var result = bed.Check();
        var strictPolicy = new CheckResult { Snapshot = result.Snapshot, Findings = result.Findings, Policy = new Core.Policy.GoEnvPolicy { Path = "/repo/.goenv.yml", Strict = true } };

        Assert.IsFalse(result.Failed(strict: false));
        Assert.IsTrue(strictPolicy.Failed(strict: false), "the policy's output.strict applies for every host (CLI, MSBuild task, CI summary)");
    }

    [TestMethod]
    [DataRow("go1.22.12", "-test.v")]
    [DataRow("go1.22.12", "-buildvcs")]
    [DataRow("go1.22.12", "-buildvcs=auto")]
    public void Check_BooleanLikeFlagWithoutValue_IsAccepted(string version, string goflags)
    {
        using var bed = new RuleTestBed(version);
        bed.Set("GOFLAGS", goflags);
        Assert.IsEmpty(bed.Check().Findings.Where(f => f.Variable == "GOFLAGS" && f.Severity == Severity.Error));
    }

    [TestMethod]
    public void Check_GoRejectsForAReasonNoRuleKnows_ReportsGosOwnMessage()
    {
        using var bed = new RuleTestBed();
        var result = bed.Check(runner: FakeGo.Failing("go: something new and broken\n"));
        var finding = result.Findings.Single(f => f.RuleId == "GOENV0002");
        Assert.IsNull(finding.Variable);
        StringAssert.Contains(finding.Message, "something new and broken");
    }

    [TestMethod]
    public void Check_UnknownExperiment_IsReportedByItsRuleNotAsAGenericFailure()
    {
        using var bed = new RuleTestBed();
        bed.Env["GOEXPERIMENT"] = "nosuch";
        var result = bed.Check(runner: FakeGo.Failing("go: unknown GOEXPERIMENT such\n"));
        Assert.AreEqual("GOENV0122", result.Findings.Single(f => f.Severity == Severity.Error).RuleId);
    }

    [TestMethod]
    public void Check_ToolchainLineNewerWithAuto_WarnsAboutADownload()
    {
        using var bed = new RuleTestBed("go1.22.12");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.99.1\n");
        bed.Env["GOTOOLCHAIN"] = "auto";
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Warning, finding.Severity);
        Assert.AreEqual(5, finding.Line);
    }

    [TestMethod]
    public void Check_ToolchainLineNewerWithLocal_IsIgnoredLikeGoDoes()
    {
        using var bed = new RuleTestBed("go1.22.12");
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), "module m\n\ngo 1.21\n\ntoolchain go1.99.1\n");
        bed.Env["GOTOOLCHAIN"] = "local";
        Assert.IsEmpty(bed.Check().Findings.Where(f => f.RuleId == "GOENV0101"));
    }
}
