using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class GoEnvFileTests
{
    [TestMethod]
    public void Parse_LikeReadEnvFile_LastWinsNoTrimming()
    {
        var file = GoEnvFile.Parse("/x/env", "# comment\nGOFLAGS=-mod=mod\nGOPRIVATE = corp.example\nGOFLAGS=-mod=readonly\r\nlower=1\nGOSUMDB=\"off\"\n");
        Assert.AreEqual("-mod=readonly\r", file.Get("GOFLAGS")!.Value);
        Assert.AreEqual(4, file.Get("GOFLAGS")!.Line);
        Assert.IsNull(file.Get("GOPRIVATE"));
        Assert.AreEqual(" corp.example", file.Get("GOPRIVATE ")!.Value);
        Assert.AreEqual("\"off\"", file.Get("GOSUMDB")!.Value);
        Assert.IsNull(file.Get("lower"));
    }

    [TestMethod]
    public void Parse_SpacedOrExportedLines_AreSuspicious()
    {
        var file = GoEnvFile.Parse("/x/env", "GOPRIVATE = corp.example\nexport GOFLAGS=-mod=mod\nGOPROXY=direct\n");
        CollectionAssert.AreEquivalent(new[] { 1, 2 }, file.SuspiciousLines.Select(l => l.Line).ToArray());
    }

    [TestMethod]
    public void Read_FileWithBom_FirstLineIgnoredLikeGo()
    {
        // Found checking the port for the property tests: `GOENV=f go env GOFLAGS` prints nothing for this file.
        var path = Path.Combine(Path.GetTempPath(), "goenv-bom-" + Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "GOFLAGS=-mod=mod\nGOPROXY=direct\n"u8]);
        try
        {
            var file = GoEnvFile.Read(path);

            Assert.IsNull(file.Get("GOFLAGS"));
            Assert.AreEqual("direct", file.Get("GOPROXY")!.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void Read_MissingFile_IsEmptyNotAnError()
    {
        var file = GoEnvFile.Read(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "env"));
        Assert.IsFalse(file.Exists);
        Assert.IsEmpty(file.Entries);
    }
}
