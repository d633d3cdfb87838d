using GoEnv.Core.Reporting;

namespace GoEnv.Core.Tests.Reporting;

[TestClass]
public sealed class ReportTextTests
{
    [TestMethod]
    [DataRow("abc", 3, "abc")]
    [DataRow("abcd", 3, "ab…")]
    [DataRow("a\U0001F600bc", 3, "a…")]
    [DataRow("\U0001F600bc", 3, "\U0001F600…")]
    [DataRow("abc", 1, "…")]
    [DataRow("abc", 0, "…")]
    public void Cut_LongerThanMax_KeepsWholeCharactersAndEndsInEllipsis(string text, int max, string expected)
    {
        var cut = ReportText.Cut(text, max);

        Assert.AreEqual(expected, cut);
        Assert.IsTrue(ReportText.IsWellFormedUtf16(cut));
    }

    [TestMethod]
    public void IsWellFormedUtf16_LoneSurrogates_AreFound()
    {
        // Built in code: attribute arguments cannot carry a lone surrogate (metadata is UTF-8).
        const char high = '\uD83D', low = '\uDE00';
        Assert.IsTrue(ReportText.IsWellFormedUtf16(""));
        Assert.IsTrue(ReportText.IsWellFormedUtf16("pair " + high + low));
        Assert.IsFalse(ReportText.IsWellFormedUtf16("lone high " + high + " end"));
        Assert.IsFalse(ReportText.IsWellFormedUtf16("lone high at the end " + high));
        Assert.IsFalse(ReportText.IsWellFormedUtf16("lone low " + low));
        Assert.IsFalse(ReportText.IsWellFormedUtf16(string.Concat(low, high)));
    }
}
