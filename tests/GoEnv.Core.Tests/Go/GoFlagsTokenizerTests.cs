using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoFlagsTokenizerTests
{
    private static readonly GoVersion s_go119 = GoVersion.Parse("go1.19.8")!;
    private static readonly GoVersion s_go121 = GoVersion.Parse("go1.21.13")!;

    [TestMethod]
    public void Split_QuotedWordOn121_IsOneWord()
    {
        var words = GoFlagsTokenizer.Split("'-ldflags=-s -w' -mod=readonly", s_go121, out var error);
        Assert.IsNull(error);
        CollectionAssert.AreEqual(new[] { "-ldflags=-s -w", "-mod=readonly" }, words.Select(w => w.Text).ToArray());
    }

    [TestMethod]
    public void Split_QuotedWordOn119_SplitsAtSpaces()
    {
        var words = GoFlagsTokenizer.Split("'-ldflags=-s -w'", s_go119, out var error);
        Assert.IsNull(error);
        CollectionAssert.AreEqual(new[] { "'-ldflags=-s", "-w'" }, words.Select(w => w.Text).ToArray());
    }

    [TestMethod]
    public void Split_UnterminatedQuote_GivesGosError()
    {
        GoFlagsTokenizer.Split("'-ldflags=-s", s_go121, out var error);
        Assert.AreEqual("unterminated ' string", error);
    }

    [TestMethod]
    [DataRow("-mod=mod", true)]
    [DataRow("--mod=mod", true)]
    [DataRow("mod", false)]
    [DataRow("-", false)]
    [DataRow("--", false)]
    [DataRow("---x", false)]
    [DataRow("-=x", false)]
    [DataRow("--=x", false)]
    public void IsFlag_LikeInitGOFLAGS(string word, bool expected) => Assert.AreEqual(expected, new GoFlagsWord(word, 0, false).IsFlag);

    [TestMethod]
    public void NameAndValue_AreSplitAtFirstEquals()
    {
        var word = new GoFlagsWord("--ldflags=-X=a=b", 0, false);
        Assert.AreEqual("ldflags", word.Name);
        Assert.AreEqual("-X=a=b", word.Value);
    }
}
