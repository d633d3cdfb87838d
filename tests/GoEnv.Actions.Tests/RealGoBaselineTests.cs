using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Real Go's half of every differential scenario, alone: documents (and keeps checking) what each installed Go
/// version actually does with each environment. Needs no goenv-action at all.
/// </summary>
[TestClass]
public sealed class RealGoBaselineTests
{
    public TestContext TestContext { get; set; } = null!;

    public static IEnumerable<TestDataRow<string>> Scenarios =>
        ScenarioCatalog.All.Where(s => s.GoCommand is not null).Select(s => new TestDataRow<string>(s.Name) { DisplayName = s.Name });

    [TestMethod]
    [DynamicData(nameof(Scenarios))]
    public async Task RealGo_ScenarioOnEveryToolchain_BehavesAsObserved(string scenario) =>
        await ScenarioRunner.AssertOnEveryToolchainAsync(ScenarioCatalog.Get(scenario), withCheck: false, TestContext.CancellationToken);
}
