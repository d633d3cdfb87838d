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
        var recent = Entry(temp, "ab", 'a', s_now.AddMinutes(-20));
        var future = Entry(temp, "ab", 'd', s_now.AddHours(3));
        var old = Entry(temp, "cd", 'a', s_now.AddDays(-2));

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
    public void Trim_EntriesUsedAndNotUsed_RemovesOnlyTheUnusedOnesAndNothingOutsideGosLayout()
    {
        using var temp = new TempDirectory();
        var used = Entry(temp, "01", 'a', s_now.AddSeconds(5));
        var usedAtStart = Entry(temp, "01", 'd', s_now);
        var unused = Entry(temp, "02", 'd', s_now.AddMinutes(-61));
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

        Assert.IsTrue(File.Exists(used) && File.Exists(usedAtStart), "used at or after the start: kept");
        Assert.IsFalse(File.Exists(unused));
        Assert.AreEqual((2, 1), (result.Kept, result.Removed));
        Assert.AreEqual(10L, result.RemovedBytes);
        foreach (var file in others)
        {
            Assert.IsTrue(File.Exists(file), file + " is not a cache entry and must stay");
        }
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
    public void Trim_MaxSize_RemovesTheLeastRecentlyUsedUntilItFits()
    {
        using var temp = new TempDirectory();
        var oldest = Entry(temp, "10", 'd', s_now.AddSeconds(1), size: 100);
        var middle = Entry(temp, "11", 'd', s_now.AddSeconds(2), size: 100);
        var newest = Entry(temp, "12", 'd', s_now.AddSeconds(3), size: 100);

        var result = BuildCacheTrimmer.Trim(temp.Path, s_now, maxBytes: 250);

        Assert.IsFalse(File.Exists(oldest));
        Assert.IsTrue(File.Exists(middle) && File.Exists(newest));
        Assert.AreEqual((2, 200L, 1, 100L), (result.Kept, result.KeptBytes, result.RemovedForSize, result.RemovedForSizeBytes));
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

    private static string Entry(TempDirectory temp, string directory, char kind, DateTimeOffset modified, int size = 10)
    {
        var path = temp.Write(Path.Combine(directory, directory + new string('0', 62) + "-" + kind), new string('x', size));
        File.SetLastWriteTimeUtc(path, modified.UtcDateTime);
        return path;
    }

    private static DateTimeOffset Modified(string path) => new(File.GetLastWriteTimeUtc(path));
}
