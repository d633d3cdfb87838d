using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class GoFlagCatalogTests
{
    [TestMethod]
    [DataRow("1.19", "1.19")]
    [DataRow("1.18", "1.19")]
    [DataRow("1.20", "1.19")]
    [DataRow("1.20.14", "1.19")]
    [DataRow("1.21", "1.21")]
    [DataRow("1.21.13", "1.21")]
    [DataRow("1.22rc1", "1.22")]
    [DataRow("1.25.3", "1.24")]
    [DataRow("1.26.10", "1.26")]
    [DataRow("1.27.3", "1.27")]
    [DataRow("1.28", "1.27")]
    [DataRow("1.40", "1.27")]
    public void For_Version_PicksNewestTableNotAfterIt(string version, string table) =>
        Assert.AreEqual(table, GoFlagCatalog.For(GoVersion.Parse(version)).GoVersion);

    [TestMethod]
    public void For_Null_GivesNewest() => Assert.AreEqual("1.27", GoFlagCatalog.For(null).GoVersion);

    [TestMethod]
    public void For_SameVersion_ReturnsSameTable() =>
        Assert.AreSame(GoFlagCatalog.For(GoVersion.Parse("1.22.1")), GoFlagCatalog.For(GoVersion.Parse("1.22.9")));

    [TestMethod]
    [DataRow("1.19", 127)]
    [DataRow("1.21", 135)]
    [DataRow("1.22", 135)]
    [DataRow("1.23", 139)]
    [DataRow("1.24", 141)]
    [DataRow("1.26", 146)]
    [DataRow("1.27", 146)]
    public void All_Version_HasEveryFlagOfTheCommandTree(string version, int count) =>
        Assert.AreEqual(count, GoFlagCatalog.For(GoVersion.Parse(version)).All.Count());

    [TestMethod]
    [DataRow("1.19", "race", true)]
    [DataRow("1.19", "test.v", true)]
    [DataRow("1.19", "json", true)]
    [DataRow("1.19", "w", true)]
    [DataRow("1.19", "reuse", true)]
    [DataRow("1.19", "C", false)]
    [DataRow("1.19", "pgo", false)]
    [DataRow("1.19", "skip", false)]
    [DataRow("1.21", "C", true)]
    [DataRow("1.21", "pgo", true)]
    [DataRow("1.21", "toolchain", true)]
    [DataRow("1.22", "changed", false)]
    [DataRow("1.23", "changed", true)]
    [DataRow("1.23", "godebug", true)]
    [DataRow("1.23", "droptool", false)]
    [DataRow("1.24", "droptool", true)]
    [DataRow("1.24", "artifacts", false)]
    [DataRow("1.26", "artifacts", true)]
    [DataRow("1.26", "fixtool", true)]
    [DataRow("1.27", "typo", false)]
    [DataRow("1.27", "ldflag", false)]
    [DataRow("1.27", "help", false)]
    [DataRow("1.27", "Race", false)]
    [DataRow("1.27", "", false)]
    public void IsKnown_Name_MatchesHasFlag(string version, string name, bool known) =>
        Assert.AreEqual(known, GoFlagCatalog.For(GoVersion.Parse(version)).IsKnown(name));

    [TestMethod]
    public void Get_Race_IsBoolBuildFlag()
    {
        var race = GoFlagCatalog.For(GoVersion.Parse("1.22")).Get("race")!;

        Assert.AreEqual(GoFlagKind.Bool, race.Kind);
        Assert.IsTrue(race.IsBuildFlag);
        Assert.IsNull(race.OtherValues);
        CollectionAssert.AreEqual(new[] { "build", "clean", "fix", "generate", "get", "install", "list", "run", "test", "vet" }, race.Commands.ToArray());
    }

    [TestMethod]
    public void Get_Buildvcs_IsOtherThatTakesTheBareName()
    {
        var buildvcs = GoFlagCatalog.For(null).Get("buildvcs")!;

        Assert.AreEqual(GoFlagKind.Other, buildvcs.Kind);
        Assert.AreEqual("true, false, auto", buildvcs.OtherValues);
        Assert.IsTrue(buildvcs.TakesBareNameIn("build"));
    }

    [TestMethod]
    [DataRow("p", "Int")]
    [DataRow("count", "Int")]
    [DataRow("o", "String")]
    [DataRow("pgo", "String")]
    [DataRow("mod", "Other")]
    [DataRow("ldflags", "Other")]
    [DataRow("timeout", "Other")]
    [DataRow("C", "Other")]
    [DataRow("trimpath", "Bool")]
    [DataRow("cover", "Bool")]
    public void Get_Flag_HasKind(string name, string kind) =>
        Assert.AreEqual(Enum.Parse<GoFlagKind>(kind), GoFlagCatalog.For(GoVersion.Parse("1.23")).Get(name)!.Kind);

    [TestMethod]
    public void Get_W_OnlyGoEnvDefinesIt()
    {
        // GOFLAGS="-ldflags=-s -w" passes validation because of `go env -w`, and go build drops the -w.
        var w = GoFlagCatalog.For(GoVersion.Parse("1.21")).Get("w")!;

        CollectionAssert.AreEqual(new[] { "env" }, w.Commands.ToArray());
        Assert.IsFalse(w.IsBuildFlag);
    }

    [TestMethod]
    public void Get_V_GoTestAlsoTakesTest2jsonFrom121()
    {
        var v119 = GoFlagCatalog.For(GoVersion.Parse("1.19")).Get("v")!;
        var v121 = GoFlagCatalog.For(GoVersion.Parse("1.21")).Get("v")!;

        Assert.AreEqual(GoFlagKind.Bool, v119.KindIn("test"));
        Assert.AreEqual(GoFlagKind.Bool, v121.Kind);
        Assert.AreEqual(GoFlagKind.Other, v121.KindIn("test"));
        Assert.AreEqual(GoFlagKind.Bool, v121.KindIn("build"));
        Assert.AreEqual("true, false, test2json", v121.OtherValues);
        Assert.IsTrue(v121.TakesBareNameIn("test"));
        Assert.IsNull(v121.KindIn("env"));
    }

    [TestMethod]
    public void Get_C_IsBoolForGoTestButIntForVetFrom126()
    {
        var c = GoFlagCatalog.For(GoVersion.Parse("1.26")).Get("c")!;

        Assert.AreEqual(GoFlagKind.Bool, c.Kind);
        Assert.AreEqual(GoFlagKind.Int, c.KindIn("vet"));
        Assert.IsFalse(c.TakesBareNameIn("vet"));
        CollectionAssert.AreEqual(new[] { "fix", "test", "vet" }, c.Commands.ToArray());
    }

    [TestMethod]
    public void Get_I_LeftTheBuildCommandsIn121()
    {
        Assert.IsTrue(GoFlagCatalog.For(GoVersion.Parse("1.19")).Get("i")!.IsBuildFlag);
        CollectionAssert.AreEqual(new[] { "clean" }, GoFlagCatalog.For(GoVersion.Parse("1.21")).Get("i")!.Commands.ToArray());
    }

    [TestMethod]
    public void Get_Json_BecameABuildFlagIn124()
    {
        Assert.IsFalse(GoFlagCatalog.For(GoVersion.Parse("1.23")).Get("json")!.IsBuildFlag);
        Assert.IsTrue(GoFlagCatalog.For(GoVersion.Parse("1.24")).Get("json")!.IsBuildFlag);
    }

    [TestMethod]
    [DataRow("1.19")]
    [DataRow("1.21")]
    [DataRow("1.22")]
    [DataRow("1.23")]
    [DataRow("1.24")]
    [DataRow("1.26")]
    [DataRow("1.27")]
    public void All_Version_IsConsistent(string version)
    {
        var table = GoFlagCatalog.For(GoVersion.Parse(version));
        foreach (var flag in table.All.Concat(table.AnalyzerFlags))
        {
            Assert.IsNotEmpty(flag.Commands, flag.Name);
            CollectionAssert.AreEqual(flag.Commands.Order(StringComparer.Ordinal).ToArray(), flag.Commands.ToArray(), flag.Name);
            Assert.AreEqual(flag.Kind == GoFlagKind.Other || flag.CommandKinds?.Values.Contains(GoFlagKind.Other) == true, flag.OtherValues is not null, flag.Name);
        }

        CollectionAssert.AllItemsAreUnique(table.All.Select(f => f.Name).ToArray());
    }

    [TestMethod]
    public void IsKnownWhileRunning_VetAnalyzerFlag_OnlyUnderGoVet()
    {
        var table = GoFlagCatalog.For(GoVersion.Parse("1.22"));

        Assert.IsFalse(table.IsKnown("printf"));
        Assert.IsTrue(table.IsKnownWhileRunning("vet", "printf"));
        Assert.IsFalse(table.IsKnownWhileRunning("build", "printf"));
        Assert.IsFalse(table.IsKnownWhileRunning("fix", "printf"));
        Assert.AreEqual(GoFlagKind.String, table.GetAnalyzerFlag("printf.funcs")!.Kind);
    }

    [TestMethod]
    public void IsKnownWhileRunning_FixAnalyzerFlag_OnlyFrom126()
    {
        Assert.IsFalse(GoFlagCatalog.For(GoVersion.Parse("1.24")).IsKnownWhileRunning("fix", "minmax"));
        Assert.IsTrue(GoFlagCatalog.For(GoVersion.Parse("1.26")).IsKnownWhileRunning("fix", "minmax"));
        Assert.IsFalse(GoFlagCatalog.For(GoVersion.Parse("1.26")).IsKnownWhileRunning("vet", "minmax"));
    }

    [TestMethod]
    public void GetAnalyzerFlag_VetAddsCAndJsonBefore126()
    {
        // go vet before 1.26 adds its analysis tool's -c and -json (defined by other commands) to its own flag set.
        CollectionAssert.AreEqual(new[] { "vet" }, GoFlagCatalog.For(GoVersion.Parse("1.24")).GetAnalyzerFlag("json")!.Commands.ToArray());
        Assert.IsNull(GoFlagCatalog.For(GoVersion.Parse("1.26")).GetAnalyzerFlag("json"));
        Assert.IsTrue(GoFlagCatalog.For(GoVersion.Parse("1.26")).Get("json")!.Commands.Contains("vet"));
    }
}
