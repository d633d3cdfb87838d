using System.Text.RegularExpressions;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Findings;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitLab;

[TestClass]
public sealed partial class GitLabAnsiTests
{
    /// <summary>The SGR parameters GitLab's renderer applies (ci-protocols.md §3.6), without 256-colour forms.</summary>
    private static readonly HashSet<int> s_gitLabSgr =
    [
        0, 1, 3, 4, 8, 9, 21, 22, 23, 24, 28, 29, 39, 49,
        .. Enumerable.Range(30, 8), .. Enumerable.Range(40, 8), .. Enumerable.Range(90, 8), .. Enumerable.Range(100, 8),
    ];

    [TestMethod]
    [DataRow(Severity.Error, "\u001b[31;1mboom\u001b[0m")]
    [DataRow(Severity.Warning, "\u001b[33;1mboom\u001b[0m")]
    [DataRow(Severity.Notice, "\u001b[36mboom\u001b[0m")]
    public void Paint_Severity_UsesItsColour(Severity severity, string expected) => Assert.AreEqual(expected, GitLabAnsi.Paint("boom", severity));

    [TestMethod]
    [DataRow(Severity.Error)]
    [DataRow(Severity.Warning)]
    [DataRow(Severity.Notice)]
    public void Paint_OnlyUsesSgrCodesGitLabRenders(Severity severity)
    {
        foreach (Match m in Sgr().Matches(GitLabAnsi.Paint("x", severity)))
        {
            foreach (var code in m.Groups[1].Value.Split(';'))
            {
                Assert.Contains(int.Parse(code, System.Globalization.CultureInfo.InvariantCulture), s_gitLabSgr, code);
            }
        }
    }

    [TestMethod]
    public void Paint_UntrustedText_CannotRecolourOrEraseTheLine()
    {
        var painted = GitLabAnsi.Paint("a\u001b[38;2;1;2;3mb\rc\nd", Severity.Error);

        Assert.AreEqual(2, painted.Count(c => c == '\u001b'));
        Assert.DoesNotContain('\r', painted);
        Assert.DoesNotContain('\n', painted);
        var rendered = GitLabParsers.RenderLog(painted + "\n");
        Assert.HasCount(1, rendered.Lines);
        Assert.IsEmpty(rendered.Events);
    }

    [GeneratedRegex(@"\u001b\[([0-9;]*)m")]
    private static partial Regex Sgr();
}
