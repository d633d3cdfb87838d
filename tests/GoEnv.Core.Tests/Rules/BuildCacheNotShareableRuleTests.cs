namespace GoEnv.Core.Tests.Rules;

[TestClass]
public sealed class BuildCacheNotShareableRuleTests
{
    [TestMethod]
    [DataRow("", "/builds/glrt-AbC1/0/group/project", true)]
    [DataRow("-trimpath", "/builds/glrt-AbC1/0/group/project", false)]
    [DataRow("-trimpath=true", "/builds/glrt-AbC1/0/group/project", false)]
    [DataRow("-trimpath=false", "/builds/glrt-AbC1/0/group/project", true)]
    [DataRow("-trimpath -trimpath=0", "/builds/glrt-AbC1/0/group/project", true)]
    [DataRow("", "/builds/group/project", false)]
    public void Check_GitLabCheckoutPath_WarnsWhenItHoldsTheRunnerAndTrimpathIsOff(string goFlags, string projectDir, bool warns)
    {
        using var bed = new RuleTestBed();
        bed.Env["GITLAB_CI"] = "true";
        bed.Env["CI_PROJECT_DIR"] = projectDir;
        bed.Env["CI_RUNNER_SHORT_TOKEN"] = "glrt-AbC1";
        if (goFlags.Length > 0)
        {
            bed.Set("GOFLAGS", goFlags);
        }

        var findings = bed.Findings("GOENV0036");

        Assert.AreEqual(warns, findings.Count == 1, string.Join("\n", findings.Select(f => f.Message)));
        if (warns)
        {
            StringAssert.Contains(findings[0].Message, projectDir);
            StringAssert.Contains(findings[0].Fix, "-trimpath");
        }
    }

    [TestMethod]
    public void Check_NotGitLab_Quiet()
    {
        using var bed = new RuleTestBed();
        bed.Env["CI_PROJECT_DIR"] = "/builds/glrt-AbC1/0/group/project";
        bed.Env["CI_RUNNER_SHORT_TOKEN"] = "glrt-AbC1";

        Assert.IsEmpty(bed.Findings("GOENV0036"));
    }
}
