using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Caching;

/// <summary>The cache keys of a checked environment: what `pin` prints (and later hands to the CI as outputs).</summary>
public static class SnapshotCacheKeys
{
    /// <param name="runner">Asks the C compiler for its identity when cgo is on.</param>
    /// <param name="scope">Which go.sum files the keys cover.</param>
    public static CacheKeys Compute(GoSnapshot snapshot, IProcessRunner runner, ModulesKeyScope scope = ModulesKeyScope.Repository)
    {
        var goFlags = PinResolver.NormaliseGoFlags(snapshot);
        var tags = GoFlagsTokenizer.Split(goFlags, snapshot.Version, out _)
            .Where(w => w.IsFlag && w.Name == "tags" && w.Value is not null)
            .SelectMany(w => w.Value!.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var goArch = snapshot.Value(GoVariableNames.GoArch);
        var level = PinResolver.ArchitectureVariable(goArch, snapshot.Version) is { } arch ? snapshot.Value(arch) : "";
        var cgo = snapshot.Value(GoVariableNames.CgoEnabled);
        var sums = GoSumFiles.Find(snapshot, scope);
        return CacheKeyCalculator.Compute(new CacheKeyInputs
        {
            GoVersion = snapshot.VersionText,
            GoOs = snapshot.Value(GoVariableNames.GoOs),
            GoArch = goArch,
            ArchitectureLevel = level,
            CgoEnabled = cgo,
            GoFlags = goFlags,
            Tags = tags,
            GoExperiment = snapshot.Value(GoVariableNames.GoExperiment),
            GoFips140 = snapshot.Value(GoVariableNames.GoFips140),
            GoDebug = snapshot.Value(GoVariableNames.GoDebug),
            TrimPath = Rules.Flags.GoFlagsAnalysis.Of(snapshot).IsOn("trimpath"),
            CgoSettings = cgo == "1" ? CgoSettings(snapshot, runner) : new Dictionary<string, string>(),
            GoSums = FileFingerprints.Compute(sums),
        });
    }

    private static Dictionary<string, string> CgoSettings(GoSnapshot snapshot, IProcessRunner runner)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in GoVariableNames.CgoFlags.Append(GoVariableNames.Cc).Append(GoVariableNames.Cxx))
        {
            settings[name] = snapshot.Value(name);
        }

        settings["CC identity"] = CCompilerIdentity.Probe(snapshot.Host, snapshot.Value(GoVariableNames.Cc), runner);
        return settings;
    }
}
