using System.Text;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitLab;

/// <summary>The GitLab ports behave as ci-protocols.md §3.1 documents GitLab's code, so tests built on them mean something.</summary>
[TestClass]
public sealed class GitLabParsersTests
{
    private static IReadOnlyDictionary<string, string> Parse(string text) => GitLabParsers.ParseDotenv(Encoding.UTF8.GetBytes(text));

    [TestMethod]
    [DataRow("A=1\n\nB=2\n")]
    [DataRow("# comment\nA=1\n")]
    [DataRow("export A=1\n")]
    [DataRow("NOEQUALS\n")]
    [DataRow("=value\n")]
    [DataRow("A-B=1\n")]
    [DataRow("A=1\nB=2\n\n")]
    public void ParseDotenv_InvalidLine_RejectsTheWholeFile(string text) =>
        Assert.ThrowsExactly<InvalidDataException>(() => Parse(text));

    [TestMethod]
    public void ParseDotenv_DocumentedQuirks()
    {
        var parsed = Parse("\uFEFFK = v \nQ=\"a b\"\nE=a=b\nCRLF=x\r\nDUP=1\nDUP=2\n1LEADING=ok\nNUL=\0v\0\nLAST=no newline");

        Assert.AreEqual("v", parsed["K"]);
        Assert.AreEqual("\"a b\"", parsed["Q"], "quotes are kept");
        Assert.AreEqual("a=b", parsed["E"]);
        Assert.AreEqual("x", parsed["CRLF"]);
        Assert.AreEqual("2", parsed["DUP"], "the last one wins");
        Assert.AreEqual("ok", parsed["1LEADING"]);
        Assert.AreEqual("v", parsed["NUL"]);
        Assert.AreEqual("no newline", parsed["LAST"]);
        Assert.HasCount(8, parsed);
    }

    [TestMethod]
    public void ParseDotenv_Limits_SizeStrictlyBelowAndCountAfterDeduplication()
    {
        static byte[] FileOf(int size) => Encoding.ASCII.GetBytes("A=" + new string('a', size - 3) + "\n");

        Assert.ThrowsExactly<InvalidDataException>(() => GitLabParsers.ParseDotenv(FileOf(GitLabParsers.DotenvSizeLimit)));
        Assert.HasCount(1, GitLabParsers.ParseDotenv(FileOf(GitLabParsers.DotenvSizeLimit - 1)));

        var twenty = string.Concat(Enumerable.Range(0, 20).Select(i => $"V{i}=x\n"));
        Assert.ThrowsExactly<InvalidDataException>(() => Parse(twenty + "V20=x\n"));
        Assert.HasCount(20, Parse(twenty + "V0=again\n"));
    }

    [TestMethod]
    public void ParseDotenv_KeyOf256Characters_IsRejected()
    {
        Assert.HasCount(1, Parse(new string('K', 255) + "=v\n"));
        Assert.ThrowsExactly<InvalidDataException>(() => Parse(new string('K', 256) + "=v\n"));
    }
}
