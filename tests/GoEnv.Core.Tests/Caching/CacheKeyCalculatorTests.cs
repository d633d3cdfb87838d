using GoEnv.Core.Caching;

namespace GoEnv.Core.Tests.Caching;

[TestClass]
public sealed class CacheKeyCalculatorTests
{
    private static readonly FileFingerprint s_rootSum = new("go.sum", "1111111111111111111111111111111111111111", FileFingerprintSource.GitIndex);
    private static readonly FileFingerprint s_toolsSum = new("tools/go.sum", "2222222222222222222222222222222222222222", FileFingerprintSource.Hashed);
    private static readonly FileFingerprint s_workSum = new("go.work.sum", null, FileFingerprintSource.Absent);

    private static CacheKeyInputs Baseline() => new()
    {
        GoVersion = "go1.22.12",
        GoOs = "linux",
        GoArch = "amd64",
        ArchitectureLevel = "v1",
        CgoEnabled = "1",
        GoFlags = "-mod=readonly -trimpath",
        Tags = ["integration", "netgo"],
        GoSums = [s_rootSum, s_toolsSum, s_workSum],
    };

    [TestMethod]
    public void Compute_Baseline_GivesDocumentedShape()
    {
        var keys = CacheKeyCalculator.Compute(Baseline());
        StringAssert.Matches(keys.Modules, new System.Text.RegularExpressions.Regex("^goenv-modules-go1\\.22\\.12-[0-9a-f]{16}$"));
        StringAssert.Matches(keys.Build, new System.Text.RegularExpressions.Regex("^goenv-build-go1\\.22\\.12-linux-amd64-v1-cgo1-[0-9a-f]{8}-[0-9a-f]{16}$"));
        CollectionAssert.AreEqual(new[] { "goenv-modules-go1.22.12-", "goenv-modules-" }, keys.ModulesRestoreKeys.ToArray());
        Assert.HasCount(3, keys.BuildRestoreKeys);
        Assert.AreEqual(keys.Build[..^16], keys.BuildRestoreKeys[0]);
        Assert.AreEqual("goenv-build-go1.22.12-linux-amd64-v1-cgo1-", keys.BuildRestoreKeys[1]);
        Assert.AreEqual("goenv-build-go1.22.12-linux-amd64-", keys.BuildRestoreKeys[2]);
    }

    [TestMethod]
    public void Compute_EqualInputsInAnyOrder_GiveEqualKeys()
    {
        var a = CacheKeyCalculator.Compute(Baseline());
        var b = CacheKeyCalculator.Compute(Baseline() with
        {
            GoVersion = "1.22.12",
            Tags = ["netgo", "integration", "netgo"],
            GoSums = [s_workSum, s_toolsSum, s_rootSum with { Source = FileFingerprintSource.Hashed }],
        });
        Assert.AreEqual(a.Modules, b.Modules);
        Assert.AreEqual(a.Build, b.Build);
        CollectionAssert.AreEqual(a.BuildRestoreKeys.ToArray(), b.BuildRestoreKeys.ToArray());
    }

    [TestMethod]
    [DataRow("GOOS")]
    [DataRow("GOARCH")]
    [DataRow("GOAMD64")]
    [DataRow("CGO_ENABLED")]
    [DataRow("GOFLAGS")]
    [DataRow("tags")]
    [DataRow("GOEXPERIMENT")]
    [DataRow("GOFIPS140")]
    [DataRow("GODEBUG")]
    [DataRow("-trimpath")]
    [DataRow("CGO_CFLAGS")]
    [DataRow("CC identity")]
    public void Compute_OneBuildSettingDiffers_BuildKeyDiffersModulesKeyEqual(string setting)
    {
        var baseline = Baseline();
        var changed = setting switch
        {
            "GOOS" => baseline with { GoOs = "darwin" },
            "GOARCH" => baseline with { GoArch = "arm64", ArchitectureLevel = "v8.0" },
            "GOAMD64" => baseline with { ArchitectureLevel = "v3" },
            "CGO_ENABLED" => baseline with { CgoEnabled = "0" },
            "GOFLAGS" => baseline with { GoFlags = "-mod=readonly" },
            "tags" => baseline with { Tags = ["integration"] },
            "GOEXPERIMENT" => baseline with { GoExperiment = "rangefunc" },
            "GOFIPS140" => baseline with { GoFips140 = "v1.0.0" },
            "GODEBUG" => baseline with { GoDebug = "gotypesalias=0" },
            "-trimpath" => baseline with { TrimPath = true },
            "CGO_CFLAGS" => baseline with { CgoSettings = new Dictionary<string, string> { ["CGO_CFLAGS"] = "-O3", ["CC identity"] = "gcc version 12.2.0 (Debian 12.2.0-14)" } },
            "CC identity" => baseline with { CgoSettings = new Dictionary<string, string> { ["CGO_CFLAGS"] = "", ["CC identity"] = "clang version 14.0.6" } },
            _ => throw new ArgumentOutOfRangeException(nameof(setting)),
        };

        var a = CacheKeyCalculator.Compute(baseline);
        var b = CacheKeyCalculator.Compute(changed);
        Assert.AreEqual(a.Modules, b.Modules);
        Assert.AreNotEqual(a.Build, b.Build);
    }

    [TestMethod]
    public void Compute_OnlyGoSumDiffers_BuildKeepsFlagsSegment()
    {
        var a = CacheKeyCalculator.Compute(Baseline());
        var b = CacheKeyCalculator.Compute(Baseline() with { GoSums = [s_rootSum] });
        Assert.AreNotEqual(a.Modules, b.Modules);
        Assert.AreNotEqual(a.Build, b.Build);
        Assert.AreEqual(a.BuildRestoreKeys[0], b.BuildRestoreKeys[0]);
        Assert.AreEqual(a.ModulesRestoreKeys[0], b.ModulesRestoreKeys[0]);
    }

