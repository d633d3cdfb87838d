using System.Diagnostics;
using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Discovery;

/// <summary>What the CLI predicts before it has parsed its command line: the probe to prestart and the release to prepare for.</summary>
[TestClass]
public sealed class PredictionTests
{
    [TestMethod]
    [DataRow("/usr/lib/go-1.19")]
    [DataRow("/usr/lib/go-1.22")]
    [DataRow("/opt/goenv-go/1.27/usr/lib/go-1.27")]
    public void PredictVersion_RealGoOnPathOrGiven_IsTheVersionGoItselfReports(string goRoot)
    {
        var go = Path.Combine(goRoot, "bin", "go");
        if (!File.Exists(go))
        {
            Assert.Inconclusive($"{go} is not installed");
        }

        var host = new HostEnvironment([new("PATH", Path.GetDirectoryName(go) + ":/usr/bin:/bin")], "/", HostOs.Linux);
        var reported = GoVersion.Parse(GoVersionOf(go));
        Assert.IsNotNull(reported);

        Assert.AreEqual(reported, SnapshotBuilder.PredictVersion(host, null));
        Assert.AreEqual(reported, SnapshotBuilder.PredictVersion(host, go));
        Assert.AreEqual(go, SnapshotBuilder.PredictProbe(host, null, TimeSpan.FromSeconds(1))?.FileName);
    }

    [TestMethod]
    public void PredictVersion_NoGo_IsNull()
    {
        var host = new HostEnvironment([new("PATH", "/nonexistent")], "/", HostOs.Linux);

        Assert.IsNull(SnapshotBuilder.PredictVersion(host, null));
        Assert.IsNull(SnapshotBuilder.PredictVersion(host, "/nonexistent/go"));
        Assert.IsNull(SnapshotBuilder.PredictProbe(host, null, TimeSpan.FromSeconds(1)));
    }

    private static string GoVersionOf(string go)
    {
        var start = new ProcessStartInfo(go, ["env", "GOVERSION"]) { RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment.Clear();
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["GOTOOLCHAIN"] = "local";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
