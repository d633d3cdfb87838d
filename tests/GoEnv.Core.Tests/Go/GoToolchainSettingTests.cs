using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoToolchainSettingTests
{
    [TestMethod]
    [DataRow("local", "local", "")]
    [DataRow("auto", "local", "auto")]
    [DataRow("path", "local", "path")]
    [DataRow("go1.22.3", "go1.22.3", "")]
    [DataRow("go1.22.3+auto", "go1.22.3", "auto")]
    [DataRow("local+path", "local", "path")]
    [DataRow("go1.21rc2", "go1.21rc2", "")]
    [DataRow("go1.23.1-custom", "go1.23.1-custom", "")]
    public void Parse_Valid_GivesMinimumAndMode(string value, string minimum, string mode)
    {
        var setting = GoToolchainSetting.Parse(value, out var error);
        Assert.IsNull(error);
        Assert.IsNotNull(setting);
        Assert.AreEqual(minimum, setting.Minimum);
        Assert.AreEqual(mode, setting.Mode);
    }

    [TestMethod]
    [DataRow("bogus", "invalid GOTOOLCHAIN \"bogus\"")]
    [DataRow(" local", "invalid GOTOOLCHAIN \" local\"")]
    [DataRow("LOCAL", "invalid GOTOOLCHAIN \"LOCAL\"")]
    [DataRow("gccgo-go1.30.0", "invalid GOTOOLCHAIN \"gccgo-go1.30.0\"")]
    [DataRow("go1.24.4+local", "invalid GOTOOLCHAIN \"go1.24.4+local\": only version suffixes are +auto and +path")]
    [DataRow("x+auto", "invalid GOTOOLCHAIN \"x+auto\": invalid minimum toolchain \"x\"")]
    [DataRow("go1.21.0rc1", "invalid GOTOOLCHAIN \"go1.21.0rc1\"")]
    [DataRow("go01.21", "invalid GOTOOLCHAIN \"go01.21\"")]
    public void Parse_Invalid_GivesGosError(string value, string expected)
    {
        Assert.IsNull(GoToolchainSetting.Parse(value, out var error));
        Assert.AreEqual(expected, error);
    }
}
