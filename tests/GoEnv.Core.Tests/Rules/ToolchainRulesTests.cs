using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Tests.Rules;

/// <summary>
/// The toolchain Go runs, as resolved in Discovery (GOTOOLCHAIN × go.mod/go.work × PATH × module cache × GOPROXY ×
/// GOSUMDB), and the rules that read it. Real Go's side of each case is in the differential scenarios.
/// </summary>
[TestClass]
public sealed class ToolchainRulesTests
{
    private const string Module = "golang.org/toolchain@v0.0.1-go1.99.0.linux-amd64";

    /// <summary>A Go install of <paramref name="version"/> in a module with this go.mod, and GOTOOLCHAIN set.</summary>
    private static RuleTestBed Bed(string version, string goMod, string gotoolchain)
    {
        var bed = new RuleTestBed(version);
        File.WriteAllText(Path.Combine(bed.WorkDir, "go.mod"), goMod);
        bed.Set("GOTOOLCHAIN", gotoolchain);
        bed.GoEnv["GOHOSTOS"] = "linux";
        bed.GoEnv["GOHOSTARCH"] = "amd64";
        return bed;
    }

    private static RuleTestBed NeedsGo199(string gotoolchain = "auto") => Bed("go1.22.12", "module m\n\ngo 1.99.0\n", gotoolchain);

    private static Finding Single(RuleTestBed bed, string ruleId)
    {
        var found = bed.Findings(ruleId);
        Assert.HasCount(1, found, string.Join("\n", bed.Check().Findings.Select(f => f.RuleId + " " + f.Message)));
        return found[0];
    }

