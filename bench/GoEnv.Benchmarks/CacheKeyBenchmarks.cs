using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using GoEnv.Core.Caching;

namespace GoEnv.Benchmarks;

/// <summary>
/// The cache-key part of `pin` on a committed workspace of N modules (go.work using every one, each with go.mod
/// and go.sum), aged and refreshed like a CI checkout a moment later: finding the go.sum set, taking the blob ids
/// from the git index (one index read, one statx per file) and hashing the keys. `HashEveryFile` is the same
/// set hashed file by file, what a key without the index would cost.
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
        var uses = new List<string>();
        for (var i = 1; i <= Modules; i++)
        {
            var name = "m" + i.ToString("D5", CultureInfo.InvariantCulture);
            Directory.CreateDirectory(Path.Combine(_root, name));
            File.WriteAllText(Path.Combine(_root, name, "go.mod"), $"module example.com/{name}\n\ngo 1.21\n\nrequire example.org/dep v1.0.{i}\n");
            File.WriteAllText(Path.Combine(_root, name, "go.sum"), $"example.org/dep v1.0.{i} h1:{i:D44}=\nexample.org/dep v1.0.{i}/go.mod h1:{i:D44}=\n");
            uses.Add("\t./" + name);
        }

        File.WriteAllText(Path.Combine(_root, "go.work"), "go 1.21\n\nuse (\n" + string.Join('\n', uses) + "\n)\n");
        Git("init", "-q");
        Git("add", "-A");
        Git("-c", "user.name=b", "-c", "user.email=b@b", "commit", "-qm", "init");
        var old = DateTime.UtcNow.AddHours(-2);
        foreach (var file in Directory.EnumerateFiles(_root, "go.*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        Git("update-index", "-q", "--really-refresh");
        _set = GoSumFiles.Find(_root, goWork: null);
        var fromIndex = FileFingerprints.Compute(_set).Count(f => f.Source == FileFingerprintSource.GitIndex);
        if (fromIndex != Modules)
        {
            throw new InvalidOperationException($"expected {Modules} go.sum ids from the index, got {fromIndex}");
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

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git", arguments) { WorkingDirectory = _root, UseShellExecute = false, RedirectStandardError = true };
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error}");
        }
    }
}
