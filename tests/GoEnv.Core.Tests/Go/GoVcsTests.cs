using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoVcsTests
{
    [TestMethod]
    [DataRow("")]
    [DataRow("private:all,public:git|hg")]
    [DataRow(" github.com:git , evil.com:off ")]
    public void Validate_Valid_ReturnsNull(string value) => Assert.IsNull(GoVcs.Validate(value));

    [TestMethod]
    [DataRow("bad", "malformed entry in GOVCS (missing colon): \"bad\"")]
    [DataRow("a:git,a:hg", "unreachable pattern in GOVCS: \"a:hg\" after \"a:git\"")]
    [DataRow(":git", "empty pattern in GOVCS: \":git\"")]
    [DataRow("x:", "empty VCS list in GOVCS: \"x:\"")]
    [DataRow("./rel:git", "relative pattern not allowed in GOVCS: \"./rel\"")]
    [DataRow("a:git,,b:hg", "empty entry in GOVCS")]
    [DataRow("a:git|", "empty VCS name in GOVCS: \"a:git|\"")]
    public void Validate_Invalid_GivesGosError(string value, string expected) => Assert.AreEqual(expected, GoVcs.Validate(value));
}
