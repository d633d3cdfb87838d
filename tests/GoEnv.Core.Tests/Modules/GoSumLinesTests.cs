using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class GoSumLinesTests
{
    [TestMethod]
    public void Read_TwoFiles_GivesEntriesWithFileAndLine()
    {
        using var dir = new TempDirectory();
        var sum = dir.Write("go.sum", "example.org/dep v1.0.0 h1:zip=\n\nexample.org/dep v1.0.0/go.mod h1:mod=\r\nbroken line\n");
        var work = dir.Write("go.work.sum", "example.org/other v0.1.0/go.mod h1:other=\n");

        var sums = GoSumLines.Read([sum, work, Path.Combine(dir.Path, "missing.sum")]);

        Assert.AreEqual(new GoSumEntry("h1:zip=", sum, 1), sums.For("example.org/dep", "v1.0.0", goMod: false).Single());
        Assert.AreEqual(new GoSumEntry("h1:mod=", sum, 3), sums.For("example.org/dep", "v1.0.0", goMod: true).Single());
        Assert.AreEqual(work, sums.For("example.org/other", "v0.1.0", goMod: true).Single().File);
        Assert.HasCount(0, sums.For("example.org/other", "v0.1.0", goMod: false));
        Assert.HasCount(2, sums.Files);
    }

    [TestMethod]
    public void For_RepeatedLinesAndLookalikes_GivesEveryMatchInFileOrderAndNothingElse()
    {
        using var dir = new TempDirectory();
        // The last line has no newline; "a b" vs "ab" must not collide; four fields are malformed (skipped).
        var sum = dir.Write("go.sum", "example.org/a v1.0.0 h1:one=\nexample.org/a v1.0.0 h1:two= extra\nexample.org/a\tv1.0.0\th1:three=\nexample.org/av1.0.0 x h1:no=\nexample.org/a v1.0.0 h1:four=");

        var sums = GoSumLines.Read([sum]);

        CollectionAssert.AreEqual(new[] { ("h1:one=", 1), ("h1:three=", 3), ("h1:four=", 5) }, sums.For("example.org/a", "v1.0.0", goMod: false).Select(e => (e.Hash, e.Line)).ToArray());
        Assert.HasCount(0, sums.For("example.org/av1.0.0", "", goMod: false));
        Assert.HasCount(0, sums.For("example.org/a", "v1.0.0", goMod: true));
    }

    [TestMethod]
    public void ModuleHash_OfGoMod_MatchesGo()
    {
        // go mod download -json example.org/dep@v1.0.0 (go1.27.3) reports this GoModSum for this go.mod.
        Assert.AreEqual("h1:1G5PdGkLpNgz7cUAkY//nbli7eXHmEcmfMMAOvoKVEY=", ModuleHash.OfGoMod("module example.org/dep\n\ngo 1.19\n"u8.ToArray()));
    }
}
