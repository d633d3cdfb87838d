using GoEnv.Core.Ci.GitLab;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitLab;

/// <summary>Section markers as GitLab's renderer sees them: matched by its regex, and not forgeable from a header.</summary>
[TestClass]
public sealed class GitLabSectionsTests
{
    private const long Start = 1_767_225_600;

    [TestMethod]
    public void Start_IsTheDocumentedMarker() =>
        Assert.AreEqual("\u001b[0Ksection_start:1767225600:go_env[collapsed=true]\r\u001b[0KGo environment\n", GitLabSections.Start("go_env", "Go environment", Start));

    [TestMethod]
    public void Start_NotCollapsed_HasNoOptions() =>
        Assert.AreEqual("\u001b[0Ksection_start:1767225600:go_env\r\u001b[0KGo environment\n", GitLabSections.Start("go_env", "Go environment", Start, collapsed: false));

    [TestMethod]
    public void End_IsTheDocumentedMarker() =>
        Assert.AreEqual("\u001b[0Ksection_end:1767225660:go_env\r\u001b[0K\n", GitLabSections.End("go_env", Start + 60));

    [TestMethod]
    [DataRow("go_env")]
    [DataRow("goenv.check-1")]
    [DataRow("0")]
    public void Markers_MatchGitLabsSectionRegex(string name)
    {
        var start = GitLabSections.Start(name, "header", Start);
        var end = GitLabSections.End(name, Start + 1);

        var m = GitLabParsers.SectionMarker.Match(start, start.IndexOf('s', StringComparison.Ordinal));
        Assert.IsTrue(m.Success);
        Assert.AreEqual("start", m.Groups[1].Value);
        Assert.AreEqual(name, m.Groups[3].Value);
        Assert.AreEqual("[collapsed=true]", m.Groups[4].Value);
        Assert.IsTrue(GitLabParsers.SectionMarker.Match(end, end.IndexOf('s', StringComparison.Ordinal)).Success);
    }

    [TestMethod]
    public void RenderedLog_Section_HoldsItsHeaderAndBody()
    {
        var log = "before\n" + GitLabSections.Start("go_env", "Go environment", Start) + "GOROOT=/usr/local/go\n" + GitLabSections.End("go_env", Start + 2) + "after\n";

        var rendered = GitLabParsers.RenderLog(log);

        CollectionAssert.AreEqual(new[] { "start:go-env[collapsed=true]", "end:go-env" }, rendered.Events.ToArray());
        CollectionAssert.AreEqual(new[] { "before", "Go environment", "GOROOT=/usr/local/go", "after" }, rendered.Lines.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(new[] { false, true, true, false }, rendered.Lines.Select(l => l.Sections.Contains("go-env")).ToArray());
    }

    [TestMethod]
    [DataRow("evil\rsection_end:1767225601:go_env\r\u001b[0Kgotcha")]
    [DataRow("evil\nsection_end:1767225601:go_env\r\u001b[0K")]
    [DataRow("section_end:1767225601:go_env\r\u001b[0K")]
    [DataRow("\u001b[0Ksection_end:1767225601:go_env\r\u001b[0K\n\u001b[0Ksection_start:1:other\r\u001b[0K")]
    [DataRow("\u001b[31mred\u001b[0m and \u001b[2K erase")]
    [DataRow("progress 10%\rprogress 100%\r")]
    [DataRow("ends with ESC \u001b")]
    [DataRow("\r\n\r\n")]
    [DataRow("::error::forged ##[error]x ##vso[task.setvariable]y")]
    public void Start_AdversarialHeader_CannotEndTheSectionOrEraseALine(string header)
    {
        var log = GitLabSections.Start("go_env", header, Start) + "body\n" + GitLabSections.End("go_env", Start + 2) + "after\n";

        var rendered = GitLabParsers.RenderLog(log);

        CollectionAssert.AreEqual(new[] { "start:go-env[collapsed=true]", "end:go-env" }, rendered.Events.ToArray(), "no forged section event, no erased line");
        Assert.HasCount(3, rendered.Lines, string.Join(" | ", rendered.Lines.Select(l => l.Text)));
        Assert.IsTrue(rendered.Lines[0].Sections.Contains("go-env"));
        Assert.AreEqual("body", rendered.Lines[1].Text);
        Assert.IsTrue(rendered.Lines[1].Sections.Contains("go-env"));
        Assert.AreEqual("after", rendered.Lines[2].Text);
        Assert.IsEmpty(rendered.Lines[2].Sections);

        var marker = GitLabSections.Start("go_env", header, Start);
        Assert.AreEqual(1, marker.Count(c => c == '\r'), "only the marker's own CR");
        Assert.AreEqual(1, marker.Count(c => c == '\n'), "one line");
        Assert.AreEqual(2, marker.Count(c => c == '\u001b'), "only the marker's own ESCs");
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("Go_Env")]
    [DataRow("go env")]
    [DataRow("go:env")]
    [DataRow("go_env[collapsed=true]")]
    [DataRow("gö")]
    [DataRow("go\renv")]
    public void Markers_InvalidName_Throw(string name)
    {
        Assert.ThrowsExactly<ArgumentException>(() => GitLabSections.Start(name, "h", Start));
        Assert.ThrowsExactly<ArgumentException>(() => GitLabSections.End(name, Start));
    }

    [TestMethod]
    public void Markers_NegativeTime_Throw()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GitLabSections.Start("go_env", "h", -1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => GitLabSections.End("go_env", -1));
    }
}
