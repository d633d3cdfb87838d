using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class GoSumFilesTests
{
    [TestMethod]
    public void Find_ModuleModeFromSubdirectory_GivesMainModuleGoSum()
    {
        using var temp = new TempDirectory();
        temp.Write("svc/go.mod", "module example.com/svc\n\ngo 1.22\n");
        Directory.CreateDirectory(Path.Combine(temp.Path, "svc", "internal", "x"));

        var set = GoSumFiles.Find(Path.Combine(temp.Path, "svc", "internal", "x"), goWork: "");

        Assert.IsNull(set.GoWorkPath);
        Assert.AreEqual(Path.Combine(temp.Path, "svc", "go.mod"), set.GoModPath);
        Assert.AreEqual(Path.Combine(temp.Path, "svc"), set.BaseDirectory);
        Assert.AreEqual("go.sum", set.Files.Single().RelativePath);
    }

    [TestMethod]
    public void Find_InsideGitRepository_PathsRelativeToRepositoryRoot()
    {
        using var temp = new TempDirectory();
        GitCli.Run(temp.Path, "init", "-q");
        temp.Write("services/api/go.mod", "module example.com/api\n");

        var set = GoSumFiles.Find(Path.Combine(temp.Path, "services", "api"), goWork: null);

        Assert.AreEqual(temp.Path, set.RepositoryRoot);
        Assert.AreEqual("services/api/go.sum", set.Files.Single().RelativePath);
    }

    [TestMethod]
    public void Find_WorkspaceFoundUpward_GivesEveryUseDirAndWorkSum()
    {
        using var temp = new TempDirectory();
        temp.Write("go.work", "go 1.22\n\nuse (\n\t./b\n\t./a\n\t.\n\t./a // again\n)\nuse ./tools\n");
        temp.Write("go.mod", "module example.com/root\n");
        temp.Write("a/go.mod", "module example.com/a\n");
        temp.Write("b/go.mod", "module example.com/b\n");
        temp.Write("tools/go.mod", "module example.com/tools\n");

        var set = GoSumFiles.Find(Path.Combine(temp.Path, "b"), goWork: null);

        Assert.AreEqual(Path.Combine(temp.Path, "go.work"), set.GoWorkPath);
        CollectionAssert.AreEqual(
            new[] { "a/go.sum", "b/go.sum", "go.sum", "go.work.sum", "tools/go.sum" },
            set.Files.Select(f => f.RelativePath).ToArray());
    }

    [TestMethod]
    public void Find_GoWorkOff_UsesModuleMode()
    {
        using var temp = new TempDirectory();
        temp.Write("go.work", "go 1.22\n\nuse ./a\n");
        temp.Write("a/go.mod", "module example.com/a\n");

        var set = GoSumFiles.Find(Path.Combine(temp.Path, "a"), goWork: "off");

        Assert.IsNull(set.GoWorkPath);
        Assert.AreEqual("go.sum", set.Files.Single().RelativePath);
    }

    [TestMethod]
    public void Find_GoWorkPathGiven_UsesThatFileAndItsSumFile()
    {
        using var temp = new TempDirectory();
        var work = temp.Write("ci/ci.work", "go 1.22\n\nuse ../a\n");
        temp.Write("a/go.mod", "module example.com/a\n");
        temp.Write("go.work", "go 1.22\n\nuse ./other\n");

        var set = GoSumFiles.Find(temp.Path, goWork: work);

        // Outside git the paths are relative to the workspace root, even when a use dir lies above it.
        Assert.AreEqual(work, set.GoWorkPath);
        CollectionAssert.AreEqual(new[] { "../a/go.sum", "ci.work.sum" }, set.Files.Select(f => f.RelativePath).ToArray());
    }

    [TestMethod]
    public void Find_NoModule_GivesNoFiles()
    {
        using var temp = new TempDirectory();
        var set = GoSumFiles.Find(temp.Path, goWork: "off");
        Assert.IsEmpty(set.Files);
    }
}
