using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class ModuleRepositoryTests
{
    [TestMethod]
    [DataRow("git.corp.example/team/lib.git", "git.corp.example/team/lib.git", "git", true)]
    [DataRow("git.corp.example/team/lib.git/v2", "git.corp.example/team/lib.git", "git", true)]
    [DataRow("code.example.org:8443/x/repo.hg/sub", "code.example.org:8443/x/repo.hg", "hg", true)]
    [DataRow("example.org/~user/tool.svn", "example.org/~user/tool.svn", "svn", true)]
    [DataRow("github.com/owner/repo/v3/pkg", "github.com/owner/repo", "git", false)]
    public void Of_PathNamesTheRepository(string path, string root, string vcs, bool bySuffix) => Assert.AreEqual(new ModuleRepository(root, vcs, bySuffix), ModuleRepository.Of(path));

    [TestMethod]
    [DataRow("example.org/dep")]
    [DataRow("golang.org/x/mod")]
    [DataRow("Git.Corp.example/lib.git")]
    [DataRow("github.com/owner")]
    public void Of_NeedsALookup_IsNull(string path) => Assert.IsNull(ModuleRepository.Of(path));
}
