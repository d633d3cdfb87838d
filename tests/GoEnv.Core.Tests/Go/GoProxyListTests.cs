using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoProxyListTests
{
    [TestMethod]
    [DataRow("https://proxy.golang.org,direct")]
    [DataRow("file:///tmp/proxy, direct")]
    [DataRow(" file:///tmp/proxy ,off")]
    [DataRow("proxy.example.com")]
    [DataRow("localhost:3000|direct")]
    [DataRow("HTTPS://PROXY.EXAMPLE.COM")]
    [DataRow("direct")]
    [DataRow("off")]
    public void Parse_ValidList_HasNoError(string value) => Assert.IsNull(GoProxyList.Parse(value).Error);

    [TestMethod]
    [DataRow("garbage", "invalid proxy URL missing scheme: garbage")]
    [DataRow("/tmp/proxy", "invalid proxy URL missing scheme: /tmp/proxy")]
    [DataRow("ftp://x", "invalid proxy URL scheme (must be https, http, file): ftp://x")]
    [DataRow("file:/tmp/proxy", "invalid file:// proxy URL with non-path elements: file:/tmp/proxy")]
    [DataRow("file://host/tmp/proxy", "invalid file:// proxy URL with non-path elements: file://host/tmp/proxy")]
    [DataRow(",", "GOPROXY list is not the empty string, but contains no entries")]
    [DataRow(" ", "GOPROXY list is not the empty string, but contains no entries")]
    [DataRow("DIRECT", "invalid proxy URL missing scheme: DIRECT")]
    public void Parse_BadList_GivesGosError(string value, string expected) => Assert.AreEqual(expected, GoProxyList.Parse(value).Error);

    [TestMethod]
    public void Parse_EntriesAfterDirect_AreReportedAsIgnored()
    {
        var result = GoProxyList.Parse("direct,https://proxy.golang.org");
        Assert.IsNull(result.Error);
        Assert.AreEqual("https://proxy.golang.org", result.IgnoredTail);
    }

    [TestMethod]
    public void Parse_PipeSeparator_FallsBackOnError()
    {
        var result = GoProxyList.Parse("https://a.example|https://b.example,direct");
        Assert.HasCount(3, result.Entries);
        Assert.IsTrue(result.Entries[0].FallBackOnError);
        Assert.IsFalse(result.Entries[1].FallBackOnError);
    }

    [TestMethod]
    public void IsOff_OffFirst_IsTrue() => Assert.IsTrue(GoProxyList.Parse("off").IsOff);
}
