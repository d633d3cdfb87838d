using System.Globalization;
using System.Security.Cryptography;
using GoEnv.Core.Git;
using GoEnv.Core.Tests.Caching;

namespace GoEnv.Core.Tests.Git;

[TestClass]
public sealed class GitIndexFileTests
{
    private static readonly string[] s_paths =
    [
        "go.sum", "go.work", "a/go.sum", "a/b/c/go.sum", "a/b/c/other.sum", "zz/go.sum", "é/ünïcode dir/go.sum",
        "long/" + new string('x', 200) + "/go.sum", "tool.sum", "a/go.sum.bak", "ago.sum",
    ];

    [TestMethod]
    [DataRow(2)]
    [DataRow(3)]
    [DataRow(4)]
    public void Parse_EveryIndexVersion_EqualsWhatGitItselfLists(int version)
    {
        using var temp = RepositoryWith(s_paths);
        GitCli.Run(temp.Path, "update-index", "--index-version", version.ToString(CultureInfo.InvariantCulture));
        var wanted = s_paths.ToHashSet(StringComparer.Ordinal);

        var entries = GitIndexFile.Parse(File.ReadAllBytes(IndexPath(temp)), wanted);

        Assert.IsNotNull(entries);
        var expected = LsFilesStage(temp);
        Assert.AreEqual(string.Join('\n', expected), string.Join('\n', entries.Select(e => $"{Convert.ToString(e.Mode, 8)} {e.ObjectId} {e.Stage}\t{e.Path}")));
        var debug = GitCli.Run(temp.Path, "-c", "core.quotePath=false", "ls-files", "--debug", "a/b/c/go.sum");
        var entry = entries.Single(e => e.Path == "a/b/c/go.sum");
        StringAssert.Contains(debug, $"ctime: {entry.CtimeSeconds}:{entry.CtimeNanoseconds}");
        StringAssert.Contains(debug, $"mtime: {entry.MtimeSeconds}:{entry.MtimeNanoseconds}");
        StringAssert.Contains(debug, $"ino: {entry.Inode}");
        StringAssert.Contains(debug, $"uid: {entry.Uid}\tgid: {entry.Gid}");
        StringAssert.Contains(debug, $"size: {entry.Size}\t");
    }

    [TestMethod]
    public void Parse_OnlyWantedPaths_AreMaterialised()
    {
        using var temp = RepositoryWith(s_paths);

        var entries = GitIndexFile.Parse(File.ReadAllBytes(IndexPath(temp)), new HashSet<string>(["a/go.sum", "go.sum", "missing/go.sum"], StringComparer.Ordinal));

        CollectionAssert.AreEquivalent(new[] { "a/go.sum", "go.sum" }, entries!.Select(e => e.Path).ToArray());
    }

    [TestMethod]
    public void Parse_SkipWorktreeIntentToAddAssumeUnchanged_FlagsAsGitSetThem()
    {
        using var temp = RepositoryWith(["a/go.sum", "b/go.sum", "c/go.sum"]);
        GitCli.Run(temp.Path, "update-index", "--skip-worktree", "a/go.sum");
        GitCli.Run(temp.Path, "update-index", "--assume-unchanged", "b/go.sum");
        temp.Write("d/go.sum", "new\n");
        GitCli.Run(temp.Path, "add", "-N", "d/go.sum");

        var entries = GitIndexFile.Parse(File.ReadAllBytes(IndexPath(temp)), new HashSet<string>(["a/go.sum", "b/go.sum", "c/go.sum", "d/go.sum"], StringComparer.Ordinal))!
            .ToDictionary(e => e.Path);

        Assert.IsTrue(entries["a/go.sum"].SkipWorktree);
        Assert.IsTrue(entries["b/go.sum"].AssumeValid);
        Assert.IsTrue(entries["d/go.sum"].IntentToAdd);
        Assert.IsFalse(entries["c/go.sum"].SkipWorktree || entries["c/go.sum"].AssumeValid || entries["c/go.sum"].IntentToAdd);
    }

