using GoEnv.Core.Policy;

namespace GoEnv.Core.Tests.Policy;

[TestClass]
public sealed class PolicyFileTests
{
    [TestMethod]
    public void Find_PolicyAtRepositoryRoot_FoundFromSubdirectory()
    {
        using var files = new PolicyTestFiles();
        var repo = files.MakeDirectory("repo");
        var policy = files.Write("repo/.goenv.yml", "");
        var work = files.MakeDirectory("repo/services/api/cmd");

        Assert.AreEqual(policy, PolicyFile.Find(work, repo));
    }

    [TestMethod]
    public void Find_PolicyAboveRepositoryRoot_NotFound()
    {
        using var files = new PolicyTestFiles();
        files.Write(".goenv.yml", "");
        var repo = files.MakeDirectory("repo");
        var work = files.MakeDirectory("repo/sub");

        Assert.IsNull(PolicyFile.Find(work, repo));
        Assert.IsNull(PolicyFile.Find(repo, repo));
    }

    [TestMethod]
    public void Find_NearestPolicy_Wins()
    {
        using var files = new PolicyTestFiles();
        var repo = files.MakeDirectory("repo");
        files.Write("repo/.goenv.yml", "");
        var nearer = files.Write("repo/module/.goenv.yaml", "");
        var work = files.MakeDirectory("repo/module/pkg");

        Assert.AreEqual(nearer, PolicyFile.Find(work, repo + "/"));
    }

    [TestMethod]
    public void Find_BothExtensions_YmlWins()
    {
        using var files = new PolicyTestFiles();
        var yml = files.Write(".goenv.yml", "");
        files.Write(".goenv.yaml", "");

        Assert.AreEqual(yml, PolicyFile.Find(files.Root, files.Root));
    }

    [TestMethod]
    public void Find_NoRepository_OnlyWorkingDirectory()
    {
        using var files = new PolicyTestFiles();
        files.Write(".goenv.yml", "");
        var work = files.MakeDirectory("sub");

        Assert.IsNull(PolicyFile.Find(work, null));
        Assert.AreEqual(Path.Combine(files.Root, ".goenv.yml"), PolicyFile.Find(files.Root, null));
    }

    [TestMethod]
    public void Find_WorkingDirectoryOutsideRepository_OnlyWorkingDirectory()
    {
        using var files = new PolicyTestFiles();
        files.Write(".goenv.yml", "");
        var repo = files.MakeDirectory("repo");
        var work = files.MakeDirectory("elsewhere");

        Assert.IsNull(PolicyFile.Find(work, repo));
    }
}
