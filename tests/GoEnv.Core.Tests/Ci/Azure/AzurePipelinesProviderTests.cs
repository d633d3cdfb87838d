using GoEnv.Core.Caching;
using GoEnv.Core.Ci;
using GoEnv.Core.Findings;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Ci.Azure;

[TestClass]
public sealed class AzurePipelinesProviderTests
{
    [TestMethod]
    public void Begin_Secrets_EverySecretIsSetBeforeAnythingElse()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOPROXY", "https://builder:s3cr3t-T0ken@proxy.corp.example/go,direct");
        var result = bed.Check();
        using var log = new StringWriter();

        Provider(bed).Begin(result.Snapshot.Redactor, log);

        Assert.AreEqual("##vso[task.setsecret]s3cr3t-T0ken", log.ToString().Split('\n')[0].TrimEnd('\r'));
    }

    [TestMethod]
    public void Report_Findings_AnIssueEachWithFileLineAndCodeThenTheDetails()
    {
        using var bed = new RuleTestBed();
        var result = new CheckResult
        {
            Snapshot = bed.Check().Snapshot,
            Findings =
            [
                new("GOENV0101", Severity.Error, "GOTOOLCHAIN", "go.mod requires go >= 1.99", "Install it.", "/w/go.mod", 3, 1),
                new("GOENV0055", Severity.Warning, "GOFLAGS", "GOFLAGS has -mod=mod ##vso[task.setvariable variable=X]y", "Remove it."),
                new("GOENV0013", Severity.Notice, "GOROOT", "set needlessly", "Unset it."),
            ],
        };
        using var log = new StringWriter();

        Provider(bed).Report(new CiRun("check", result, null), log);

        var lines = log.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.AreEqual("##vso[task.logissue type=error;sourcepath=/w/go.mod;linenumber=3;columnnumber=1;code=GOENV0101]GOTOOLCHAIN: go.mod requires go >= 1.99 Fix: Install it.", lines[0]);
        Assert.AreEqual("##vso[task.logissue type=warning;code=GOENV0055]GOFLAGS has -mod=mod ##vso[task.setvariable variable=X]y Fix: Remove it.", lines[1]);
        Assert.AreEqual("##[group]goenv check: details", lines[2]);
        Assert.IsFalse(lines.Skip(2).Any(l => l.Contains("##vso[", StringComparison.OrdinalIgnoreCase)), "the details cannot carry a command: " + log);
        Assert.AreEqual(1, lines.Count(l => l.StartsWith("##vso[task.logissue type=error", StringComparison.Ordinal)), "notices are not issues");
    }

    [TestMethod]
    public void Export_Pin_EveryVariableForLaterStepsAndOtherJobsAndThePath()
    {
        using var bed = new RuleTestBed();
        var result = bed.Check();
        var pin = new PinOutcome(
            new PinnedEnvironment("go1.22.12", [new("GOFLAGS", "-tags=a;b]c -ldflags=-X=main.v=50%"), new("GOTOOLCHAIN", "local")]),
            Path.Combine(bed.WorkDir, "goenv.env"),
            [],
            new CacheKeys("m", ["m-"], "b", ["b-"]),
            "/opt/go/bin");
        using var log = new StringWriter();

        Provider(bed).Export(new CiRun("pin", result, pin), log);

        var lines = log.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        CollectionAssert.IsSubsetOf(
            new[]
            {
                "##vso[task.setvariable variable=GOFLAGS;isoutput=false;issecret=false;isreadonly=false]-tags=a;b]c -ldflags=-X=main.v=50%AZP25",
                "##vso[task.setvariable variable=GOFLAGS;isoutput=true;issecret=false;isreadonly=false]-tags=a;b]c -ldflags=-X=main.v=50%AZP25",
                "##vso[task.setvariable variable=GOTOOLCHAIN;isoutput=false;issecret=false;isreadonly=false]local",
                "##vso[task.prependpath]/opt/go/bin",
            },
            lines);
    }

    private static AzurePipelinesProvider Provider(RuleTestBed bed) =>
        new(new HostEnvironment([new("TF_BUILD", "True")], bed.WorkDir, HostOs.Linux), new CiSettings());
}
