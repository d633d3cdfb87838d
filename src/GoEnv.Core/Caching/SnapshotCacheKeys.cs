using GoEnv.Core.Go;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Caching;

/// <summary>The cache keys of a checked environment: what `pin` prints (and later hands to the CI as outputs).</summary>
public static class SnapshotCacheKeys
{
    public static CacheKeys Compute(GoSnapshot snapshot)
    {
        var goFlags = PinResolver.NormaliseGoFlags(snapshot);
        var tags = GoFlagsTokenizer.Split(goFlags, snapshot.Version, out _)
            .Where(w => w.IsFlag && w.Name == "tags" && w.Value is not null)
            .SelectMany(w => w.Value!.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var goArch = snapshot.Value(GoVariableNames.GoArch);
        var level = PinResolver.ArchitectureVariable(goArch, snapshot.Version) is { } arch ? snapshot.Value(arch) : "";
        var sums = GoSumFiles.Find(snapshot);
        return CacheKeyCalculator.Compute(new CacheKeyInputs
        {
            GoVersion = snapshot.VersionText,
            GoOs = snapshot.Value(GoVariableNames.GoOs),
            GoArch = goArch,
            ArchitectureLevel = level,
            CgoEnabled = snapshot.Value(GoVariableNames.CgoEnabled),
            GoFlags = goFlags,
            Tags = tags,
            GoExperiment = snapshot.Value(GoVariableNames.GoExperiment),
            GoSums = FileFingerprints.Compute(sums),
        });
    }
}
