using GoEnv.Tasks.Tests.Infrastructure;

namespace GoEnv.Tasks.Tests;

[TestClass]
public sealed class GoEnvCheckTests
{
    [TestMethod]
    public void Execute_GoModNeedsNewerGo_LogsErrorWithCodeFileLineColumnAndHelp()
    {
        using var module = new GoModule(goDirective: "1.99");
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvCheck>(engine);

        Assert.IsFalse(task.Execute());

        var error = engine.Errors.Single(e => e.Code == "GOENV0101");
        Assert.AreEqual(module.GoMod, error.File);
        Assert.AreEqual(3, error.LineNumber);
        Assert.AreEqual(1, error.ColumnNumber);
        Assert.AreEqual("GOENV0101", error.HelpKeyword);
        Assert.AreEqual("https://github.com/org/goenv-action/blob/main/docs/rules.md#goenv0101", error.HelpLink);
        Assert.IsNull(error.Subcategory, "a subcategory goes between ')' and 'error' and breaks CI problem matchers");
        StringAssert.Contains(error.Message, "1.99");
        StringAssert.Contains(error.Message, "Fix: ");
    }

    [TestMethod]
    public void Execute_VariableFindingWithBraces_IsReportedOnTheProjectFileUnformatted()
    {
        using var module = new GoModule();
        module.Environment["GOFLAGS"] = "-mod={bogus}";
        var engine = new RecordingBuildEngine();

        Assert.IsFalse(module.Task<GoEnvCheck>(engine).Execute());

        var error = engine.Errors.Single(e => e.Code == "GOENV0053");
        Assert.AreEqual(module.ProjectFile, error.File);
        Assert.AreEqual(1, error.LineNumber, "a line for problem matchers, even without a PackageReference to point at");
        StringAssert.Contains(error.Message, "GOFLAGS");
        StringAssert.Contains(error.Message, "-mod={bogus}");
    }

    [TestMethod]
    public void Execute_HealthyEnvironment_SucceedsAndOutputsResolvedValues()
    {
        using var module = new GoModule();
        module.Environment["GOFLAGS"] = "-mod=readonly";
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvCheck>(engine);

        Assert.IsTrue(task.Execute(), string.Join('\n', engine.Errors.Select(e => e.Message)));

        Assert.IsEmpty(engine.Errors);
        Assert.AreEqual(GoToolchain.GoRoot, task.GoRoot);
        Assert.AreEqual(Path.Combine(module.PathTo("home"), "go"), task.GoPath);
        Assert.AreEqual(Path.Combine(module.PathTo("home"), ".cache", "go-build"), task.GoCache);
        Assert.AreEqual(Path.Combine(module.PathTo("home"), "go", "pkg", "mod"), task.GoModCache);
        Assert.AreEqual("-mod=readonly", task.GoFlags);
        Assert.AreEqual(GoToolchain.Go, task.GoExe);
        StringAssert.StartsWith(task.GoVersion, "go1.22.");
    }

    [TestMethod]
    [DataRow(false, true)]
    [DataRow(true, false)]
    public void Execute_PlainHttpProxyWarning_FailsOnlyWithFailOnWarning(bool failOnWarning, bool succeeds)
    {
        using var module = new GoModule();
        module.Environment["GOPROXY"] = "http://proxy.example.com";
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvCheck>(engine);
        task.FailOnWarning = failOnWarning;

        Assert.AreEqual(succeeds, task.Execute());

        var warning = engine.Warnings.Single(w => w.Code == "GOENV0071");
        Assert.AreEqual("https://github.com/org/goenv-action/blob/main/docs/rules.md#goenv0071", warning.HelpLink);
        Assert.IsEmpty(engine.Errors);
    }

    [TestMethod]
    public void Execute_NoProjectFullPath_ReportsVariableFindingsAtTheTaskNode()
    {
        using var module = new GoModule();
        module.Environment["GOFLAGS"] = "-mod=bogus";
        var engine = new RecordingBuildEngine();
        var task = module.Task<GoEnvCheck>(engine);
        task.ProjectFullPath = null;

        Assert.IsFalse(task.Execute());

        Assert.AreEqual(RecordingBuildEngine.TargetsFile, engine.Errors.Single(e => e.Code == "GOENV0053").File);
    }
}
