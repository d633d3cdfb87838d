namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// The real Go toolchains the differential tests run against: the ones .ci/install-go.sh installs, plus any GOROOT
/// listed in <c>GOENV_TEST_GO_ROOTS</c> (':'-separated). Ordered by version.
/// </summary>
internal static class GoToolchains
{
    public const string ExtraRootsVariable = "GOENV_TEST_GO_ROOTS";
    public const string AllowNoGoVariable = "GOENV_TEST_ALLOW_NO_GO";

    private static readonly string[] s_installedRoots =
    [
        "/usr/lib/go-1.19",
        "/usr/lib/go-1.21",
        "/usr/lib/go-1.22",
        "/usr/lib/go-1.23",
        "/opt/goenv-go/1.24/usr/lib/go-1.24",
        "/opt/goenv-go/1.26/usr/lib/go-1.26",
        "/opt/goenv-go/1.27/usr/lib/go-1.27",
    ];

    private static readonly Lazy<IReadOnlyList<GoToolchain>> s_all = new(() => Discover(CandidateRoots()), LazyThreadSafetyMode.ExecutionAndPublication);

    public static IReadOnlyList<GoToolchain> All => s_all.Value;

    /// <summary>
    /// Every toolchain found. With none, the calling test fails (a differential suite that ran against nothing must not
    /// pass), unless GOENV_TEST_ALLOW_NO_GO=1 makes it inconclusive.
    /// </summary>
    public static IReadOnlyList<GoToolchain> Require()
    {
        if (All.Count > 0)
        {
            return All;
        }

        string message =
            "No Go toolchain found. Looked in " + string.Join(", ", CandidateRoots()) +
            ". Run `bash .ci/install-go.sh` (as root) to install them, or list GOROOTs in " + ExtraRootsVariable +
            ". Set " + AllowNoGoVariable + "=1 to skip these tests instead of failing.";
        if (Environment.GetEnvironmentVariable(AllowNoGoVariable) == "1")
        {
            Assert.Inconclusive(message);
        }

        Assert.Fail(message);
        return All;
    }

    /// <summary>
    /// Runs <paramref name="test"/> on each toolchain (default: every installed one, <see cref="Require"/>) and fails
    /// once, naming every toolchain whose run returned a problem.
    /// </summary>
    public static void AssertOnEach(Func<GoToolchain, string?> test, IEnumerable<GoToolchain>? toolchains = null)
    {
        var failures = (toolchains ?? Require()).Select(go => (go, problem: test(go))).Where(r => r.problem is not null).Select(r => $"{r.go}: {r.problem}").ToList();
        Assert.IsEmpty(failures, string.Join("\n\n", failures));
    }

    /// <summary>A toolchain of another Go version than <paramref name="toolchain"/>, preferring the closest older one.</summary>
    public static GoToolchain? OtherThan(GoToolchain toolchain)
    {
        List<GoToolchain> others = [.. All.Where(t => t.Major != toolchain.Major || t.Minor != toolchain.Minor)];
        return others.LastOrDefault(t => t.Minor < toolchain.Minor) ?? others.FirstOrDefault();
    }

    private static IEnumerable<string> CandidateRoots()
    {
        IEnumerable<string> extra = (Environment.GetEnvironmentVariable(ExtraRootsVariable) ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return s_installedRoots.Concat(extra);
    }

    /// <summary>The toolchains among <paramref name="candidateRoots"/> (GOROOTs holding bin/go), deduplicated, ordered by version.</summary>
    public static IReadOnlyList<GoToolchain> Discover(IEnumerable<string> candidateRoots)
    {
        var found = new Dictionary<string, GoToolchain>(StringComparer.Ordinal);
        foreach (string candidate in candidateRoots)
        {
            string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(candidate));
            if (found.ContainsKey(root) || !File.Exists(Path.Combine(root, "bin", "go")))
            {
                continue;
            }

            GoToolchain? toolchain = ReadVersion(root);
            if (toolchain is not null)
            {
                found[root] = toolchain;
            }
        }

        return [.. found.Values
            .OrderBy(t => t.Major).ThenBy(t => t.Minor).ThenBy(t => t.Patch)
            .ThenBy(t => t.Version, StringComparer.Ordinal)];
    }

    private static GoToolchain? ReadVersion(string root)
    {
        // $GOROOT/VERSION's first line is what cmd/dist baked into the binary; `go version` is the fallback for
        // trees without it (a source build in progress, a hand-made GOROOT).
        string versionFile = Path.Combine(root, "VERSION");
        if (File.Exists(versionFile))
        {
            string firstLine = File.ReadLines(versionFile).FirstOrDefault() ?? string.Empty;
            GoToolchain? fromFile = GoToolchain.FromVersion(root, firstLine);
            if (fromFile is not null)
            {
                return fromFile;
            }
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = Path.GetTempPath(),
            ["GOROOT"] = root,
            ["GOTOOLCHAIN"] = "local",
            ["GOENV"] = "off",
        };
        ProcessResult result = ChildProcess.Run(Path.Combine(root, "bin", "go"), ["version"], root, environment, TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0)
        {
            return null;
        }

        // "go version go1.21.13 linux/amd64"
        string[] words = result.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length >= 3 ? GoToolchain.FromVersion(root, words[2]) : null;
    }
}