    [TestMethod]
    public void Parse_MergeConflict_GivesStagesOneToThree()
    {
        using var temp = RepositoryWith(["go.sum"]);
        GitCli.Run(temp.Path, "checkout", "-q", "-b", "other");
        File.AppendAllText(Path.Combine(temp.Path, "go.sum"), "other\n");
        GitCli.Run(temp.Path, "commit", "-q", "-am", "other");
        GitCli.Run(temp.Path, "checkout", "-q", "main");
        File.AppendAllText(Path.Combine(temp.Path, "go.sum"), "mine\n");
        GitCli.Run(temp.Path, "commit", "-q", "-am", "mine");
        Assert.ThrowsExactly<InvalidOperationException>(() => GitCli.Run(temp.Path, "merge", "-q", "other"));

        var entries = GitIndexFile.Parse(File.ReadAllBytes(IndexPath(temp)), new HashSet<string>(["go.sum"], StringComparer.Ordinal))!;

        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, entries.Select(e => e.Stage).ToArray());
    }

    [TestMethod]
    public void Parse_SplitIndex_IsDeclined()
    {
        using var temp = RepositoryWith(s_paths);
        GitCli.Run(temp.Path, "update-index", "--split-index");

        Assert.IsNull(GitIndexFile.Parse(File.ReadAllBytes(IndexPath(temp)), s_paths.ToHashSet(StringComparer.Ordinal)));
    }

    [TestMethod]
    public void Parse_DamagedIndex_IsDeclinedNotThrown()
    {
        using var temp = RepositoryWith(s_paths);
        var good = File.ReadAllBytes(IndexPath(temp));
        var wanted = s_paths.ToHashSet(StringComparer.Ordinal);

        Assert.IsNull(GitIndexFile.Parse(good.AsSpan(0, good.Length - 1), wanted), "truncated");
        Assert.IsNull(GitIndexFile.Parse([], wanted), "empty");
        Assert.IsNull(GitIndexFile.Parse(WithChecksum([.. "DIRX"u8, .. good.AsSpan(4, good.Length - 24)]), wanted), "signature");
        var version5 = good[..^20];
        version5[7] = 5;
        Assert.IsNull(GitIndexFile.Parse(WithChecksum(version5), wanted), "version 5");
        var flipped = (byte[])good.Clone();
        flipped[100] ^= 1;
        Assert.IsNull(GitIndexFile.Parse(flipped, wanted), "checksum");
        var moreEntries = good[..^20];
        moreEntries[11] += 5;
        Assert.IsNull(GitIndexFile.Parse(WithChecksum(moreEntries), wanted), "count beyond the data");
    }

    [TestMethod]
    public void FindIndexPath_LinkedWorktree_FollowsGitdirFile()
    {
        using var temp = RepositoryWith(["go.sum"]);
        var worktree = Path.Combine(temp.Path, "wt");
        GitCli.Run(temp.Path, "worktree", "add", "-q", "wt");

        var indexPath = GitIndexFile.FindIndexPath(worktree);

        Assert.AreEqual(Path.Combine(temp.Path, ".git", "worktrees", "wt", "index"), indexPath);
        Assert.IsTrue(File.Exists(indexPath));
        Assert.AreEqual(Path.Combine(temp.Path, ".git", "index"), GitIndexFile.FindIndexPath(temp.Path));
    }

    /// <summary>A committed repository with a little content in each path.</summary>
    internal static TempDirectory RepositoryWith(IEnumerable<string> paths)
    {
        var temp = new TempDirectory();
        foreach (var path in paths)
        {
            temp.Write(path, "example.org/dep v1.0.0 h1:" + path + "=\n");
        }

        GitCli.Run(temp.Path, "init", "-q");
        GitCli.Run(temp.Path, "add", "-A");
        GitCli.Run(temp.Path, "commit", "-q", "-m", "init");
        return temp;
    }

    internal static string IndexPath(TempDirectory temp) => Path.Combine(temp.Path, ".git", "index");

    internal static byte[] WithChecksum(byte[] body)
    {
#pragma warning disable CA5350 // git's trailer format
        return [.. body, .. SHA1.HashData(body)];
#pragma warning restore CA5350
    }

    private static string[] LsFilesStage(TempDirectory temp) =>
        GitCli.Run(temp.Path, "-c", "core.quotePath=false", "ls-files", "--stage").Split('\n');
}
