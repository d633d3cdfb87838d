using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class BuildContextTests
{
    private static readonly BuildContext s_linux = new("linux", "amd64", cgo: false, GoVersion.Parse("go1.22.3"), ["integration"]);

    [TestMethod]
    [DataRow("a.go", true)]
    [DataRow("a_linux.go", true)]
    [DataRow("a_windows.go", false)]
    [DataRow("a_linux_arm64.go", false)]
    [DataRow("a_linux_amd64_test.go", true)]
    [DataRow("linux.go", true)]
    [DataRow("a_unknownos.go", true)]
    [DataRow("a_android.go", false)]
    public void MatchesFileName_GoosGoarchSuffixes_AsGoBuild(string name, bool expected) =>
        Assert.AreEqual(expected, s_linux.MatchesFileName(name), name);

    [TestMethod]
    [DataRow("linux && amd64", true)]
    [DataRow("!windows", true)]
    [DataRow("(darwin || linux) && !cgo", true)]
    [DataRow("cgo", false)]
    [DataRow("unix", true)]
    [DataRow("go1.22 && !go1.23", true)]
    [DataRow("integration", true)]
    [DataRow("ignore", false)]
    [DataRow("linux &&", false)]
    [DataRow("(linux", false)]
    public void MatchExpression_GoBuildLines_AsGoBuild(string expression, bool expected) =>
        Assert.AreEqual(expected, s_linux.MatchExpression(expression), expression);

    [TestMethod]
    public void MatchPlusBuildLine_OptionsAndTerms_AsGoBuild()
    {
        Assert.IsTrue(s_linux.MatchPlusBuildLine("darwin linux"));
        Assert.IsFalse(s_linux.MatchPlusBuildLine("linux,cgo"));
        Assert.IsTrue(s_linux.MatchPlusBuildLine("!windows,amd64"));
    }
}
