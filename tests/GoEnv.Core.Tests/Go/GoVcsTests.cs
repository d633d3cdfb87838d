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

    [TestMethod]
    [DataRow("", "git.corp.example/lib.git", true, "git", true)]
    [DataRow("", "example.org/lib.svn", false, "svn", false)]
    [DataRow("", "example.org/lib.hg", false, "hg", true)]
    [DataRow("private:off", "git.corp.example/lib.git", true, "git", false)]
    [DataRow("private:off", "github.com/a/b", false, "git", true)]
    [DataRow("public:off", "git.corp.example/lib.git", true, "git", true)]
    [DataRow("*:off", "git.corp.example/lib.git", true, "git", false)]
    [DataRow("git.corp.example:hg,private:all", "git.corp.example/lib.git", true, "git", false)]
    [DataRow("other.example:off", "git.corp.example/lib.git", true, "git", true)]
    [DataRow(" public : git | svn ", "example.org/lib.svn", false, "svn", true)]
    public void Allows_FirstMatchingRuleThenGosDefault(string govcs, string root, bool isPrivate, string vcs, bool expected) =>
        Assert.AreEqual(expected, GoVcs.Allows(govcs, root, isPrivate, vcs));

    [TestMethod]
    public void Allows_Unparseable_IsUnknown() => Assert.IsNull(GoVcs.Allows("bad", "github.com/a/b", false, "git"));
}
