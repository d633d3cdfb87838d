using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class ModulePathPatternsTests
{
    // The matches real Go makes (go-env.md §10, verified with GONOSUMDB).
    [TestMethod]
    [DataRow("example.org/", "example.org/dep", true)]
    [DataRow("example.*", "example.org/dep", true)]
    [DataRow("*", "example.org/dep", true)]
    [DataRow("ex?mple.org", "example.org/dep", true)]
    [DataRow(" example.org", "example.org/dep", false)]
    [DataRow("example.org ", "example.org/dep", false)]
    [DataRow("EXAMPLE.ORG", "example.org/dep", false)]
    [DataRow("[", "example.org/dep", false)]
    [DataRow("example.org/dep/sub", "example.org/dep", false)]
    [DataRow("foo.com, example.org", "example.org/dep", false)]
    [DataRow("foo.com,example.org", "example.org/dep", true)]
    [DataRow("github.com/org", "github.com/org/repo/v2", true)]
    [DataRow("github.com/*/repo", "github.com/org/repo", true)]
    [DataRow("[a-z]xample.org", "example.org/dep", true)]
    public void Matches_LikeGo(string globs, string path, bool expected) => Assert.AreEqual(expected, ModulePathPatterns.Matches(globs, path));

    [TestMethod]
    public void PathMatch_ManyStars_FinishesAtOnce()
    {
        // Found by ParserProperties: retrying every split at every '*' was exponential (12 stars over 30 chars: 2.5 s).
        var pattern = string.Concat(Enumerable.Repeat("*a", 40)) + "*b";
        var name = new string('a', 200);
        var watch = System.Diagnostics.Stopwatch.StartNew();

        Assert.IsFalse(ModulePathPatterns.PathMatch(pattern, name));
        Assert.IsTrue(ModulePathPatterns.PathMatch(pattern, name + "b"));
        Assert.IsLessThan(5_000, watch.ElapsedMilliseconds);
    }

    [TestMethod]
    [DataRow(" example.org")]
    [DataRow("example.org ")]
    [DataRow("[")]
    [DataRow("a[]")]
    [DataRow("x\\")]
    [DataRow("https://github.com/org")]
    public void Problem_SilentlyIgnoredPattern_IsReported(string glob) => Assert.IsNotNull(ModulePathPatterns.Problem(glob));

    [TestMethod]
    [DataRow("example.org")]
    [DataRow("*.corp.example.com")]
    [DataRow("github.com/org/*")]
    [DataRow("[a-c]x")]
    public void Problem_SoundPattern_IsNull(string glob) => Assert.IsNull(ModulePathPatterns.Problem(glob));
}
