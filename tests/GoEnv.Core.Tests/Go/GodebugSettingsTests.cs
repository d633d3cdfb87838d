using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

/// <summary>The table parser on the three shapes internal/godebugs has had (1.23–1.24, 1.26, 1.27); real tables: GodebugAgainstRealGoTests.</summary>
[TestClass]
public sealed class GodebugSettingsTests
{
    private const string Go127 = """
        var All = []Info{
        	{Name: "gocachehash", Package: "cmd/go"},
        	{Name: "panicnil", Package: "runtime", Changed: 21, Old: "1"},
        }

        var Removed = []RemovedInfo{
        	{Name: "x509sha1", Removed: 24, Old: one},                                                       // Old: "1"
        	{Name: "gotypesalias", Removed: 27, Old: zero},                                                  // Old: "0"
        	{Name: "asynctimerchan", Removed: 27, Old: func(s string) bool { return s == "1" || s == "2" }}, // Old: "1" or "2"
        }
        """;

    private const string Go126 = """
        var All = []Info{
        	{Name: "panicnil", Package: "runtime", Changed: 21, Old: "1"},
        }

        var Removed = []RemovedInfo{
        	{Name: "x509sha1", Removed: 24},
        }
        """;

    private static string? Check(string table, string release, string key, string value) =>
        GodebugSettings.Parse(table)!.Check(new ModuleGodebug(key, value, 1), GoVersion.Parse(release)!);

    [TestMethod]
    [DataRow("panicnil", "1", null)]
    [DataRow("nosuch", "1", "unknown godebug \"nosuch\"")]
    [DataRow("x509sha1", "1", "removed GODEBUG \"x509sha1\" set to old value \"1\" (https://go.dev/doc/godebug#go-124)")]
    [DataRow("x509sha1", "0", null)]
    [DataRow("asynctimerchan", "2", "removed GODEBUG \"asynctimerchan\" set to old value \"2\" (https://go.dev/doc/godebug#go-127)")]
    [DataRow("asynctimerchan", "0", null)]
    [DataRow("gotypesalias", "0", "removed GODEBUG \"gotypesalias\" set to old value \"0\" (https://go.dev/doc/godebug#go-127)")]
    [DataRow("default", "go1.28", "default=go1.28 too new (toolchain is go1.27.3)")]
    [DataRow("default", "1.21", "value for default= must be goVERSION")]
    [DataRow("panicnil", "1,2", "value contains comma")]
    public void Check_Go127Table_AsGo127(string key, string value, string? expected) =>
        Assert.AreEqual(expected, Check(Go127, "go1.27.3", key, value));

    [TestMethod]
    public void Check_Go126Table_RemovedIsRefusedWhateverTheValue() =>
        Assert.AreEqual("use of removed godebug \"x509sha1\", see https://go.dev/doc/godebug#go-124", Check(Go126, "go1.26.10", "x509sha1", "0"));

    [TestMethod]
    public void Check_BeforeGo126_RemovedIsUnknown() =>
        Assert.AreEqual("unknown godebug \"x509sha1\"", Check(Go126, "go1.24.4", "x509sha1", "0"));

    [TestMethod]
    public void PackageOf_KnowsWhichSettingsAreTheGoCommands()
    {
        var table = GodebugSettings.Parse(Go127)!;
        Assert.AreEqual("cmd/go", table.PackageOf("gocachehash"));
        Assert.IsNull(table.PackageOf("x509sha1"));
    }
}
