using System.Text.Json;
using System.Text.RegularExpressions;
using GoEnv.Core.Policy;

namespace GoEnv.Core.Tests.Policy;

/// <summary>docs/policy.md's examples must load, and docs/goenv.schema.json must describe what the loader accepts.</summary>
[TestClass]
public sealed partial class PolicyDocsTests
{
    private static string Docs(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", name);
            if (File.Exists(Path.Combine(directory.FullName, "GoEnv.slnx")) && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"docs/{name} not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    private static List<string> Examples() => YamlBlock().Matches(File.ReadAllText(Docs("policy.md"))).Select(m => m.Groups[1].Value).ToList();

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Strings(JsonElement element) => element.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToArray();

    [TestMethod]
    public void PolicyDoc_EveryYamlExample_LoadsCleanly()
    {
        var examples = Examples();
        Assert.IsGreaterThanOrEqualTo(4, examples.Count);
        foreach (var example in examples)
        {
            var result = PolicyLoader.Parse(example, ".goenv.yml");
            Assert.IsTrue(result.Succeeded, example + "\n" + string.Join("\n", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        }
    }

    [TestMethod]
    public void PolicyDoc_CompleteExample_MeansWhatItSays()
    {
        var policy = PolicyLoader.Parse(Examples().First(e => e.Contains("output:", StringComparison.Ordinal)), ".goenv.yml").Policy!;

        Assert.AreEqual(">=1.22 <1.24", policy.GoVersion!.Text);
        Assert.AreEqual("local", policy.Toolchain);
        Assert.HasCount(6, policy.Requirements);
        Assert.IsTrue(policy.RuleSettings["GOENV0004"].Ignore);
        Assert.AreEqual("text", policy.OutputFormat);
        Assert.IsFalse(policy.Strict);
    }

    [TestMethod]
    public void Schema_Draft07_DescribesTheLoadersKeys()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Docs("goenv.schema.json")));
        var root = schema.RootElement;

        Assert.AreEqual("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        Assert.IsFalse(root.GetProperty("additionalProperties").GetBoolean());
        var properties = root.GetProperty("properties");
        CollectionAssert.AreEqual(new[] { "go", "output", "require", "rules" }, Keys(properties));
        CollectionAssert.AreEqual(new[] { "toolchain", "version" }, Keys(properties.GetProperty("go").GetProperty("properties")));
        CollectionAssert.AreEqual(new[] { "format", "strict" }, Keys(properties.GetProperty("output").GetProperty("properties")));
        CollectionAssert.AreEqual(new[] { "error", "ignore", "notice", "warning" }, Strings(properties.GetProperty("rules").GetProperty("additionalProperties").GetProperty("enum")));

        var definitions = root.GetProperty("definitions");
        CollectionAssert.AreEqual(new[] { "contains", "equals", "not", "notContains", "oneOf" }, Strings(definitions.GetProperty("requirement").GetProperty("propertyNames").GetProperty("enum")));
        CollectionAssert.AreEqual(new[] { "contains", "equals", "not", "notContains", "oneOf", "scheme" }, Strings(definitions.GetProperty("proxyRequirement").GetProperty("propertyNames").GetProperty("enum")));

        var variables = GoVariableNames.Settable.Concat(GoVariableNames.Probed).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(variables, Strings(properties.GetProperty("require").GetProperty("propertyNames").GetProperty("enum")));
    }

    [TestMethod]
    [DataRow(">=1.22 <1.24", true)]
    [DataRow("1.22.x", true)]
    [DataRow("go1.22.3", true)]
    [DataRow(">1.22.3, <=1.23.1", true)]
    [DataRow(">=1.22rc1", true)]
    [DataRow("latest", false)]
    [DataRow(">=1.22.x", false)]
    [DataRow("~1.22", false)]
    public void Schema_VersionPattern_AgreesWithLoader(string range, bool valid)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Docs("goenv.schema.json")));
        var pattern = schema.RootElement.GetProperty("properties").GetProperty("go").GetProperty("properties").GetProperty("version").GetProperty("pattern").GetString()!;

        Assert.AreEqual(valid, Regex.IsMatch(range, pattern, RegexOptions.None, TimeSpan.FromSeconds(1)), "schema");
        Assert.AreEqual(valid, PolicyVersionRange.Parse(range, out _) is not null, "loader");
    }
}
