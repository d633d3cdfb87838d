using CsCheck;
using GoEnv.Core.Caching;
using GoEnv.Core.Tests.Properties;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class RelativePathsTests
{
    [TestMethod]
    [DataRow("/r", "/r/a/go.sum", "a/go.sum")]
    [DataRow("/r/", "/r/a/go.sum", "a/go.sum")]
    [DataRow("/r", "/rx/go.sum", "../rx/go.sum")]
    [DataRow("/r", "/r/a/../b/go.sum", "b/go.sum")]
    [DataRow("/r", "/r/./go.sum", "go.sum")]
    [DataRow("/r", "/r//a/go.sum", "a/go.sum")]
    [DataRow("/r", "/other/go.sum", "../other/go.sum")]
    [DataRow("/", "/a/go.sum", "a/go.sum")]
    [DataRow("/r", "/r", ".")]
    public void Of_AnyPath_EqualsGetRelativePath(string root, string full, string expected)
    {
        Assert.AreEqual(expected, RelativePaths.Of(root, full));
    }

    [TestMethod]
    public void Of_GeneratedPaths_EqualsGetRelativePath()
    {
        var segment = Gen.OneOf("r", "a", "b", ".", "..", "", "go.sum", "rx", "a b", "é");
        var path = segment.Array[0, 6].Select(s => "/" + string.Join('/', s));
        PropertyRun.Check(Gen.Select(path, path), c =>
            Assert.AreEqual(Path.GetRelativePath(c.Item1, c.Item2).Replace('\\', '/'), RelativePaths.Of(c.Item1, c.Item2), $"{c.Item1} {c.Item2}"));
    }
}
