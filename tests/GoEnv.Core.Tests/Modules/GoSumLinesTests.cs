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
    public void ModuleHash_OfGoMod_MatchesGo()
    {
        // go mod download -json example.org/dep@v1.0.0 (go1.27.3) reports this GoModSum for this go.mod.
        Assert.AreEqual("h1:1G5PdGkLpNgz7cUAkY//nbli7eXHmEcmfMMAOvoKVEY=", ModuleHash.OfGoMod("module example.org/dep\n\ngo 1.19\n"u8.ToArray()));
    }
}
