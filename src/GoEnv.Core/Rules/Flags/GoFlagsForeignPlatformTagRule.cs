using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsForeignPlatformTagRule : Rule
{
    public override string Id => "GOENV0057";

    public override string Title => "-tags names another GOOS or GOARCH than the target's";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "Build tags are matched as if they were satisfied by the target: `-tags=windows` on a linux build makes every file meant for windows (`//go:build windows` and `_windows.go` alike: go/build matches file-name suffixes against the tags too) part of the linux build — the standard library's too: internal/goos (or internal/goarch) then gets two definitions, and every build that compiles the standard library (any program, any test) fails: `internal/goos/zgoos_windows.go:7:7: GOOS redeclared in this block` (`-tags=arm64`: `internal/goarch/goarch_arm64.go:8:2: _ArchFamily redeclared in this block`). Go says nothing before that. GOOS/GOARCH select the platform; -tags is for custom tags.";

    public override string Fix => "Remove the platform name from -tags and set GOOS/GOARCH for a cross build instead.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var tags = GoFlagsAnalysis.Of(snapshot).Flags().LastOrDefault(f => f.Word.Name == "tags").Word?.Value;
        if (string.IsNullOrEmpty(tags))
        {
            yield break;
        }

        var goos = snapshot.Value(GoVariableNames.GoOs);
        var goarch = snapshot.Value(GoVariableNames.GoArch);
        var pairs = GoPlatforms.Pairs(snapshot.Version);
        var systems = pairs.Select(p => p[..p.IndexOf('/', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var architectures = pairs.Select(p => p[(p.IndexOf('/', StringComparison.Ordinal) + 1)..]).ToHashSet(StringComparer.Ordinal);

        // Go 1.13+ splits -tags at commas (and, for old scripts, at spaces).
        foreach (var tag in tags.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var foreign = systems.Contains(tag) && tag != goos && !(tag == "linux" && goos == "android") && !(tag == "darwin" && goos == "ios") && !(tag == "solaris" && goos == "illumos") ? "GOOS"
                : architectures.Contains(tag) && tag != goarch ? "GOARCH"
                : null;
            if (foreign is not null)
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)} has -tags with {Quote(tag)}, a {foreign} other than the target's ({goos}/{goarch}): files meant for {tag} (`//go:build {tag}`, `*_{tag}.go`) are compiled into the {(foreign == "GOOS" ? goos : goarch)} build, the standard library's included: every program or test build stops in internal/{(foreign == "GOOS" ? "goos" : "goarch")} (\"… redeclared in this block\").", FixWhere(snapshot, GoVariableNames.GoFlags));
            }
        }
    }
}
