using GoEnv.Core.Ci;
using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Tests.Reporting;

[TestClass]
public sealed class TextReportTests
{
    [TestMethod]
    public void Render_WarningsOnlyAndStrict_TheVerdictSaysWhyTheRunFailed()
    {
        using var bed = new RuleTestBed();
        var result = new CheckResult { Snapshot = bed.Check().Snapshot, Findings = [new("GOENV0055", Severity.Warning, "GOFLAGS", "w", "f")] };

        Assert.EndsWith("\nOK: 0 errors, 1 warning, 0 notices\n", TextReport.Render(result, color: false));
        Assert.EndsWith("\nFAILED (warnings fail this run: --strict, fail-on: warning): 0 errors, 1 warning, 0 notices\n", TextReport.Render(result, color: false, strict: true));
    }

    [TestMethod]
    public void Report_GitLabStrictWarningsOnly_PrintsTheOneVerdictTwiceWordForWord()
    {
        using var bed = new RuleTestBed();
        var result = new CheckResult { Snapshot = bed.Check().Snapshot, Findings = [new("GOENV0055", Severity.Warning, "GOFLAGS", "w", "f")] };
        var host = new HostEnvironment([new("GITLAB_CI", "true")], bed.WorkDir, HostOs.Linux);
        var provider = CiProvider.Create(CiPlatform.GitLab, host, new CiSettings { CodeQualityReport = Path.Combine(bed.Root, "cq.json") });
        using var log = new StringWriter();

        provider.Report(new CiRun("check", result, null) { Strict = true }, log);

        var verdicts = log.ToString().Split('\n').Where(l => l.Contains("warnings fail this run", StringComparison.Ordinal)).Distinct().ToList();
        Assert.HasCount(1, verdicts, log.ToString());
        Assert.DoesNotContain("OK:", log.ToString());
    }

    [TestMethod]
    public void Check_FixWithWhereToChange_OneSentenceWithoutADoubledPeriod()
    {
        using var bed = new RuleTestBed();
        bed.Set("GOTOOLCHAIN", "bogus");

        var fix = bed.Findings("GOENV0100").Single().Fix;

        Assert.EndsWith("such as go1.22.3 (change GOTOOLCHAIN where the pipeline sets it).", fix);
        Assert.DoesNotContain(". (", fix);
    }
}
