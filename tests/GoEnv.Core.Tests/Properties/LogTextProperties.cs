using GoEnv.Core.Ci;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Properties;

/// <summary>The log sanitiser: whatever the text, a printed line is one line that no runner takes for a command.</summary>
[TestClass]
public sealed class LogTextProperties
{
    [TestMethod]
    public void Line_ArbitraryText_OneInertLineOrTheTextItself() =>
        PropertyRun.Check(Hostile.Text, text =>
        {
            AssertInert(LogText.Line(text));
            foreach (var line in LogText.Lines(text))
            {
                AssertInert(line);
            }

            var plain = !text.Any(c => char.IsControl(c) && c != '\t') && !text.Contains("##", StringComparison.Ordinal) && !text.TrimStart().StartsWith("::", StringComparison.Ordinal);
            if (plain)
            {
                Assert.AreEqual(text, LogText.Line(text), "text with nothing to neutralise is printed as it is");
            }
        });

    private static void AssertInert(string line)
    {
        Assert.IsFalse(line.Any(c => char.IsControl(c) && c != '\t'), $"a control character in {PropertyRun.Show(line)}");
        Assert.IsLessThanOrEqualTo(1, GitHubRunner.ReadLines(line).Count);
        Assert.IsFalse(GitHubRunner.IsCommand(line), $"{PropertyRun.Show(line)} is a workflow command");
        Assert.DoesNotContain("##[", line);
        Assert.IsFalse(line.Contains("##vso[", StringComparison.OrdinalIgnoreCase), "an Azure logging command");
        Assert.IsEmpty(AzurePipelinesAgent.Commands(line), $"the Azure agent sees a command in {PropertyRun.Show(line)}");
        var log = GitLabParsers.RenderLog(line + "\n");
        Assert.IsEmpty(log.Events, $"GitLab sees {PropertyRun.Show(log.Events)}");
        Assert.IsLessThanOrEqualTo(1, log.Lines.Count);
    }
}