    [TestMethod]
    public void Compute_GoSumAbsentVersusMissingFromList_KeysDiffer()
    {
        var absent = CacheKeyCalculator.Compute(Baseline());
        var notListed = CacheKeyCalculator.Compute(Baseline() with { GoSums = [s_rootSum, s_toolsSum] });
        Assert.AreNotEqual(absent.Modules, notListed.Modules);
    }

    [TestMethod]
    public void Compute_SeparatorsInsideValues_DoNotCollide()
    {
        // Without length prefixes these two would serialise alike: the path absorbs the next record.
        var a = Baseline() with { GoSums = [new("a", "x", FileFingerprintSource.Hashed)] };
        var b = Baseline() with { GoSums = [new("a 1:x\npath 1:a", "x", FileFingerprintSource.Hashed)] };
        Assert.AreNotEqual(CacheKeyCalculator.Compute(a).Modules, CacheKeyCalculator.Compute(b).Modules);
        var tagsA = Baseline() with { Tags = ["a,b"] };
        var tagsB = Baseline() with { Tags = ["a", "b"] };
        Assert.AreNotEqual(CacheKeyCalculator.Compute(tagsA).Build, CacheKeyCalculator.Compute(tagsB).Build);
    }

    [TestMethod]
    public void ModulesSerialisation_Baseline_IsLengthPrefixed()
    {
        var text = CacheKeyCalculator.ModulesSerialisation(Baseline());
        Assert.AreEqual(
            "goenv-cache-key/2\nkind 7:modules\ngo 7:1.22.12\nsums# 3\n"
            + "path 6:go.sum\nblob 40:1111111111111111111111111111111111111111\n"
            + "path 11:go.work.sum\nblob 6:absent\n"
            + "path 12:tools/go.sum\nblob 40:2222222222222222222222222222222222222222\n",
            text);
    }

    [TestMethod]
    public void Compute_HostileValues_KeysUseOnlySafeCharacters()
    {
        var keys = CacheKeyCalculator.Compute(Baseline() with
        {
            GoVersion = "devel go1.24-a1b2c3 Tue Nov 24 00:00:00 2026 +0000 linux/amd64 " + new string('x', 600),
            GoArch = "arm",
            ArchitectureLevel = "7,softfloat",
            GoOs = "linux/../x",
            CgoEnabled = "",
        });
        foreach (var key in keys.BuildRestoreKeys.Concat(keys.ModulesRestoreKeys).Append(keys.Build).Append(keys.Modules))
        {
            Assert.IsLessThanOrEqualTo(512, key.Length);
            Assert.IsTrue(key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'), key);
        }

        StringAssert.Contains(keys.Build, "-arm-7_softfloat-cgonone-");
    }

    [TestMethod]
    public void Compute_TrimpathAndNot_NoRestoreKeyCrossesOver()
    {
        // Without -trimpath Go keys packages by absolute directory: a cache of the other kind would be all misses.
        var plain = CacheKeyCalculator.Compute(Baseline());
        var trimmed = CacheKeyCalculator.Compute(Baseline() with { TrimPath = true });
        StringAssert.Contains(trimmed.Build, "-cgo1.trimpath-");
        Assert.IsFalse(trimmed.BuildRestoreKeys.Take(2).Any(k => plain.Build.StartsWith(k, StringComparison.Ordinal)));
        Assert.IsFalse(plain.BuildRestoreKeys.Take(2).Any(k => trimmed.Build.StartsWith(k, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Compute_CgoSettingsInAnyOrder_GiveEqualKeys()
    {
        var a = Baseline() with { CgoSettings = new Dictionary<string, string> { ["CC"] = "gcc", ["CGO_CFLAGS"] = "-O2" } };
        var b = Baseline() with { CgoSettings = new Dictionary<string, string> { ["CGO_CFLAGS"] = "-O2", ["CC"] = "gcc" } };
        Assert.AreEqual(CacheKeyCalculator.Compute(a).Build, CacheKeyCalculator.Compute(b).Build);
    }

    [TestMethod]
    public void Compute_ArmAndArm64_PrefixesDoNotOverlap()
    {
        var arm = CacheKeyCalculator.Compute(Baseline() with { GoArch = "arm", ArchitectureLevel = "7" });
        var arm64 = CacheKeyCalculator.Compute(Baseline() with { GoArch = "arm64", ArchitectureLevel = "v8.0" });
        Assert.IsFalse(arm64.Build.StartsWith(arm.BuildRestoreKeys[^1], StringComparison.Ordinal));
        Assert.IsFalse(arm64.Build.StartsWith(arm.ModulesRestoreKeys[^1], StringComparison.Ordinal));
    }

    [TestMethod]
    public void Compute_CustomPrefix_StartsEveryKey()
    {
        var keys = CacheKeyCalculator.Compute(Baseline() with { Prefix = "my-app.v2" });
        Assert.StartsWith("my-app.v2-modules-", keys.Modules);
        Assert.StartsWith("my-app.v2-build-", keys.Build);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("a/b")]
    [DataRow("a,b")]
    [DataRow("a b")]
    [DataRow("..")]
    public void Compute_UnsafePrefix_Throws(string prefix) =>
        Assert.ThrowsExactly<ArgumentException>(() => CacheKeyCalculator.Compute(Baseline() with { Prefix = prefix }));
}
