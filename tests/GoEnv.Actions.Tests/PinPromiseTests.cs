using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// "A pin is a promise", at the depth of the module graph: for every module-graph scenario, on every installed Go,
/// `pin` either refuses (exit 1, no file) or writes an environment in which real Go builds the module
/// (`. ./goenv.sh && go build ./...`); and where real Go builds the scenario as it is, `pin` does not refuse.
/// </summary>
[TestClass]
public sealed class PinPromiseTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<TestDataRow<string>> Scenarios =>
        Graph().Select(s => new TestDataRow<string>(s.Name) { DisplayName = s.Name });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public async Task Pin_ModuleGraphScenario_RefusesOrPinsAnEnvironmentThatBuilds(string name)
    {
        var scenario = Graph().Single(s => s.Name == name);
        _ = PublishedBinary.Path;
        var problems = await Task.WhenAll(GoToolchains.Require()
            .Where(t => scenario.NotApplicable(t) is null)
            .Select(t => Task.Run(() => Check(scenario, t), TestContext.CancellationToken)));
        var failures = problems.OfType<string>().ToList();
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join(Environment.NewLine, failures));
        }
    }

    /// <summary>The scenarios about the module graph, private modules' fetches included.</summary>
    private static IEnumerable<Scenario> Graph() => [.. ModuleGraphScenarios.All(), .. PrivateModuleScenarios.All()];

    private static string? Check(Scenario scenario, GoToolchain toolchain)
    {
        using var sandbox = GoSandbox.Create(toolchain);
        scenario.Arrange(sandbox);
        var pinned = Path.Combine(sandbox.Root, "goenv.sh");
        var pin = ChildProcess.Run(PublishedBinary.Path, ["pin", "--format", "sh", "--env-file", pinned], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        var asIs = sandbox.RunGo("build", "./...");
        if (pin.ExitCode == 1)
        {
            return File.Exists(pinned) ? $"[{toolchain}] pin refused but wrote {pinned}: " + pin.Describe()
                : asIs.ExitCode == 0 ? $"[{toolchain}] pin refused an environment in which real Go builds: " + pin.Describe()
                : null;
        }

        if (pin.ExitCode != 0)
        {
            return $"[{toolchain}] pin exited {pin.ExitCode}: " + pin.Describe();
        }

        var build = ChildProcess.Run("/bin/sh", ["-c", $". '{pinned}' && PATH=\"$GOROOT/bin:$PATH\" && go build ./..."], sandbox.WorkingDirectory, sandbox.Environment, s_timeout);
        return build.ExitCode == 0 ? null : $"[{toolchain}] pin wrote an environment in which real Go does not build: " + build.Describe() + Environment.NewLine + "  pin: " + pin.Describe();
    }
}
