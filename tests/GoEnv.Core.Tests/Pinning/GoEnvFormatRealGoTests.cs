using System.Text.Json;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

/// <summary>The go-env format used as GOENV=file by every installed real toolchain.</summary>
[TestClass]
public sealed class GoEnvFormatRealGoTests
{
    [TestMethod]
    [DataRow("/usr/lib/go-1.19")]
    [DataRow("/usr/lib/go-1.21")]
    [DataRow("/usr/lib/go-1.23")]
    [DataRow("/opt/goenv-go/1.27/usr/lib/go-1.27")]
    public void GoEnvJson_GoEnvPointsAtPinnedFile_ReportsThePinnedValues(string goRoot)
    {
        var go = Path.Combine(goRoot, "bin", "go");
        if (!File.Exists(go))
        {
            Assert.Inconclusive($"{go} is not installed");
        }

        using var box = new PinningSandbox();
        var pinned = new Dictionary<string, string>
        {
            ["GOFLAGS"] = "-mod=readonly",
            ["GOPROXY"] = "https://proxy.example.com,direct",
            ["GOPRIVATE"] = "corp.example.com",
            ["GONOSUMDB"] = " spaced,corp.example.com ",
            ["GOSUMDB"] = "sum.golang.org",
        };
        var env = new PinnedEnvironment("go1.x", pinned);
        var file = box.PathOf("pin.goenv");
        AtomicFile.Write(file, EnvFileWriter.Render(env, EnvFileFormat.GoEnv, out var problems));
        Assert.IsEmpty(problems);

        var output = box.Run(go, ["env", "-json", .. pinned.Keys], new Dictionary<string, string>
        {
            ["HOME"] = box.Home,
            ["PATH"] = Path.GetDirectoryName(go) + ":/usr/bin:/bin",
            ["GOENV"] = file,
            ["GOTOOLCHAIN"] = "local",
        });

        using var json = JsonDocument.Parse(output);
        foreach (var (name, value) in pinned)
        {
            Assert.AreEqual(value, json.RootElement.GetProperty(name).GetString(), $"{goRoot} {name}");
        }

        // And Go reads back the same map our reader does.
        EnvFileWriterTests.AssertSameVariables(env, EnvFileReader.Read(file, EnvFileFormat.GoEnv), EnvFileFormat.GoEnv);
    }
}
