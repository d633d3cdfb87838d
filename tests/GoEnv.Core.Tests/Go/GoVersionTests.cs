using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoVersionTests
{
    [TestMethod]
    [DataRow("1.21", "1.21rc1")]
    [DataRow("1.21rc1", "1.21.0")]
    [DataRow("1.21.0", "1.21.1")]
    [DataRow("1.9", "1.10")]
    [DataRow("1.21beta2", "1.21rc1")]
    public void Compare_OrdersLikeGover(string lower, string higher) =>
        Assert.IsTrue(GoVersion.ParseStrict(lower)! < GoVersion.ParseStrict(higher)!);

    [TestMethod]
    [DataRow("go1.22.12", 1, 22)]
    [DataRow("go1.27.3 X:jsonv2", 1, 27)]
    [DataRow("go1.23.1-custom", 1, 23)]
    public void Parse_ToolchainString_GivesLanguage(string text, int major, int minor)
    {
        var v = GoVersion.Parse(text)!;
        Assert.AreEqual(major, v.Major);
        Assert.AreEqual(minor, v.Minor);
    }

    [TestMethod]
    [DataRow("1.021")]
    [DataRow("1.21.0rc1")]
    [DataRow("x")]
    [DataRow("1.")]
    public void ParseStrict_Malformed_IsNull(string text) => Assert.IsNull(GoVersion.ParseStrict(text));
}
