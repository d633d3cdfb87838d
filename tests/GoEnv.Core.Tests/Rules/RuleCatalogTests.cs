using System.Text.RegularExpressions;
using GoEnv.Core.Reporting;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Tests.Rules;

[TestClass]
public sealed partial class RuleCatalogTests
{
    [TestMethod]
    public void All_IdsAreUniqueAndWellFormed()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.HasCount(ids.Count, ids.Distinct());
        foreach (var rule in RuleCatalog.All)
        {
            Assert.IsTrue(IdPattern().IsMatch(rule.Id), rule.Id);
            Assert.IsFalse(string.IsNullOrWhiteSpace(rule.Title), rule.Id);
            Assert.IsFalse(string.IsNullOrWhiteSpace(rule.Description), rule.Id);
            Assert.IsFalse(string.IsNullOrWhiteSpace(rule.Fix), rule.Id);
        }
    }

    /// <summary>docs/rules.md is generated from the catalog: regenerate with `./build.sh explain --all --markdown > docs/rules.md`.</summary>
    [TestMethod]
    public void RulesDoc_MatchesCatalog()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GoEnv.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.IsNotNull(dir, "repository root not found");
        var doc = File.ReadAllText(Path.Combine(dir.FullName, "docs", "rules.md"));
        Assert.AreEqual(RuleDocs.Markdown(), doc, "docs/rules.md is stale: run ./build.sh explain --all --markdown > docs/rules.md");
    }

    [GeneratedRegex("^GOENV[0-9]{4}$")]
    private static partial Regex IdPattern();
}
