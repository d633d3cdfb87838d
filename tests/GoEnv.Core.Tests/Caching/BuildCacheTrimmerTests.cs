using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class BuildCacheTrimmerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 3, 10, 0, 30, 500, TimeSpan.Zero);

    [TestMethod]
    public void Prepare_RestoredEntriesOfAnyAge_BackdatesOnlyThoseGoWouldNotRefresh()
    {
        using var temp = new TempDirectory();
        var recent = Index(temp, 0xab, outputOf: 0xac, s_now.AddMinutes(-20));
        var future = Output(temp, 0xac, s_now.AddHours(3));
        var old = Index(temp, 0xcd, outputOf: 0xac, s_now.AddDays(-2));

        var prepared = BuildCacheTrimmer.Prepare(temp.Path, s_now);

        var start = new DateTimeOffset(2026, 12, 3, 10, 0, 30, TimeSpan.Zero);
        Assert.AreEqual(start, prepared.JobStart, "whole seconds: a coarse file time cannot fall before the start");
        Assert.AreEqual(3, prepared.Entries);
        Assert.AreEqual(2, prepared.Backdated);
        Assert.AreEqual(start.AddMinutes(-61), Modified(recent), "an entry from 20 minutes ago must become one Go refreshes on use");
        Assert.AreEqual(start.AddMinutes(-61), Modified(future), "a time from a skewed clock too");
        Assert.AreEqual(s_now.AddDays(-2), Modified(old), "already old enough: unchanged");
        Assert.AreEqual(start, BuildCacheTrimmer.ReadJobStart(temp.Path, out var problem), problem);
    }

    [TestMethod]
    public void Prepare_NoCacheYet_CreatesTheDirectoryAndRecordsTheStart()
    {
        using var temp = new TempDirectory();
        var gocache = Path.Combine(temp.Path, "go-build");

        var prepared = BuildCacheTrimmer.Prepare(gocache, s_now);

        Assert.AreEqual(0, prepared.Entries);
        Assert.IsNotNull(BuildCacheTrimmer.ReadJobStart(gocache, out _));
    }

    [TestMethod]
    public void Trim_EntriesUsedAndNotUsed_KeepsUsedIndexEntriesWithTheirOutputsAndNothingOutsideGosLayout()
    {
        using var temp = new TempDirectory();
        // Used this job, its output rewritten with the same content (Go left the back-dated time on it).
        var usedOutput = Output(temp, 1, s_now.AddMinutes(-61));
        var usedIndex = Index(temp, 2, outputOf: 1, s_now.AddSeconds(5));
        var atStart = Index(temp, 3, outputOf: 1, s_now);
        var unusedOutput = Output(temp, 4, s_now.AddMinutes(-61));
        var unusedIndex = Index(temp, 5, outputOf: 4, s_now.AddMinutes(-61));
        var dangling = Index(temp, 6, outputOf: 7, s_now.AddSeconds(5));
        var malformed = temp.Write(Name(8, 'a'), "v1 not an entry\n");
        File.SetLastWriteTimeUtc(malformed, s_now.AddSeconds(5).UtcDateTime);
        var others = new[]
        {
            temp.Write("README", "This directory holds cached build artifacts from the Go build system.\n"),
            temp.Write("trim.txt", "1700000000\n"),
            temp.Write("testexpire.txt", "1700000000\n"),
            temp.Write("fuzz/example.com/app/FuzzX/0123", "go test fuzz v1\n"),
            temp.Write("02/notes.txt", "not Go's\n"),
            temp.Write("02/" + new string('A', 64) + "-d", "upper-case hex is not Go's name\n"),
            temp.Write("zz/" + new string('0', 64) + "-a", "not a hex directory\n"),
        };
        foreach (var file in others)
        {
            File.SetLastWriteTimeUtc(file, s_now.AddDays(-3).UtcDateTime);
        }

        var result = BuildCacheTrimmer.Trim(temp.Path, s_now, maxBytes: null);

        Assert.IsTrue(File.Exists(usedIndex) && File.Exists(atStart), "used at or after the start: kept");
        Assert.IsTrue(File.Exists(usedOutput), "named by a kept index entry: kept, whatever its mtime");
        Assert.IsFalse(File.Exists(unusedOutput) || File.Exists(unusedIndex), "not used in this job");
        Assert.IsFalse(File.Exists(dangling), "its output is gone: Go would take it as a miss");
        Assert.IsFalse(File.Exists(malformed), "Go cannot read it");
        Assert.AreEqual((3, 4), (result.Kept, result.Removed));
        foreach (var file in others)
        {
            Assert.IsTrue(File.Exists(file), file + " is not a cache entry and must stay");
        }
    }

    [TestMethod]
    public void Trim_GoRunExecutableDirectories_KeptWhenNamedByAUsedEntryRemovedOtherwise()
    {
        using var temp = new TempDirectory();
        var used = Executable(temp, 1, s_now.AddMinutes(-61));
        Index(temp, 2, outputOf: 1, s_now.AddSeconds(1));
        var unused = Executable(temp, 3, s_now.AddMinutes(-61));
        Index(temp, 4, outputOf: 3, s_now.AddMinutes(-61));

        var result = BuildCacheTrimmer.Trim(temp.Path, s_now, maxBytes: null);

        Assert.IsTrue(File.Exists(Path.Combine(used, "app")));
        Assert.IsFalse(Directory.Exists(unused));
        Assert.AreEqual(1000L + IndexSize, result.KeptBytes);
        Assert.AreEqual(1000L + IndexSize, result.RemovedBytes);
    }

    [TestMethod]
    public void Prepare_GoRunExecutableDirectory_BackdatedLikeAFile()
    {
        using var temp = new TempDirectory();
        var directory = Executable(temp, 1, s_now.AddMinutes(-5));

        BuildCacheTrimmer.Prepare(temp.Path, s_now);

        Assert.AreEqual(new DateTimeOffset(2026, 12, 3, 8, 59, 30, TimeSpan.Zero), new DateTimeOffset(Directory.GetLastWriteTimeUtc(directory)), "an hour and a minute before the job start");
    }

    [TestMethod]
    public void Trim_LinksInTheCache_NeverFollowsOrRemovesThem()
    {
        using var temp = new TempDirectory();
        var gocache = Path.Combine(temp.Path, "cache");
        var outside = Path.Combine(temp.Path, "outside");
        var outsideEntry = Path.Combine(outside, new string('e', 64) + "-d");
        Directory.CreateDirectory(outside);
        File.WriteAllText(outsideEntry, "someone else's file\n");
        File.SetLastWriteTimeUtc(outsideEntry, s_now.AddDays(-3).UtcDateTime);
        Directory.CreateDirectory(gocache);
        Directory.CreateSymbolicLink(Path.Combine(gocache, "ee"), outside);
        Directory.CreateDirectory(Path.Combine(gocache, "ff"));
        var fileLink = Path.Combine(gocache, "ff", new string('f', 64) + "-d");
        File.CreateSymbolicLink(fileLink, outsideEntry);

        var prepared = BuildCacheTrimmer.Prepare(gocache, s_now);
        var result = BuildCacheTrimmer.Trim(gocache, prepared.JobStart, maxBytes: 0);

        Assert.IsTrue(File.Exists(outsideEntry), "a link out of the cache must not lead to a deletion");
        Assert.AreEqual(s_now.AddDays(-3), new DateTimeOffset(File.GetLastWriteTimeUtc(outsideEntry)), "nor to a back-dated file outside it");
        Assert.IsNotNull(new FileInfo(fileLink).LinkTarget, "the link itself stays");
        Assert.AreEqual(0, result.Removed + result.RemovedForSize);
        Assert.AreEqual(2, result.Skipped.Count, string.Join("\n", result.Skipped));
        Assert.IsTrue(result.Skipped.All(s => s.Contains("symbolic link", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Trim_MaxSize_RemovesWholePairsLeastRecentlyUsedFirstAndASharedOutputLast()
    {
        using var temp = new TempDirectory();
        var shared = Output(temp, 1, s_now.AddMinutes(-61), size: 100);
        var oldest = Index(temp, 2, outputOf: 1, s_now.AddSeconds(1));
        var ownOutput = Output(temp, 3, s_now.AddSeconds(2), size: 100);
        var middle = Index(temp, 4, outputOf: 3, s_now.AddSeconds(2));
        var newest = Index(temp, 5, outputOf: 1, s_now.AddSeconds(3));

        // 3 index entries (175 bytes each) and 2 outputs of 100: 725 bytes; 500 fits after two index entries go.
        var result = BuildCacheTrimmer.Trim(temp.Path, s_now, maxBytes: 500);

        Assert.IsFalse(File.Exists(oldest), "least recently used");
        Assert.IsTrue(File.Exists(shared), "the newest entry still names it");
        Assert.IsFalse(File.Exists(middle) || File.Exists(ownOutput), "removed with its index entry");
        Assert.IsTrue(File.Exists(newest));
        Assert.AreEqual((2, 100L + IndexSize, 3, 100L + (2 * IndexSize)), (result.Kept, result.KeptBytes, result.RemovedForSize, result.RemovedForSizeBytes));
    }

    [TestMethod]
    public void Trim_AfterPrepare_RemovesTheJobStartSoTheSavedCacheDoesNotCarryIt()
    {
        using var temp = new TempDirectory();
        var prepared = BuildCacheTrimmer.Prepare(temp.Path, s_now);

        BuildCacheTrimmer.Trim(temp.Path, prepared.JobStart, maxBytes: null);

        Assert.IsNull(BuildCacheTrimmer.ReadJobStart(temp.Path, out _), "a later job without its own prepare must not trim by this job's start");
    }

    [TestMethod]
    public void ReadJobStart_NoMarkerOrAForeignOne_RefusesWithTheReason()
    {
        using var temp = new TempDirectory();
        Assert.IsNull(BuildCacheTrimmer.ReadJobStart(temp.Path, out var missing));
        StringAssert.Contains(missing, "cache prepare");

        temp.Write(BuildCacheTrimmer.MarkerName, "yesterday\n");
        Assert.IsNull(BuildCacheTrimmer.ReadJobStart(temp.Path, out var foreign));
        StringAssert.Contains(foreign, "is not a job start");
    }

    [TestMethod]
    [DataRow("1000000", 1_000_000L)]
    [DataRow("500MB", 500L << 20)]
    [DataRow("2GiB", 2L << 30)]
    [DataRow("1.5g", 3L << 29)]
    [DataRow(" 10 KB ", 10L << 10)]
    [DataRow("0", 0L)]
    public void ParseSize_Sizes_GivesBytes(string text, long bytes) =>
        Assert.AreEqual(bytes, BuildCacheTrimmer.ParseSize(text));

    [TestMethod]
    [DataRow("")]
    [DataRow("MB")]
    [DataRow("-5MB")]
    [DataRow("5 parsecs")]
    [DataRow("1e3")]
    [DataRow("99999999999TB")]
    public void ParseSize_NotASize_GivesNull(string text) =>
        Assert.IsNull(BuildCacheTrimmer.ParseSize(text));

    private const int IndexSize = 175;

    /// <summary>The relative name of entry <paramref name="n"/> of kind a or d: a hex ID whose first byte picks the directory.</summary>
    private static string Name(int n, char kind)
    {
        var id = n.ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + new string('0', 62);
        return Path.Combine(id[..2], id + "-" + kind);
    }

    /// <summary>An output file of <paramref name="size"/> bytes.</summary>
    private static string Output(TempDirectory temp, int n, DateTimeOffset modified, int size = 10)
    {
        var path = temp.Write(Name(n, 'd'), new string('x', size));
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
        return path;
    }

    /// <summary>A `go run` executable's directory (Go 1.24+) holding a 1000-byte file.</summary>
    private static string Executable(TempDirectory temp, int n, DateTimeOffset modified)
    {
        var directory = Path.Combine(temp.Path, Name(n, 'd'));
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, "app"), new byte[1000]);
        Directory.SetLastWriteTimeUtc(directory, modified.UtcDateTime);
        return directory;
    }

    /// <summary>An index entry as cmd/go writes it, naming output <paramref name="outputOf"/>.</summary>
    private static string Index(TempDirectory temp, int n, int outputOf, DateTimeOffset modified)
    {
        var output = Path.GetFileName(Name(outputOf, 'd'))[..64];
        var id = Path.GetFileName(Name(n, 'a'))[..64];
        var path = temp.Write(Name(n, 'a'), $"v1 {id} {output} {10,20} {1700000000000000000,20}\n");
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
        return path;
    }

    private static DateTimeOffset Modified(string path) => new(File.GetLastWriteTimeUtc(path));
}
