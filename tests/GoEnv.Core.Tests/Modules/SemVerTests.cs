using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class SemVerTests
{
    [TestMethod]
    [DataRow("v1", true)]
    [DataRow("v1.2", true)]
    [DataRow("v1.2.3", true)]
    [DataRow("v1.2.3-pre.1+build", true)]
    [DataRow("v0.0.0-20240101000000-abcdefabcdef", true)]
    [DataRow("v2.0.0+incompatible", true)]
    [DataRow("1.2.3", false)]
    [DataRow("v01.2.3", false)]
    [DataRow("v1.2.3-01", false)]
    [DataRow("v1.2-pre", false)]
    [DataRow("v1.2.3-", false)]
    [DataRow("v", false)]
    public void IsValid_AsXModSemver(string version, bool expected) => Assert.AreEqual(expected, SemVer.IsValid(version), version);

    [TestMethod]
    public void Compare_OrdersAsXModSemver()
    {
        string[] ordered = ["v0.9.0", "v1.0.0-alpha", "v1.0.0-alpha.1", "v1.0.0-beta", "v1.0.0", "v1.0.1", "v1.10.0", "v2.0.0+incompatible"];
        for (var i = 1; i < ordered.Length; i++)
        {
            Assert.IsLessThan(0, SemVer.Compare(ordered[i - 1], ordered[i]), $"{ordered[i - 1]} < {ordered[i]}");
            Assert.IsGreaterThan(0, SemVer.Compare(ordered[i], ordered[i - 1]));
        }

        Assert.AreEqual(0, SemVer.Compare("v1", "v1.0.0"));
    }
}
