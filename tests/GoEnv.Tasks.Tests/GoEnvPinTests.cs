using System.Xml.Linq;
using GoEnv.Tasks.Tests.Infrastructure;

namespace GoEnv.Tasks.Tests;

[TestClass]
public sealed class GoEnvPinTests
{
    [TestMethod]
    public void Execute_HealthyEnvironment_WritesEnvFileAndOutputsPinnedValues()
    {
        using var module = new GoModule();
        module.Environment["GOFLAGS"] = "-mod=readonly";
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "obj/goenv.env";
        task.EnvFileFormat = "dotenv";
        task.ResultFile = module.PathTo("app/obj/goenv.g.props");
        task.ResultStamp = "12345";

        Assert.IsTrue(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        Assert.AreEqual(module.PathTo("app/obj/goenv.env"), task.EnvFilePath);
        var envFile = File.ReadAllLines(task.EnvFilePath);
        CollectionAssert.Contains(envFile, "GOFLAGS=-mod=readonly");
        CollectionAssert.Contains(envFile, "GOTOOLCHAIN=local");
        Assert.AreEqual("GOENV_PIN_SHA256=" + task.ContentHash, envFile[0]);
        Assert.AreEqual(GoToolchain.GoRoot, task.GoRoot);
        Assert.AreEqual("-mod=readonly", task.GoFlags);
        Assert.AreEqual(GoToolchain.Go, task.GoExe);
        StringAssert.StartsWith(task.GoVersion, "go1.22.");
        StringAssert.StartsWith(task.GoCacheKeyModules, "goenv-modules-" + task.GoVersion + "-");
        StringAssert.StartsWith(task.GoCacheKeyBuild, "goenv-build-" + task.GoVersion + "-linux-amd64-");
        Assert.IsNotEmpty(task.GoCacheRestoreKeys);

        var environment = task.GoEnvironment.ToDictionary(i => i.ItemSpec, i => i.GetMetadata("Value"));
        Assert.AreEqual(GoToolchain.GoRoot, environment["GOROOT"]);
        Assert.AreEqual("local", environment["GOTOOLCHAIN"]);
        Assert.AreEqual("off", environment["GOENV"]);
        Assert.AreEqual("-mod=readonly", environment["GOFLAGS"]);
        Assert.IsTrue(task.GoEnvironment.All(i => i.GetMetadata("Name") == i.ItemSpec));
        Assert.AreEqual(envFile.Length - 1, task.GoEnvironment.Length, "every pinned variable but the hash line is an item");

        var result = XDocument.Load(task.ResultFile).Root!;
        Assert.AreEqual("12345", result.Descendants("_GoEnvPinnedStamp").Single().Value);
        Assert.AreEqual(task.GoVersion, result.Descendants("_GoEnvPinnedGoVersion").Single().Value);
        Assert.AreEqual(task.GoCacheKeyBuild, result.Descendants("_GoEnvPinnedGoCacheKeyBuild").Single().Value);
        var goRoot = result.Descendants("_GoEnvPinnedEnvironment").Single(e => e.Attribute("Include")!.Value == "GOROOT");
        Assert.AreEqual(GoToolchain.GoRoot, goRoot.Attribute("Value")!.Value);
        Assert.AreEqual("GOROOT", goRoot.Attribute("Name")!.Value);
    }

    [TestMethod]
    public void Execute_AfterGoEnvCheckOfTheSameBuild_ReusesItsCheckAndDoesNotLogAgain()
    {
        using var module = new GoModule();
        module.Environment["GOPROXY"] = "http://proxy.example.com";
        var engine = new RecordingBuildEngine();
        Assert.IsTrue(module.Task<GoEnvCheck>(engine).Execute());
        var pin = module.Task<GoEnvPin>(engine);
        pin.EnvFile = "goenv.env";

        Assert.IsTrue(pin.Execute());

        Assert.HasCount(1, engine.Warnings.Where(w => w.Code == "GOENV0071").ToList());
        Assert.AreEqual(GoToolchain.GoRoot, pin.GoRoot);
    }

    [TestMethod]
    public void Execute_CheckFails_LogsTheFindingAndWritesNothing()
    {
        using var module = new GoModule(goDirective: "1.99");
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "goenv.env";
        task.ResultFile = "goenv.g.props";

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(3, engine.Errors.Single(e => e.Code == "GOENV0101").LineNumber);
        Assert.IsFalse(File.Exists(module.PathTo("app/goenv.env")));
        Assert.IsFalse(File.Exists(module.PathTo("app/goenv.g.props")));
        Assert.IsEmpty(task.GoEnvironment);
    }

    [TestMethod]
    public void Execute_ToolchainGoRejects_FailsAndWritesNothing()
    {
        using var module = new GoModule();
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "obj/goenv.env";
        task.Toolchain = "banana";

        Assert.IsFalse(task.Execute());

        Assert.IsTrue(engine.Errors.Any(e => e.Message?.Contains("GOTOOLCHAIN banana", StringComparison.Ordinal) == true), string.Join('\n', engine.Errors.Select(e => e.Message)));
        Assert.IsFalse(File.Exists(module.PathTo("app/obj/goenv.env")));
    }

    /// <summary>
    /// go.mod asks for Go 1.23.0 and the go on PATH is 1.22 with GOTOOLCHAIN=auto: pinning GOTOOLCHAIN=local with 1.22
    /// would break every later go command, so the task pins the installed 1.23 (Debian's /usr/lib/go-1.23) and says so.
    /// </summary>
    [TestMethod]
    public void Execute_GoModNeedsANewerGo_PinsAnInstalledToolchainThatSatisfiesIt()
    {
        using var module = new GoModule("1.23.0");
        module.Environment["GOTOOLCHAIN"] = "auto";
        module.Environment["GOPROXY"] = "https://proxy.golang.org,direct";
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "obj/goenv.env";
        task.EnvFileFormat = "dotenv";

        Assert.IsTrue(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        Assert.AreEqual("/usr/lib/go-1.23", task.GoRoot);
        Assert.AreEqual("/usr/lib/go-1.23/bin/go", task.GoExe);
        StringAssert.StartsWith(task.GoVersion, "go1.23.");
        CollectionAssert.Contains(File.ReadAllLines(task.EnvFilePath), "GOTOOLCHAIN=local");
        Assert.IsTrue(engine.Messages.Any(m => m.Message?.Contains("asks for go 1.23.0", StringComparison.Ordinal) == true), string.Join('\n', engine.Messages.Select(m => m.Message)));
    }

    [TestMethod]
    public void Execute_UnknownFormat_FailsWithTheHostCodeBeforeChecking()
    {
        using var module = new GoModule();
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "goenv.env";
        task.EnvFileFormat = "yaml";

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single();
        Assert.AreEqual("GOENV1002", error.Code);
        Assert.AreEqual(module.ProjectFile, error.File);
        StringAssert.Contains(error.Message, "dotenv|sh|pwsh|json|goenv");
        Assert.AreEqual("", task.GoVersion, "no check ran");
    }

    [TestMethod]
    public void Execute_DefaultGoEnvFormat_WritesAGoEnvFileWithoutGoenvButItemsWithIt()
    {
        using var module = new GoModule();
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvPin>(engine);
        task.EnvFile = "pinned.env";
        // A value that keeps the installed go (go1.22.0 would make every go command download that toolchain, which
        // pin's confirmation with real Go refuses offline).
        task.Toolchain = "local+auto";

        Assert.IsTrue(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        var lines = File.ReadAllLines(module.PathTo("app/pinned.env"));
        CollectionAssert.Contains(lines, "GOTOOLCHAIN=local+auto");
        Assert.IsFalse(lines.Any(l => l.StartsWith("GOENV=", StringComparison.Ordinal)), "cmd/go reads GOENV from the OS environment only");
        Assert.AreEqual("off", task.GoEnvironment.Single(i => i.ItemSpec == "GOENV").GetMetadata("Value"), "Exec sets the OS environment: the items carry the whole pin");
    }

    [TestMethod]
    [DataRow("/usr/lib/go", "/usr/lib/go")]
    [DataRow("-tags=a;b", "-tags=a%3Bb")]
    [DataRow("$(HOME) @(x) 100% *.corp?", "%24%28HOME%29 %40%28x%29 100%25 %2A.corp%3F")]
    [DataRow("-ldflags='-X a=<b>' & \"c\"", "-ldflags=%27-X a=&lt;b&gt;%27 &amp; &quot;c&quot;")]
    public void MSBuildText_SpecialCharacters_AreEscapedForMSBuildThenXml(string value, string expected) =>
        Assert.AreEqual(expected, GoEnvPin.MSBuildText(value));
}
