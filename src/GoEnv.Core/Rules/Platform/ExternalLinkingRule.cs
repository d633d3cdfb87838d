using GoEnv.Core.Findings;

namespace GoEnv.Core.Rules.Platform;

internal sealed class ExternalLinkingRule : Rule
{
    public override string Id => "GOENV0125";

    public override string Title => "The target needs external (cgo) linking that this job cannot do";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.CgoEnabled;

    public override string Description => "Some targets can only be linked by the C toolchain (internal/platform.MustLinkExternal): android on every GOARCH but arm64, and ios/arm64; and ios/amd64 (the simulator), whose programs are PIE by default, which only the C toolchain links there (`default PIE binary requires external (cgo) linking, but cgo is not enabled`, before 1.22 `loadinternal: cannot find runtime/cgo`). With cgo off — CGO_ENABLED=0, or left unset in a cross build, where Go turns it off — every program or test build fails (Go 1.22+: `android/amd64 requires external (cgo) linking, but cgo is not enabled`; before, ios/arm64 fails in the linker, which runs the host's C compiler, while android links internally). With cgo on, a cross build for android or ios needs a C compiler for that target (the NDK's clang, Xcode's clang) in CC or CC_FOR_GOOS_GOARCH; the host's gcc/clang fails (`android/log.h: No such file or directory`, `C compiler \"clang\" not found`). Packages that are only compiled, not linked, build either way.";

    public override string Fix => "Set CGO_ENABLED=1 and CC (or CC_FOR_android_amd64, …) to the target's C compiler — for Android the NDK's clang for the API level, for iOS Xcode's clang — or build for android/arm64, which links without cgo.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var goos = snapshot.Value(GoVariableNames.GoOs);
        var goarch = snapshot.Value(GoVariableNames.GoArch);
        var target = $"{goos}/{goarch}";
        var mustLinkExternal = (goos == "android" && goarch != "arm64") || (goos == "ios" && goarch == "arm64");
        var cgo = snapshot.Value(GoVariableNames.CgoEnabled) == "1";

        // ios/amd64 (the simulator) builds programs as PIE by default, which only the C toolchain links there.
        if (!cgo && target == "ios/amd64")
        {
            var why = snapshot.Variable(GoVariableNames.CgoEnabled).IsExplicit ? Origin(snapshot, GoVariableNames.CgoEnabled) + " is 0" : "cgo is off (CGO_ENABLED is not set, and Go turns cgo off for a cross build)";
            var text = snapshot.GoAtLeast(1, 22) || snapshot.Version is null ? "default PIE binary requires external (cgo) linking, but cgo is not enabled" : "loadinternal: cannot find runtime/cgo";
            yield return Report(snapshot, $"GOOS/GOARCH is {target}, whose programs are position-independent (PIE) by default, which only the C toolchain links there, and {why}: every program or test build fails with \"{text}\".");
            yield break;
        }

        if (!cgo && mustLinkExternal)
        {
            var why = snapshot.Variable(GoVariableNames.CgoEnabled).IsExplicit ? Origin(snapshot, GoVariableNames.CgoEnabled) + " is 0" : "cgo is off (CGO_ENABLED is not set, and Go turns cgo off for a cross build)";
            if (snapshot.GoAtLeast(1, 22) || snapshot.Version is null)
            {
                yield return Report(snapshot, $"GOOS/GOARCH is {target}, which only the C toolchain can link, and {why}: every program or test build fails with \"{target} requires external (cgo) linking, but cgo is not enabled\".");
            }
            else if (goos == "ios")
            {
                // Before 1.22 the go command does not refuse: the linker calls the host's C compiler and fails.
                yield return Report(snapshot, $"GOOS/GOARCH is {target}, which only the C toolchain can link, and {why}: Go {snapshot.VersionText} links it with the host's C compiler anyway, and every program or test build stops in the linker (running gcc or clang failed).");
            }

            yield break;
        }

        var cross = goos != snapshot.Value(GoVariableNames.GoHostOs);
        if (cgo && cross && goos is "android" or "ios"
            && snapshot.Host.GetNonEmpty("CC") is null && snapshot.Host.GetNonEmpty($"CC_FOR_{goos}_{goarch}") is null && snapshot.Host.GetNonEmpty("CC_FOR_TARGET") is null
            && snapshot.UserEnvFile?.Entries.ContainsKey("CC") != true)
        {
            yield return Report(snapshot, $"cgo is on for {target}, but CC is not set: cgo compiles with the host's C compiler, which cannot build for {goos} (for android: \"android/log.h: No such file or directory\"; for ios: \"C compiler \\\"clang\\\" not found\" or a macOS binary), so every build of a program or test fails.", "Set CC (or CC_FOR_" + goos + "_" + goarch + ") to the target's C compiler: the Android NDK's clang for the API level, or Xcode's clang for iOS.");
        }
    }
}
