namespace GoEnv.Core.Go;

/// <summary>
/// The GOOS/GOARCH pairs cmd/go accepts, per Go release: a pair outside the list makes builds, tests and a plain
/// `go env` fail with "go: unsupported GOOS/GOARCH pair X/Y" (work.CheckGOOSARCHPair).
/// </summary>
/// <remarks>
/// From Go 1.20 the check is platform.BuildModeSupported(compiler, "default", goos, goarch), true exactly for the
/// pairs of internal/platform's distInfo table (zosarch.go, generated from cmd/dist's cgoEnabled map). Go 1.19
/// checks cfg.OSArchSupportsCgo (cmd/go/internal/cfg/zosarch.go, the same cgoEnabled map). Broken pairs are still
/// accepted; `go tool dist list` leaves them out. In 1.19 the equivalent of Broken is cmd/dist's "incomplete" map
/// (linux/sparc64). With -compiler=gccgo cmd/go accepts any pair; these tables are the gc rules.
/// Checked against the real toolchains: every pair of every release through `go env -json`, and the broken ones
/// against `go tool dist list`.
/// </remarks>
internal static class GoPlatforms
{
    // One line per GOOS: its GOARCHes, "(broken)" for pairs distInfo marks Broken.
    private const string Pairs119 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64
        plan9:     386 amd64 arm
        solaris:   amd64
        windows:   386 amd64 arm arm64
        """;

    private const string Pairs121 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64(broken) ppc64(broken)
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm arm64
        """;

    private const string Pairs122 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64(broken) ppc64 riscv64(broken)
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm arm64
        """;

    private const string Pairs123 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64(broken) ppc64 riscv64
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm arm64
        """;

    private const string Pairs124 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64(broken) ppc64 riscv64
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm(broken) arm64
        """;

    private const string Pairs126 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64(broken)
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 mips64(broken) ppc64 riscv64
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm64
        """;

    private const string Pairs127 = """
        aix:       ppc64
        android:   386 amd64 arm arm64
        darwin:    amd64 arm64
        dragonfly: amd64
        freebsd:   386 amd64 arm arm64 riscv64(broken)
        illumos:   amd64
        ios:       amd64 arm64
        js:        wasm
        linux:     386 amd64 arm arm64 loong64 mips mips64 mips64le mipsle ppc64 ppc64le riscv64 s390x sparc64(broken)
        netbsd:    386 amd64 arm arm64
        openbsd:   386 amd64 arm arm64 ppc64 riscv64
        plan9:     386 amd64 arm
        solaris:   amd64
        wasip1:    wasm
        windows:   386 amd64 arm64
        """;

    private static readonly (int Minor, string Pairs)[] s_releases =
    [
        (19, Pairs119),
        (21, Pairs121),
        (22, Pairs122),
        (23, Pairs123),
        (24, Pairs124),
        (26, Pairs126),
        (27, Pairs127),
    ];

    private static readonly Lazy<(Dictionary<string, bool> Broken, string[] Pairs)[]> s_tables = new(Build);

    /// <summary>
    /// Whether cmd/go of <paramref name="version"/> accepts the pair (case-sensitive, as Go compares). The table is
    /// that of the newest known release not newer than the version's language version (1.20 → 1.19, 1.25 → 1.24,
    /// 1.28+ → 1.27, before 1.19 → 1.19); null means the newest.
    /// </summary>
    public static bool IsSupportedPair(GoVersion? version, string goos, string goarch) =>
        TableFor(version).Broken.ContainsKey(goos + "/" + goarch);

    /// <summary>Whether the pair is accepted but marked broken (left out of `go tool dist list`).</summary>
    public static bool IsBroken(GoVersion? version, string goos, string goarch) =>
        TableFor(version).Broken.TryGetValue(goos + "/" + goarch, out var broken) && broken;

    /// <summary>Every accepted pair, "goos/goarch", sorted, broken ones included.</summary>
    public static IReadOnlyList<string> Pairs(GoVersion? version) => TableFor(version).Pairs;

    private static (Dictionary<string, bool> Broken, string[] Pairs) TableFor(GoVersion? version)
    {
        return GoReleaseTables.Pick(s_tables.Value, s_releases.Select(r => r.Minor).ToArray(), version);
    }

    private static (Dictionary<string, bool> Broken, string[] Pairs)[] Build()
    {
        var tables = new (Dictionary<string, bool> Broken, string[] Pairs)[s_releases.Length];
        for (var i = 0; i < s_releases.Length; i++)
        {
            var broken = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var line in s_releases[i].Pairs.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var goos = line[..colon];
                foreach (var arch in line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var isBroken = arch.EndsWith("(broken)", StringComparison.Ordinal);
                    broken[goos + "/" + (isBroken ? arch[..^"(broken)".Length] : arch)] = isBroken;
                }
            }

            tables[i] = (broken, [.. broken.Keys.Order(StringComparer.Ordinal)]);
        }

        return tables;
    }
}
