using GoEnv.Core.Caching;
using GoEnv.Core.Tests.Git;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class IndexStatBlobIdsTests
{
    private static readonly HashSet<string> s_wanted = new(["a/go.sum", "b/go.sum", "c/go.sum", "d/go.sum", "e/go.sum"], StringComparer.Ordinal);

    [TestMethod]
    public void TryRead_AgedCheckout_EveryFileKnownUnmodifiedWithGitsId()
    {
        using var temp = AgedRepository();

        var blobs = IndexStatBlobIds.TryRead(temp.Path, s_wanted)!;

        Assert.HasCount(5, blobs);
        foreach (var (path, blob) in blobs)
        {
            Assert.IsTrue(blob.KnownUnmodified, path);
            Assert.AreEqual(GitCli.Run(temp.Path, "rev-parse", ":" + path), blob.ObjectId, path);
        }
    }

    [TestMethod]
    public void TryRead_ContentChangedWithSizeAndMtimeRestored_IsNotTrusted()
    {
        // What `touch -r` after an edit does: same size, same mtime. Only ctime (and git's content check) tell.
        using var temp = AgedRepository();
        var path = Path.Combine(temp.Path, "a", "go.sum");
        var mtime = File.GetLastWriteTimeUtc(path);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text.Replace("dep", "xyz", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(path, mtime);

        var blobs = IndexStatBlobIds.TryRead(temp.Path, s_wanted)!;
        var print = FileFingerprints.Compute(temp.Path, temp.Path, [new GoSumFile("a/go.sum", path)]).Single();

        Assert.IsFalse(blobs["a/go.sum"].KnownUnmodified);
        Assert.IsTrue(blobs["b/go.sum"].KnownUnmodified);
        Assert.AreEqual(FileFingerprintSource.Hashed, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
        Assert.AreNotEqual(blobs["a/go.sum"].ObjectId, print.BlobId);
    }

    [TestMethod]
    public void TryRead_EntriesAsNewAsTheIndex_AreRacyAndVerifiedByContent()
    {
        using var temp = AgedRepository();
        // The index file now looks older than its entries: every entry is racy, as right after a fast checkout.
        File.SetLastWriteTimeUtc(GitIndexFileTests.IndexPath(temp), DateTime.UtcNow.AddHours(-3));

        var blobs = IndexStatBlobIds.TryRead(temp.Path, s_wanted)!;
        var prints = FileFingerprints.Compute(temp.Path, temp.Path, [.. s_wanted.Select(p => new GoSumFile(p, Path.Combine(temp.Path, p)))]);

        Assert.IsTrue(blobs.Values.All(b => !b.KnownUnmodified));
        Assert.IsTrue(prints.All(p => p.Source == FileFingerprintSource.GitIndex), "unchanged content still counts as unmodified");
        CollectionAssert.AreEqual(blobs.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value.ObjectId).ToArray(), prints.Select(p => p.BlobId).ToArray());
    }

    [TestMethod]
    public void TryRead_UnusableEntries_AreLeftOutOrDistrusted()
    {
        using var temp = AgedRepository();
        GitCli.Run(temp.Path, "update-index", "--assume-unchanged", "a/go.sum");
        GitCli.Run(temp.Path, "update-index", "--skip-worktree", "b/go.sum");
        File.Delete(Path.Combine(temp.Path, "c", "go.sum"));
        File.Delete(Path.Combine(temp.Path, "d", "go.sum"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "d", "go.sum"), "../e/go.sum");
        File.SetUnixFileMode(Path.Combine(temp.Path, "e", "go.sum"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var blobs = IndexStatBlobIds.TryRead(temp.Path, s_wanted)!;

        Assert.IsFalse(blobs.ContainsKey("a/go.sum"), "assume-unchanged");
        Assert.IsFalse(blobs.ContainsKey("b/go.sum"), "skip-worktree");
        Assert.IsFalse(blobs["c/go.sum"].KnownUnmodified, "deleted");
        Assert.IsFalse(blobs["d/go.sum"].KnownUnmodified, "replaced by a symlink");
        Assert.IsFalse(blobs["e/go.sum"].KnownUnmodified, "made executable");
    }

    [TestMethod]
    public void TryRead_AnyState_AgreesWithLibGit2Status()
    {
        using var temp = AgedRepository();
        File.AppendAllText(Path.Combine(temp.Path, "a", "go.sum"), "modified\n");
        File.AppendAllText(Path.Combine(temp.Path, "b", "go.sum"), "staged\n");
        GitCli.Run(temp.Path, "add", "b/go.sum");
        File.Delete(Path.Combine(temp.Path, "c", "go.sum"));
        var all = s_wanted.Select(p => new GoSumFile(p, Path.Combine(temp.Path, p))).ToList();

        var ours = IndexStatBlobIds.TryRead(temp.Path, s_wanted)!;
        var libgit2 = LibGit2StatusBlobIds.TryRead(temp.Path, s_wanted)!;

        // libgit2's "clean" set must equal what ours trusts or verifies by content.
        var oursClean = FileFingerprints.Compute(temp.Path, temp.Path, all).Where(p => p.Source == FileFingerprintSource.GitIndex).Select(p => p.Path + " " + p.BlobId);
        CollectionAssert.AreEquivalent(libgit2.Select(p => p.Key + " " + p.Value.ObjectId).ToArray(), oursClean.ToArray());
        CollectionAssert.AreEquivalent(new[] { "b/go.sum", "d/go.sum", "e/go.sum" }, libgit2.Keys.ToArray());
        Assert.HasCount(5, ours);
    }

    [TestMethod]
    public void TryRead_NoIndexYet_Declines()
    {
        using var temp = new TempDirectory();
        GitCli.Run(temp.Path, "init", "-q");

        Assert.IsNull(IndexStatBlobIds.TryRead(temp.Path, s_wanted));
    }

    /// <summary>A committed repository whose files and index are an hour old, as a CI checkout looks a moment later.</summary>
    private static TempDirectory AgedRepository()
    {
        var temp = GitIndexFileTests.RepositoryWith(s_wanted);
        var old = DateTime.UtcNow.AddHours(-1);
        foreach (var path in s_wanted)
        {
            File.SetLastWriteTimeUtc(Path.Combine(temp.Path, path), old);
        }

        GitCli.Run(temp.Path, "update-index", "--really-refresh");
        return temp;
    }
}
