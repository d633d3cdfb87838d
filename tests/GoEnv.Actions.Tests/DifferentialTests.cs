using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// The backbone: for every scenario, on every installed Go toolchain, the published <c>goenv-action check</c> and
/// real Go must agree — broken → Go fails and check exits 1 with an error on the culprit variable; healthy → Go
/// succeeds and check exits 0 without errors; works-but-unsafe → Go succeeds (or fails offline only because of what
/// GoEnv warns about) and check warns on the variable.
/// </summary>
[TestClass]
public sealed class DifferentialTests
{
    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<TestDataRow<string>> Scenarios =>
        ScenarioCatalog.All.Select(s => new TestDataRow<string>(s.Name) { DisplayName = s.Name });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public async Task Check_ScenarioOnEveryToolchain_AgreesWithRealGo(string scenario) =>
        await ScenarioRunner.AssertOnEveryToolchainAsync(ScenarioCatalog.Get(scenario), withCheck: true, TestContext.CancellationToken);
}
