using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

/// <summary>Which go.sum files the keys cover in a repository of several modules without go.work.</summary>
[TestClass]
public sealed class ModulesKeyScopeTests
{
    [TestMethod]
    [DataRow(ModulesKeyScope.Module, "api/go.sum")]
    [DataRow(ModulesKeyScope.Repository, "api/go.sum go.sum tools/go.sum web/go.sum")]
    [DataRow(ModulesKeyScope.GoSumGlob, "api/go.sum go.sum internal/testdata/mod/go.sum tools/go.sum")]
    public void Find_MultiModuleRepository_CoversTheScopesFiles(ModulesKeyScope scope, string expected)
    {
        using var bed = Repository();

        var set = GoSumFiles.Find(bed.Check().Snapshot, scope);

        Assert.AreEqual(expected, string.Join(' ', set.Files.Select(f => f.RelativePath)));
    }

    [TestMethod]
    public void Compute_SiblingModulesGoSumChanges_RepositoryKeyChangesModuleKeyDoesNot()
    {
        using var bed = Repository();
        var before = Keys(bed);

        File.AppendAllText(Path.Combine(bed.Root, "repo", "tools", "go.sum"), "example.org/new v1.0.0 h1:NNNN=\n");
        var after = Keys(bed);

        Assert.AreNotEqual(before.Repository, after.Repository);
        Assert.AreEqual(before.Module, after.Module);
    }

    private static (string Repository, string Module) Keys(RuleTestBed bed)
    {
        var snapshot = bed.Check().Snapshot;
        return (SnapshotCacheKeys.Compute(snapshot, FakeGo.Answering(bed.GoEnv), ModulesKeyScope.Repository).Modules,
            SnapshotCacheKeys.Compute(snapshot, FakeGo.Answering(bed.GoEnv), ModulesKeyScope.Module).Modules);
    }

    /// <summary>
    /// repo/ (a module), api/ (the one checked), tools/ (committed go.sum), web/ (no go.sum yet), and modules Go
    /// ignores: internal/testdata/mod, _old, .github/x.
    /// </summary>
    private static RuleTestBed Repository()
    {
        var bed = new RuleTestBed();
        var repo = Path.Combine(bed.Root, "repo");
        foreach (var (path, content) in new[]
        {
            ("go.mod", "module example.com/root\n\ngo 1.22\n"),
            ("go.sum", "example.org/a v1.0.0 h1:AAAA=\n"),
            ("api/go.mod", "module example.com/api\n\ngo 1.22\n"),
            ("api/go.sum", "example.org/b v1.0.0 h1:BBBB=\n"),
            ("tools/go.mod", "module example.com/tools\n\ngo 1.22\n"),
            ("tools/go.sum", "example.org/c v1.0.0 h1:CCCC=\n"),
            ("web/go.mod", "module example.com/web\n\ngo 1.22\n"),
            ("internal/testdata/mod/go.mod", "module example.com/fixture\n"),
            ("internal/testdata/mod/go.sum", "example.org/d v1.0.0 h1:DDDD=\n"),
            ("_old/go.mod", "module example.com/old\n"),
            (".github/x/go.mod", "module example.com/x\n"),
        })
        {
            var full = Path.Combine(repo, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        GitCli.Run(repo, "init", "-q");
        GitCli.Run(repo, "add", "-A");
        GitCli.Run(repo, "commit", "-q", "-m", "modules");
        bed.WorkDir = Path.Combine(repo, "api");
        return bed;
    }
}
