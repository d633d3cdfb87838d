using System.Text;
using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class FileFingerprintsTests
{
    private const string SumText = "example.org/dep v1.0.0 h1:AAAA=\nexample.org/dep v1.0.0/go.mod h1:BBBB=\n";

    [TestMethod]
    public void ComputeBlobId_AnyContent_EqualsGitHashObject()
    {
        using var temp = new TempDirectory();
        foreach (var (name, content) in new[] { ("empty", ""), ("sum", SumText), ("crlf", "a\r\nb\r\n"), ("utf8", "é\0x") })
        {
            var path = temp.Write(name, content);
            Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "--no-filters", path), FileFingerprints.TryComputeBlobId(path), name);
        }

        Assert.AreEqual("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", FileFingerprints.ComputeBlobId(Encoding.UTF8.GetBytes("")));
    }

    [TestMethod]
    public void Compute_CommittedUnmodified_TakesIndexIdEqualToHashObject()
    {
        using var temp = Repository(out var set);

        var print = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(FileFingerprintSource.GitIndex, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
        Assert.AreEqual(GitCli.Run(temp.Path, "rev-parse", ":a/go.sum"), print.BlobId);
    }

    [TestMethod]
    public void Compute_ModifiedNotStaged_GivesNewContentId()
    {
        using var temp = Repository(out var set);
        var indexId = GitCli.Run(temp.Path, "rev-parse", ":a/go.sum");
        // Same length and written right after the commit: the racy case a stat-only check would miss.
        File.WriteAllText(Path.Combine(temp.Path, "a", "go.sum"), SumText.Replace("AAAA", "ZZZZ", StringComparison.Ordinal));

        var print = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(FileFingerprintSource.Hashed, print.Source);
        Assert.AreNotEqual(indexId, print.BlobId);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
    }

    [TestMethod]
    public void Compute_StagedChange_GivesStagedId()
    {
        using var temp = Repository(out var set);
        File.WriteAllText(Path.Combine(temp.Path, "a", "go.sum"), SumText + "x v1 h1:C=\n");
        GitCli.Run(temp.Path, "add", "a/go.sum");

        var print = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(FileFingerprintSource.GitIndex, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
    }

    [TestMethod]
    public void Compute_UntrackedAndDeleted_HashedAndAbsent()
    {
        using var temp = Repository(out _);
        temp.Write("b/go.sum", SumText);
        File.Delete(Path.Combine(temp.Path, "a", "go.sum"));
        var set = GoSumFiles.Find(temp.Path, goWork: null);

        var prints = FileFingerprints.Compute(set).ToDictionary(f => f.Path);

        Assert.AreEqual(FileFingerprintSource.Absent, prints["a/go.sum"].Source);
        Assert.IsNull(prints["a/go.sum"].BlobId);
        Assert.AreEqual(FileFingerprintSource.Hashed, prints["b/go.sum"].Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "b/go.sum"), prints["b/go.sum"].BlobId);
    }

    [TestMethod]
    public void Compute_SameContentCommittedOrNot_SameModulesKey()
    {
        using var committed = Repository(out var committedSet);
        using var loose = new TempDirectory();
        loose.Write("go.work", "go 1.22\n\nuse ./a\nuse ./b\n");
        loose.Write("a/go.mod", "module example.com/a\n");
        loose.Write("a/go.sum", SumText);
        loose.Write("b/go.mod", "module example.com/b\n");
        var looseSet = GoSumFiles.Find(loose.Path, goWork: null);

        var a = FileFingerprints.Compute(committedSet);
        var b = FileFingerprints.Compute(looseSet);

        Assert.AreEqual(FileFingerprintSource.GitIndex, a.Single(f => f.Path == "a/go.sum").Source);
        Assert.AreEqual(FileFingerprintSource.Hashed, b.Single(f => f.Path == "a/go.sum").Source);
        Assert.AreEqual(Modules(a), Modules(b));
    }

    [TestMethod]
    public void Compute_AnyGoSumChange_ChangesModulesKey()
    {
        using var temp = Repository(out var set);
        var keys = new List<string> { Modules(FileFingerprints.Compute(set)) };
        var sumA = Path.Combine(temp.Path, "a", "go.sum");

        File.AppendAllText(sumA, "y v1 h1:D=\n");                       // modified, not staged
        keys.Add(Modules(FileFingerprints.Compute(set)));
        GitCli.Run(temp.Path, "add", "-A");                              // staged
        GitCli.Run(temp.Path, "commit", "-q", "-m", "change");           // committed: same content → same key
        Assert.AreEqual(keys[^1], Modules(FileFingerprints.Compute(set)));
        temp.Write("b/go.sum", SumText);                                 // untracked, added
        keys.Add(Modules(FileFingerprints.Compute(set)));
        File.Delete(sumA);                                               // tracked, deleted
        keys.Add(Modules(FileFingerprints.Compute(set)));
        temp.Write("go.work.sum", "z v1 h1:E=\n");                       // workspace sum appears
        keys.Add(Modules(FileFingerprints.Compute(set)));

        Assert.HasCount(keys.Count, keys.Distinct().ToList());
    }

    [TestMethod]
    public void Compute_ConflictFreeAssumeUnchanged_IsHashedNotTrusted()
    {
        using var temp = Repository(out var set);
        GitCli.Run(temp.Path, "update-index", "--assume-unchanged", "a/go.sum");
        File.WriteAllText(Path.Combine(temp.Path, "a", "go.sum"), "changed behind git's back\n");

        var print = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(FileFingerprintSource.Hashed, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
    }

    [TestMethod]
    public void Compute_MergeConflict_HashesWorkTreeContent()
    {
        using var temp = Repository(out var set);
        GitCli.Run(temp.Path, "checkout", "-q", "-b", "other");
        File.AppendAllText(Path.Combine(temp.Path, "a", "go.sum"), "other v1 h1:O=\n");
        GitCli.Run(temp.Path, "commit", "-q", "-am", "other");
        GitCli.Run(temp.Path, "checkout", "-q", "main");
        File.AppendAllText(Path.Combine(temp.Path, "a", "go.sum"), "mine v1 h1:M=\n");
        GitCli.Run(temp.Path, "commit", "-q", "-am", "mine");
        Assert.ThrowsExactly<InvalidOperationException>(() => GitCli.Run(temp.Path, "merge", "-q", "other"));

        var print = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(FileFingerprintSource.Hashed, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "a/go.sum"), print.BlobId);
    }

    [TestMethod]
    public void Compute_OutsideGit_HashesEveryFile()
    {
        using var temp = new TempDirectory();
        temp.Write("go.mod", "module example.com/x\n");
        temp.Write("go.sum", SumText);

        var print = FileFingerprints.Compute(GoSumFiles.Find(temp.Path, goWork: "off")).Single();

        Assert.AreEqual(FileFingerprintSource.Hashed, print.Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", "--no-filters", "go.sum"), print.BlobId);
    }

    /// <summary>A committed workspace: go.work using ./a (with go.sum) and ./b (without).</summary>
    [TestMethod]
    public void Compute_CrlfCheckoutTouched_KeysLikeTheLfBlob()
    {
        // core.autocrlf=true: git stores LF and checks out CRLF. Once the stat data no longer vouches for the file
        // (a touch, a restore by a cache action), its CRLF bytes must still key like the committed blob.
        using var temp = Repository(out var set);
        var lfId = GitCli.Run(temp.Path, "rev-parse", ":a/go.sum");
        GitCli.Run(temp.Path, "config", "core.autocrlf", "true");
        File.Delete(Path.Combine(temp.Path, "a", "go.sum"));
        GitCli.Run(temp.Path, "-c", "core.autocrlf=true", "checkout", "--", "a/go.sum");
        var path = Path.Combine(temp.Path, "a", "go.sum");
        Assert.AreEqual(SumText.Replace("\n", "\r\n", StringComparison.Ordinal), File.ReadAllText(path), "git checked out CRLF");
        var before = Modules(FileFingerprints.Compute(set));

        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        var touched = FileFingerprints.Compute(set).Single(f => f.Path == "a/go.sum");

        Assert.AreEqual(lfId, touched.BlobId);
        Assert.AreEqual(GitCli.Run(temp.Path, "-c", "core.autocrlf=true", "hash-object", "a/go.sum"), touched.BlobId, "git's own hashing (with filters) agrees");
        Assert.AreEqual(before, Modules(FileFingerprints.Compute(set)));
    }

    [TestMethod]
    public void Compute_UntrackedCrlfGoSum_KeysLikeItsLfContent()
    {
        using var temp = new TempDirectory();
        var crlf = temp.Write("crlf/go.sum", SumText.Replace("\n", "\r\n", StringComparison.Ordinal));
        var lf = temp.Write("lf/go.sum", SumText);

        Assert.AreEqual(FileFingerprints.TryComputeBlobId(lf), FileFingerprints.TryComputeContentId(crlf, stagedId: null));
        Assert.AreEqual(FileFingerprints.TryComputeBlobId(lf), FileFingerprints.TryComputeContentId(lf, stagedId: null));
    }

    private static TempDirectory Repository(out GoSumSet set)
    {
        var temp = new TempDirectory();
        temp.Write("go.work", "go 1.22\n\nuse ./a\nuse ./b\n");
        temp.Write("a/go.mod", "module example.com/a\n");
        temp.Write("a/go.sum", SumText);
        temp.Write("b/go.mod", "module example.com/b\n");
        GitCli.Run(temp.Path, "init", "-q");
        GitCli.Run(temp.Path, "add", "-A");
        GitCli.Run(temp.Path, "commit", "-q", "-m", "init");
        set = GoSumFiles.Find(Path.Combine(temp.Path, "a"), goWork: null);
        return temp;
    }

    private static string Modules(IReadOnlyList<FileFingerprint> sums) =>
        CacheKeyCalculator.Compute(new CacheKeyInputs { GoVersion = "1.22.12", GoOs = "linux", GoArch = "amd64", CgoEnabled = "0", GoSums = sums }).Modules;
}
