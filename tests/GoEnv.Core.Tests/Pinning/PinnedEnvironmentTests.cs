using System.Security.Cryptography;
using System.Text;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

[TestClass]
public sealed class PinnedEnvironmentTests
{
    [TestMethod]
    public void ContentHash_DifferentInsertionOrder_IsEqual()
    {
        var a = new PinnedEnvironment("go1.22.12", [new("GOPROXY", "direct"), new("GOFLAGS", "-mod=readonly"), new("CGO_ENABLED", "0")]);
        var b = new PinnedEnvironment("go1.22.12", [new("CGO_ENABLED", "0"), new("GOFLAGS", "-mod=readonly"), new("GOPROXY", "direct")]);

        Assert.AreEqual(a.ContentHash(), b.ContentHash());
        CollectionAssert.AreEqual(new[] { "CGO_ENABLED", "GOFLAGS", "GOPROXY" }, a.Variables.Keys.ToArray());
    }

    [TestMethod]
    public void ContentHash_SingleLineValues_IsSha256OfSortedNameValueLines()
    {
        var env = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["b"] = "2", ["B"] = "é", ["A"] = "" });

        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("A=\nB=é\nb=2\n"))).ToLowerInvariant();

        Assert.AreEqual(expected, env.ContentHash());
    }

    [TestMethod]
    public void ContentHash_NewlineThatLooksLikeAnotherVariable_DiffersFromTheTwoVariables()
    {
        var one = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["A"] = "x\nB=y" });
        var two = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["A"] = "x", ["B"] = "y" });
        var escapedLookalike = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["A"] = "x\\nB=y" });

        Assert.AreNotEqual(one.ContentHash(), two.ContentHash());
        Assert.AreNotEqual(one.ContentHash(), escapedLookalike.ContentHash());
    }

    [TestMethod]
    public void ContentHash_GoVersion_IsNotPartOfTheBody()
    {
        var a = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["A"] = "1" });
        var b = new PinnedEnvironment("go1.23.5", new Dictionary<string, string> { ["A"] = "1" });

        Assert.AreEqual(a.ContentHash(), b.ContentHash());
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("1A")]
    [DataRow("A-B")]
    [DataRow("A B")]
    [DataRow("É")]
    [DataRow("A=")]
    public void Constructor_InvalidName_Throws(string name) =>
        Assert.ThrowsExactly<ArgumentException>(() => new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { [name] = "x" }));

    [TestMethod]
    [DataRow("")]
    [DataRow("go1.22\n")]
    [DataRow("go1.22\nexport X=1")]
    [DataRow(" go1.22")]
    public void Constructor_VersionNotOneCleanLine_Throws(string version) =>
        Assert.ThrowsExactly<ArgumentException>(() => new PinnedEnvironment(version, []));

    [TestMethod]
    public void Constructor_DuplicateName_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new PinnedEnvironment("go1.22.12", [new("A", "1"), new("A", "2")]));

    [TestMethod]
    public void Constructor_LoneSurrogate_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["A"] = "x\uD800" }));

    [TestMethod]
    [DataRow("dotenv", EnvFileFormat.Dotenv)]
    [DataRow("sh", EnvFileFormat.Sh)]
    [DataRow("PWSH", EnvFileFormat.Pwsh)]
    [DataRow("json", EnvFileFormat.Json)]
    [DataRow("goenv", EnvFileFormat.GoEnv)]
    public void FormatParse_CliWord_GivesTheFormat(string word, EnvFileFormat expected)
    {
        Assert.AreEqual(expected, EnvFileFormatNames.Parse(word));
        Assert.AreEqual(word.ToLowerInvariant(), EnvFileFormatNames.ToWord(expected));
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow(" sh")]
    [DataRow("bash")]
    [DataRow(null)]
    public void FormatTryParse_OtherSpelling_IsFalse(string? word) =>
        Assert.IsFalse(EnvFileFormatNames.TryParse(word, out _));
}
