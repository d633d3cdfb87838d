using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class SyntheticMonorepoTests
{
    [TestMethod]
    public void Compute_ThousandModuleWorkspace_CountsAndDeterminism()
    {
        using var temp = new TempDirectory();
        SyntheticMonorepo.Create(temp.Path, 1000, workspace: true);
        var working = Path.Combine(temp.Path, SyntheticMonorepo.ModuleDirectory(500));

        var set = GoSumFiles.Find(working, goWork: null);
        var prints = FileFingerprints.Compute(set);
        var first = Keys(prints);

        Assert.HasCount(1001, set.Files);
        Assert.AreEqual(1000, prints.Count(p => p.Source == FileFingerprintSource.GitIndex && p.Path.EndsWith("/go.sum", StringComparison.Ordinal)));
        Assert.AreEqual(FileFingerprintSource.GitIndex, prints.Single(p => p.Path == "go.work.sum").Source);
        Assert.AreEqual(GitCli.Run(temp.Path, "hash-object", SyntheticMonorepo.ModuleDirectory(999) + "/go.sum"), prints.Single(p => p.Path == SyntheticMonorepo.ModuleDirectory(999) + "/go.sum").BlobId);

        var again = Keys(FileFingerprints.Compute(GoSumFiles.Find(temp.Path, goWork: null)));
        var reversed = Keys([.. prints.Reverse()]);
        Assert.AreEqual(first, again);
        Assert.AreEqual(first, reversed);

        File.AppendAllText(Path.Combine(temp.Path, SyntheticMonorepo.ModuleDirectory(123), "go.sum"), "late v1 h1:X=\n");
        var changed = FileFingerprints.Compute(set);
        Assert.AreEqual(999, changed.Count(p => p.Source == FileFingerprintSource.GitIndex && p.Path.EndsWith("/go.sum", StringComparison.Ordinal)));
        Assert.AreNotEqual(first, Keys(changed));
    }

    [TestMethod]
    public void Compute_ThousandModulesModuleMode_OnlyTheMainModule()
    {
        using var temp = new TempDirectory();
        SyntheticMonorepo.Create(temp.Path, 1000, workspace: false);

        var set = GoSumFiles.Find(Path.Combine(temp.Path, SyntheticMonorepo.ModuleDirectory(7)), goWork: null);
        var print = FileFingerprints.Compute(set).Single();

        Assert.AreEqual(SyntheticMonorepo.ModuleDirectory(7) + "/go.sum", print.Path);
        Assert.AreEqual(FileFingerprintSource.GitIndex, print.Source);
    }

    private static string Keys(IReadOnlyList<FileFingerprint> sums)
    {
        var keys = CacheKeyCalculator.Compute(new CacheKeyInputs { GoVersion = "go1.22.12", GoOs = "linux", GoArch = "amd64", ArchitectureLevel = "v1", CgoEnabled = "1", GoSums = sums });
        return keys.Modules + " " + keys.Build;
    }
}
