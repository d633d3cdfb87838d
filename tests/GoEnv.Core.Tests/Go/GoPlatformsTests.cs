using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoPlatformsTests
{
    [TestMethod]
    [DataRow("1.19", "windows", "arm", true)]
    [DataRow("1.24", "windows", "arm", true)]
    [DataRow("1.25", "windows", "arm", true)]
    [DataRow("1.26", "windows", "arm", false)]
    [DataRow("1.27", "windows", "arm", false)]
    [DataRow("1.26", "openbsd", "mips64", true)]
    [DataRow("1.27", "openbsd", "mips64", false)]
    [DataRow("1.19", "wasip1", "wasm", false)]
    [DataRow("1.20", "wasip1", "wasm", false)]
    [DataRow("1.21", "wasip1", "wasm", true)]
    [DataRow("1.19", "freebsd", "riscv64", false)]
    [DataRow("1.21", "freebsd", "riscv64", true)]
    [DataRow("1.21", "openbsd", "riscv64", false)]
    [DataRow("1.22", "openbsd", "riscv64", true)]
    [DataRow("1.19", "linux", "sparc64", true)]
    [DataRow("1.27", "linux", "amd64", true)]
    [DataRow("1.27", "Linux", "amd64", false)]
    [DataRow("1.27", "linux", "amd65", false)]
    [DataRow("1.27", "darwin", "386", false)]
    [DataRow("1.27", "android", "s390x", false)]
    public void IsSupportedPair_Pair_MatchesCheckGOOSARCHPair(string version, string goos, string goarch, bool supported) =>
        Assert.AreEqual(supported, GoPlatforms.IsSupportedPair(GoVersion.Parse(version), goos, goarch));

    [TestMethod]
    [DataRow("1.19", "linux", "sparc64", true)]
    [DataRow("1.21", "openbsd", "ppc64", true)]
    [DataRow("1.22", "openbsd", "ppc64", false)]
    [DataRow("1.22", "openbsd", "riscv64", true)]
    [DataRow("1.23", "openbsd", "riscv64", false)]
    [DataRow("1.23", "windows", "arm", false)]
    [DataRow("1.24", "windows", "arm", true)]
    [DataRow("1.24", "freebsd", "riscv64", false)]
    [DataRow("1.26", "freebsd", "riscv64", true)]
    [DataRow("1.26", "openbsd", "mips64", true)]
    [DataRow("1.27", "linux", "amd64", false)]
    [DataRow("1.27", "windows", "arm", false)]
    public void IsBroken_Pair_MatchesDistInfo(string version, string goos, string goarch, bool broken) =>
        Assert.AreEqual(broken, GoPlatforms.IsBroken(GoVersion.Parse(version), goos, goarch));

    [TestMethod]
    [DataRow("1.19", 47)]
    [DataRow("1.21", 50)]
    [DataRow("1.22", 51)]
    [DataRow("1.23", 51)]
    [DataRow("1.24", 51)]
    [DataRow("1.26", 50)]
    [DataRow("1.27", 49)]
    public void Pairs_Version_HasEveryPairIncludingBroken(string version, int count)
    {
        var pairs = GoPlatforms.Pairs(GoVersion.Parse(version));

        Assert.HasCount(count, pairs);
        CollectionAssert.AllItemsAreUnique(pairs.ToArray());
        CollectionAssert.AreEqual(pairs.Order(StringComparer.Ordinal).ToArray(), pairs.ToArray());
    }

    [TestMethod]
    public void Pairs_Null_GivesNewest() =>
        CollectionAssert.AreEqual(GoPlatforms.Pairs(GoVersion.Parse("1.27")).ToArray(), GoPlatforms.Pairs(null).ToArray());
}
