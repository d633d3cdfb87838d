namespace GoEnv.Core.Go;

internal static class GoPlatforms
{
    private static readonly HashSet<string> s_pairs = new(StringComparer.Ordinal)
    {
        "aix/ppc64", "android/386", "android/amd64", "android/arm", "android/arm64", "darwin/amd64", "darwin/arm64", "dragonfly/amd64",
        "freebsd/386", "freebsd/amd64", "freebsd/arm", "freebsd/arm64", "freebsd/riscv64", "illumos/amd64", "ios/amd64", "ios/arm64", "js/wasm",
        "linux/386", "linux/amd64", "linux/arm", "linux/arm64", "linux/loong64", "linux/mips", "linux/mips64", "linux/mips64le", "linux/mipsle",
        "linux/ppc64", "linux/ppc64le", "linux/riscv64", "linux/s390x", "netbsd/386", "netbsd/amd64", "netbsd/arm", "netbsd/arm64",
        "openbsd/386", "openbsd/amd64", "openbsd/arm", "openbsd/arm64", "plan9/386", "plan9/amd64", "plan9/arm", "solaris/amd64",
        "wasip1/wasm", "windows/386", "windows/amd64", "windows/arm64", "windows/arm",
    };

    public static bool IsSupportedPair(GoVersion? version, string goos, string goarch) => s_pairs.Contains(goos + "/" + goarch);

    public static bool IsBroken(GoVersion? version, string goos, string goarch) => false;

    public static IReadOnlyList<string> Pairs(GoVersion? version) => s_pairs.ToList();
}
