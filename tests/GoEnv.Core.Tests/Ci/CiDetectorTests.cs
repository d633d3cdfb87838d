using GoEnv.Core.Ci;

namespace GoEnv.Core.Tests.Ci;

[TestClass]
public sealed class CiDetectorTests
{
    private static HostEnvironment Host(params (string Name, string Value)[] variables) =>
        new(variables.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)), "/", HostOs.Linux);

    [TestMethod]
    public void Detect_GitHubActionsTrue_IsGitHub() =>
        Assert.AreEqual(CiPlatform.GitHub, CiDetector.Detect(Host(("GITHUB_ACTIONS", "true"), ("CI", "true"))));

    [TestMethod]
    public void Detect_GitLabCiTrue_IsGitLab() =>
        Assert.AreEqual(CiPlatform.GitLab, CiDetector.Detect(Host(("GITLAB_CI", "true"), ("CI", "true"))));

    [TestMethod]
    [DataRow("True")]
    [DataRow("true")]
    public void Detect_TfBuildTrue_IsAzure(string value) =>
        Assert.AreEqual(CiPlatform.Azure, CiDetector.Detect(Host(("TF_BUILD", value), ("AGENT_OS", "Linux"))));

    [TestMethod]
    public void Detect_BothSet_GitHubWins() =>
        Assert.AreEqual(CiPlatform.GitHub, CiDetector.Detect(Host(("GITLAB_CI", "true"), ("GITHUB_ACTIONS", "true"))));

    [TestMethod]
    [DataRow("GITHUB_ACTIONS", "True")]
    [DataRow("GITHUB_ACTIONS", "1")]
    [DataRow("GITLAB_CI", "yes")]
    [DataRow("CI", "true")]
    public void Detect_AnythingElse_IsNone(string name, string value) =>
        Assert.AreEqual(CiPlatform.None, CiDetector.Detect(Host((name, value))));

    [TestMethod]
    public void Resolve_ExplicitWordWinsOverTheEnvironment()
    {
        var host = Host(("GITHUB_ACTIONS", "true"));

        Assert.AreEqual(CiPlatform.GitLab, CiDetector.Resolve("gitlab", host));
        Assert.AreEqual(CiPlatform.None, CiDetector.Resolve("none", host));
        Assert.AreEqual(CiPlatform.GitHub, CiDetector.Resolve("auto", host));
        Assert.AreEqual(CiPlatform.Azure, CiDetector.Resolve("azure", host));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => CiDetector.Resolve("jenkins", host));
    }
}