    private static string ProxyWithToolchain(RuleTestBed bed)
    {
        var dir = Path.Combine(bed.Root, "proxy", "golang.org", "toolchain", "@v");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "v0.0.1-go1.99.0.linux-amd64.zip"), "zip");
        return "file://" + Path.Combine(bed.Root, "proxy");
    }

    [TestMethod]
    public void Resolve_ProxyOff_IsAnErrorQuotingGo()
    {
        using var bed = NeedsGo199();
        bed.Set("GOPROXY", "off");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Error, finding.Severity);
        Assert.AreEqual(3, finding.Line);
        StringAssert.Contains(finding.Message, "\"go: download go1.99.0 for linux/amd64: toolchain not available\"");
    }

    [TestMethod]
    public void Resolve_FileProxyWithoutTheToolchainThenOff_IsAnError()
    {
        using var bed = NeedsGo199();
        Directory.CreateDirectory(Path.Combine(bed.Root, "empty-proxy"));
        bed.Set("GOPROXY", $"file://{bed.Root}/empty-proxy|file://{bed.Root}/missing,off");
        Assert.AreEqual(Severity.Error, Single(bed, "GOENV0103").Severity);
    }

    [TestMethod]
    public void Resolve_FileProxyWithoutTheToolchainThenHttps_DownloadsAndWarns()
    {
        using var bed = NeedsGo199();
        Directory.CreateDirectory(Path.Combine(bed.Root, "empty-proxy"));
        bed.Set("GOPROXY", $"file://{bed.Root}/empty-proxy,https://proxy.example.com");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Message, "from https://proxy.example.com");
    }

    [TestMethod]
    public void Resolve_SingleFileProxyHoldingIt_IsANoticeEvenWithGoSumDbOff()
    {
        using var bed = NeedsGo199();
        bed.Set("GOPROXY", ProxyWithToolchain(bed));
        bed.Set("GOSUMDB", "off");
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0103").Severity);
    }

    [TestMethod]
    public void Resolve_FileProxyHoldingItInAList_WithGoSumDbOff_IsAnError()
    {
        using var bed = NeedsGo199();
        bed.Set("GOPROXY", ProxyWithToolchain(bed) + ",off");
        bed.Set("GOSUMDB", "off");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Error, finding.Severity);
        StringAssert.Contains(finding.Message, $"{Module}: verifying module: checksum database disabled by GOSUMDB=off");
    }

    [TestMethod]
    public void Resolve_FileProxyHoldingItInAList_NeedsTheChecksumDatabase_Warns()
    {
        using var bed = NeedsGo199();
        bed.Set("GOPROXY", ProxyWithToolchain(bed) + ",off");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Message, "checksum database (sum.golang.org)");
    }

    [TestMethod]
    [DataRow(false, Severity.Warning)]
    [DataRow(true, Severity.Notice)]
    public void Resolve_EarlierDownloadInTheModuleCache_SwitchesToIt(bool lookupCached, Severity expected)
    {
        using var bed = NeedsGo199();
        var cache = bed.GoEnv["GOMODCACHE"];
        var download = Path.Combine(cache, "cache", "download", "golang.org", "toolchain", "@v");
        Directory.CreateDirectory(download);
        File.WriteAllText(Path.Combine(download, "v0.0.1-go1.99.0.linux-amd64.zip"), "zip");
        File.WriteAllText(Path.Combine(download, "v0.0.1-go1.99.0.linux-amd64.ziphash"), "h1:x");
        Directory.CreateDirectory(Path.Combine(cache, Module, "bin"));
        File.WriteAllText(Path.Combine(cache, Module, "bin", "go"), "");
        if (lookupCached)
        {
            var lookup = Path.Combine(cache, "cache", "download", "sumdb", "sum.golang.org", "lookup", "golang.org");
            Directory.CreateDirectory(lookup);
            File.WriteAllText(Path.Combine(lookup, "toolchain@v0.0.1-go1.99.0.linux-amd64"), "");
        }

        bed.Set("GOPROXY", "off");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(expected, finding.Severity);
        StringAssert.Contains(finding.Message, "the module cache");
    }

    [TestMethod]
    public void Resolve_ExecutableOnPath_IsANotice_AndPathModeWithoutIt_IsAnError()
    {
        using var bed = NeedsGo199("path");
        bed.Set("GOPROXY", "off");
        var missing = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Error, missing.Severity);
        StringAssert.Contains(missing.Message, "\"go: cannot find \"go1.99.0\" in PATH\"");

        var bin = Path.Combine(bed.Root, "sdk-bin");
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "go1.99.0"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(bin, "go1.99.0"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        bed.Env["PATH"] = bed.Env["PATH"] + ":" + bin;
        Assert.AreEqual(Severity.Notice, Single(bed, "GOENV0103").Severity);
    }

    [TestMethod]
    public void Resolve_PinnedMinimumOlderThanGoLine_RunsItAndFailsOnTheGoLine()
    {
        // GOTOOLCHAIN=go1.98.0 (no +auto) always runs go1.98.0, which then refuses go.mod's go 1.99.0.
        using var bed = NeedsGo199("go1.98.0");
        bed.Set("GOPROXY", "https://proxy.example.com");
        var snapshot = bed.Check().Snapshot;
        Assert.AreEqual("go1.98.0", snapshot.Toolchain.Toolchain);
        Assert.AreEqual(ToolchainSource.Download, snapshot.Toolchain.Source);
        var tooNew = Single(bed, "GOENV0101");
        Assert.AreEqual(Severity.Error, tooNew.Severity);
        StringAssert.Contains(tooNew.Message, "\"go: go.mod requires go >= 1.99.0 (running go 1.98.0; GOTOOLCHAIN=go1.98.0)\"");
    }

    [TestMethod]
    [DataRow("toolchain default\n", "local")]
    [DataRow("toolchain go1.21.0\n", "local")]
    [DataRow("toolchain go1.23.4\n", "go1.23.4")]
    public void Resolve_ToolchainLine_CountsOnlyWhenNewerAndNotDefault(string line, string expected)
    {
        using var bed = Bed("go1.22.12", "module m\n\ngo 1.21\n\n" + line, "auto");
        var resolution = bed.Check().Snapshot.Toolchain;
        Assert.AreEqual(expected, resolution.Switches ? resolution.Toolchain : "local");
    }

    [TestMethod]
    public void Resolve_InvalidToolchainLine_IsAnErrorQuotingGo()
    {
        using var bed = Bed("go1.22.12", "module m\n\ngo 1.21\n\ntoolchain banana\n", "auto");
        var finding = Single(bed, "GOENV0103");
        Assert.AreEqual(Severity.Error, finding.Severity);
        StringAssert.Contains(finding.Message, "\"go: invalid toolchain \"banana\" in go.mod\"");
    }

    [TestMethod]
    [DataRow("go1.19.8", "auto")]
    [DataRow("go1.22.12", "local")]
    public void Resolve_NoSwitchBefore121OrWithLocal_RunsTheInstalledGo(string version, string gotoolchain)
    {
        using var bed = Bed(version, "module m\n\ngo 1.99\n", gotoolchain);
        bed.Set("GOPROXY", "off");
        var snapshot = bed.Check().Snapshot;
        Assert.IsFalse(snapshot.Toolchain.Switches);
        Assert.AreEqual(version[2..], snapshot.RunningVersion!.Text);
        Assert.IsEmpty(bed.Findings("GOENV0103"));
    }

    [TestMethod]
    public void Resolve_Go111ModuleOff_IgnoresGoToolchain()
    {
        using var bed = NeedsGo199();
        bed.Set("GO111MODULE", "off");
        bed.Set("GOPROXY", "off");
        Assert.IsFalse(bed.Check().Snapshot.Toolchain.Switches);
    }

    [TestMethod]
    public void Directives_SwitchedToolchainParsesThem_NoFinding()
    {
        // Go 1.22 with auto switches to the go1.99.0 the go line names; that release's parser reads `tool`.
        using var bed = NeedsGo199();
        File.AppendAllText(Path.Combine(bed.WorkDir, "go.mod"), "tool example.com/x\n");
        bed.Set("GOPROXY", "https://proxy.example.com");
        Assert.IsEmpty(bed.Findings("GOENV0102"));
    }
}
