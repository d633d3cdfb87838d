using System.Collections;
using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Host;

/// <summary>The host's OS-specific readings that Windows runs depend on (the Wine suite checks them end to end).</summary>
[TestClass]
public sealed class HostEnvironmentTests
{
    [TestMethod]
    [DataRow("", new string[0])]
    [DataRow(@"C:\a;C:\b", new[] { @"C:\a", @"C:\b" })]
    [DataRow(@"""C:\a;b"";C:\c", new[] { @"C:\a;b", @"C:\c" })]
    [DataRow(@"C:\""x""y;;", new[] { @"C:\xy", "", "" })]
    [DataRow(@"C:\a:C:\b", new[] { @"C:\a:C:\b" })]
    public void SplitList_Windows_IsGosFilepathSplitList(string value, string[] expected) =>
        CollectionAssert.AreEqual(expected, Host(HostOs.Windows).SplitList(value).ToArray());

    [TestMethod]
    [DataRow("", new string[0])]
    [DataRow("/a:/b", new[] { "/a", "/b" })]
    [DataRow("\"/a:b\"", new[] { "\"/a", "b\"" })]
    [DataRow(":/a", new[] { "", "/a" })]
    public void SplitList_Unix_SplitsAtColonsOnly(string value, string[] expected) =>
        CollectionAssert.AreEqual(expected, Host(HostOs.Linux).SplitList(value).ToArray());

    [TestMethod]
    public void ProcessVariables_WindowsBlockWithPathAndPATH_TakesWhatTheOsLookUpGives()
    {
        // GetEnvironmentVariables met PATH last; GetEnvironmentVariableW gives the first in block order (Path).
        var all = new Hashtable { ["Path"] = @"C:\first", ["PATH"] = @"C:\second" };
        var host = new HostEnvironment(HostEnvironment.ProcessVariables(all, _ => @"C:\first", HostOs.Windows), @"C:\", HostOs.Windows);
        Assert.AreEqual(@"C:\first", host.Get("PATH"));
    }

    [TestMethod]
    public void ProcessVariables_Unix_KeepsEveryNameAsItIs()
    {
        var all = new Hashtable { ["Path"] = "/first", ["PATH"] = "/second" };
        var host = new HostEnvironment(HostEnvironment.ProcessVariables(all, _ => "unused", HostOs.Linux), "/", HostOs.Linux);
        Assert.AreEqual("/second", host.Get("PATH"));
        Assert.AreEqual("/first", host.Get("Path"));
    }

    [TestMethod]
    [DataRow(HostOs.Windows, "%LocalAppData% is not defined")]
    [DataRow(HostOs.MacOS, "$HOME is not defined")]
    [DataRow(HostOs.Linux, "neither $XDG_CACHE_HOME nor $HOME are defined")]
    public void UserCacheDir_NothingSet_GivesGosOwnReason(HostOs os, string reason)
    {
        Assert.IsNull(GoDefaults.UserCacheDir(Host(os), null, out var error));
        Assert.AreEqual(reason, error);
    }

    [TestMethod]
    public void UserCacheDir_RelativeXdgCacheHome_RefusedFromGo124Only()
    {
        var host = new HostEnvironment([new("XDG_CACHE_HOME", "rel")], "/", HostOs.Linux);
        Assert.AreEqual("rel", GoDefaults.UserCacheDir(host, GoVersion.Parse("go1.23.5"), out var old));
        Assert.IsNull(old);
        Assert.IsNull(GoDefaults.UserCacheDir(host, GoVersion.Parse("go1.24.4"), out var error));
        Assert.AreEqual("path in $XDG_CACHE_HOME is relative", error);
    }

    [TestMethod]
    [DataRow("/opt/go", "")]
    [DataRow("/OPT/GO", "/opt/go")]
    public void DefaultGoPath_IsDroppedOnlyWhenItIsGoRootExactly(string goRoot, string expected)
    {
        // go/build's defaultGOPATH compares filepath.Clean(%USERPROFILE%\go) with GOROOT exactly, on Windows too.
        var host = new HostEnvironment([new("USERPROFILE", "/opt")], "/", HostOs.Windows);
        var defaults = new GoDefaults(host, null, goRoot, null, new SourceResolver(host, null, null));
        Assert.AreEqual(expected, defaults.Get(GoVariableNames.GoPath));
    }

    private static HostEnvironment Host(HostOs os) => new([], os == HostOs.Windows ? @"C:\" : "/", os);
}
