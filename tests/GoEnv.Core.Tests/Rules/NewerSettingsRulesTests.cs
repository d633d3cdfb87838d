using GoEnv.Core.Findings;

namespace GoEnv.Core.Tests.Rules;

/// <summary>GOAUTH, GODEBUG and GOCACHEPROG rules on a fake Go 1.24 (real Go's side: the differential scenarios).</summary>
[TestClass]
public sealed class NewerSettingsRulesTests
{
    [TestMethod]
    [DataRow("off;netrc", "https://proxy.golang.org,direct", Severity.Error, "GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)")]
    [DataRow("off;netrc", "file:///srv/mirror", Severity.Warning, "GOAUTH=off cannot be combined")]
    [DataRow("netrc;", "direct", Severity.Error, "GOAUTH encountered an empty command (GOAUTH=netrc;)")]
    [DataRow("git relative/dir", "direct", Severity.Error, "requires an absolute path to the git working directory, dir is not absolute")]
    [DataRow("git", "direct", Severity.Error, "requires an absolute path to the git working directory\"")]
    public void GoAuth_GoRejectsIt_ErrorWhenGoReachesHttps(string goauth, string goproxy, Severity severity, string text)
    {
        using var bed = new RuleTestBed("go1.24.4");
        bed.Set("GOAUTH", goauth).Set("GOPROXY", goproxy);
        var finding = bed.Findings("GOENV0075").Single();
        Assert.AreEqual(severity, finding.Severity);
        StringAssert.Contains(finding.Message, text);
    }

    [TestMethod]
    public void GoAuth_ACommand_IsANoticeWithoutItsToken()
    {
        using var bed = new RuleTestBed("go1.24.4");
        bed.Set("GOAUTH", "netrc; /opt/auth/helper --token=tok-1234567890");
        var finding = bed.Findings("GOENV0075").Single();
        Assert.AreEqual(Severity.Notice, finding.Severity);
        StringAssert.Contains(finding.Message, "/opt/auth/helper --token=***");
        Assert.IsFalse(finding.Message.Contains("tok-1234567890", StringComparison.Ordinal));
    }

    [TestMethod]
    public void GoAuth_BeforeGo124_IsIgnored()
    {
        using var bed = new RuleTestBed("go1.23.5");
        bed.Set("GOAUTH", "off;netrc");
        Assert.IsEmpty(bed.Findings("GOENV0075"));
    }

    [TestMethod]
    public void GoCacheProg_BeforeGo124WithoutTheExperiment_IsANotice()
    {
        using var bed = new RuleTestBed("go1.23.5");
        bed.Set("GOCACHEPROG", "/usr/local/bin/cache-prog");
        var finding = bed.Findings("GOENV0035").Single();
        Assert.AreEqual(Severity.Notice, finding.Severity);
        StringAssert.Contains(finding.Message, "ignores it");
    }

    [TestMethod]
    public void GoCacheProg_ProgramMissing_IsAnErrorQuotingGo()
    {
        using var bed = new RuleTestBed("go1.24.4");
        bed.Set("GOCACHEPROG", "no-such-cache-program --dir /tmp");
        var finding = bed.Findings("GOENV0035").Single();
        Assert.AreEqual(Severity.Error, finding.Severity);
        StringAssert.Contains(finding.Message, "\"error starting GOCACHEPROG program \"no-such-cache-program\": exec: \"no-such-cache-program\": executable file not found in $PATH\"");
    }
}
