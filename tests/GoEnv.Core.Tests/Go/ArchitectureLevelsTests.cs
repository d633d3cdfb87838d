using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class ArchitectureLevelsTests
{
    [TestMethod]
    [DataRow("GOAMD64", "v3", "go1.27.3")]
    [DataRow("GOARM", "7", "go1.19.8")]
    [DataRow("GOARM", "7,softfloat", "go1.22.1")]
    [DataRow("GOARM64", "v8.2,lse,crypto", "go1.23.5")]
    [DataRow("GOARM64", "v9.5", "go1.23.5")]
    [DataRow("GO386", "softfloat", "go1.21.1")]
    [DataRow("GOWASM", "satconv,signext", "go1.21.1")]
    public void Validate_Valid_ReturnsNull(string name, string value, string version) =>
        Assert.IsNull(ArchitectureLevels.Validate(name, value, GoVersion.Parse(version)));

    [TestMethod]
    [DataRow("GOAMD64", "v9", "go1.27.3", "invalid GOAMD64: must be v1, v2, v3, v4")]
    [DataRow("GOARM", "7,softfloat", "go1.21.13", "invalid GOARM: must be 5, 6, 7")]
    [DataRow("GOARM", "9", "go1.22.12", "invalid GOARM: must start with 5, 6, or 7, and may optionally end in either \",hardfloat\" or \",softfloat\"")]
    [DataRow("GOARM64", "v7", "go1.23.5", "invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"")]
    [DataRow("GOARM64", "v9.6", "go1.23.5", "invalid GOARM64: must start with v8.{0-9} or v9.{0-5} and may optionally end in \",lse\" and/or \",crypto\"")]
    [DataRow("GOPPC64", "power7", "go1.23.5", "invalid GOPPC64: must be power8, power9, power10")]
    public void Validate_Invalid_GivesGosError(string name, string value, string version, string expected) =>
        Assert.AreEqual(expected, ArchitectureLevels.Validate(name, value, GoVersion.Parse(version)));
}
