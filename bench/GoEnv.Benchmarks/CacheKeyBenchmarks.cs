using BenchmarkDotNet.Attributes;
using GoEnv.Core.Caching;
using GoEnv.Core.Tests.Caching;

namespace GoEnv.Benchmarks;

/// <summary>
/// The cache-key part of `pin` on a committed workspace of N modules (the tests' SyntheticMonorepo: a go.work
/// using every module, each with go.mod, go.sum and a .go file), aged and refreshed like a CI checkout a moment
/// later: finding the go.sum set, taking the blob ids from the git index (one index read, one statx per file) and
/// hashing the keys. `HashEveryFile` is the same set hashed file by file, what a key without the index would cost.
/// </summary>
[MemoryDiagnoser]
public class CacheKeyBenchmarks
{
    private string _root = null!;
    private GoSumSet _set = null!;

    [Params(100, 1000, 5000)]
    public int Modules { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "goenv-bench-keys-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
        SyntheticMonorepo.Create(_root, Modules, workspace: true);
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        GitCli.Run(_root, "update-index", "-q", "--really-refresh");
        _set = GoSumFiles.Find(_root, goWork: null);
        var fromIndex = FileFingerprints.Compute(_set).Count(f => f.Source == FileFingerprintSource.GitIndex);
        if (fromIndex != Modules + 1)
        {
            throw new InvalidOperationException($"expected {Modules} go.sum ids and go.work.sum's from the index, got {fromIndex}");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark]
    public string FindAndKeyFromIndex()
    {
        var set = GoSumFiles.Find(_root, goWork: null);
        return Keys(FileFingerprints.Compute(set));
    }

    [Benchmark]
    public string HashEveryFile() =>
        Keys([.. _set.Files.Select(f => new FileFingerprint(f.RelativePath, FileFingerprints.TryComputeBlobId(f.FullPath), FileFingerprintSource.Hashed))]);

    private static string Keys(IReadOnlyList<FileFingerprint> sums) =>
        CacheKeyCalculator.Compute(new CacheKeyInputs { GoVersion = "go1.27.3", GoOs = "linux", GoArch = "amd64", ArchitectureLevel = "v1", CgoEnabled = "0", GoSums = sums }).Modules;
}
