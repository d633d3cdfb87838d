using System.Text.Json.Nodes;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// templates/azure-pipelines/goenv.yml, the Azure Pipelines step template: its embedded copies of the installer and
/// the pinned checksums, parameters only through env:, and its script run as the agent's Bash step runs it, with the
/// published goenv-action and real Go, its output read by a port of the agent's own command parser.
/// </summary>
[TestClass]
public sealed class AzureTemplateTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);
    private readonly List<IDisposable> _disposables = [];

    private static string Root => PublishedBinary.RepositoryRoot;

    private static JsonNode Template => YamlJson.LoadDocuments(Path.Combine(Root, "templates", "azure-pipelines", "goenv.yml"))[0]!;

    private static JsonNode Step => Template["steps"]![0]!;

    [TestCleanup]
    public void Cleanup()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    [TestMethod]
    public void Template_EmbeddedFiles_AreTheRepositorysVerbatim()
    {
        var script = Step["bash"]!.GetValue<string>();

        Assert.AreEqual(File.ReadAllText(Path.Combine(Root, "scripts", "install-goenv-action.sh")), Heredoc(script, "GOENV_ACTION_INSTALLER"));
        Assert.AreEqual(File.ReadAllText(Path.Combine(Root, "dist", "SHA256SUMS")), Heredoc(script, "GOENV_ACTION_SHA256SUMS"));
        Assert.AreEqual(File.ReadAllText(Path.Combine(Root, "dist", "VERSION")), Heredoc(script, "GOENV_ACTION_VERSION_FILE"));
        var version = Template["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "version")!;
        Assert.AreEqual(File.ReadAllText(Path.Combine(Root, "dist", "VERSION")).Trim(), version["default"]!.GetValue<string>());
    }

    [TestMethod]
    public void Template_Parameters_ReachTheScriptOnlyThroughEnv()
    {
        var parameters = Template["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        var env = Step["env"]!.AsObject().Select(p => p.Value!.GetValue<string>()).ToList();

        Assert.DoesNotContain("${{", Step["bash"]!.GetValue<string>(), "an expression inside the script is script injection");
        foreach (var name in parameters.Where(n => n != "workingDirectory"))
        {
            Assert.Contains($"${{{{ parameters.{name} }}}}", env, $"parameter {name} reaches the script through env:");
        }

        Assert.AreEqual("goenv", Step["name"]!.GetValue<string>(), "other jobs read the outputs as dependencies.<job>.outputs['goenv.NAME']");
    }

    [TestMethod]
    public void Step_RealGo_TheAgentSetsThePinnedVariablesAndPathForLaterSteps()
    {
        var go = GoToolchains.Require()[^1];
        var sandbox = GoSandbox.Create(go);
        _disposables.Add(sandbox);
        var checkout = ActionCheckout.Create();
        _disposables.Add(checkout);
        var sums = Path.Combine(checkout.Root, "SHA256SUMS");
        File.WriteAllText(sums, $"{checkout.AddPublishedArchive()}  goenv-action-linux-x64.tar.gz\n");
        var agentTemp = sandbox.PathTo("agent-temp");
        Directory.CreateDirectory(agentTemp);
        var secret = "s3cr3t-T0ken-a9";
        var environment = new Dictionary<string, string>(sandbox.Environment)
        {
            ["TF_BUILD"] = "True",
            ["AGENT_TEMPDIRECTORY"] = agentTemp,
            ["BUILD_SOURCESDIRECTORY"] = sandbox.ModuleDirectory,
            ["TMPDIR"] = agentTemp,
            ["GOENV_ACTION_CHECKSUMS"] = sums,
            ["GOPROXY"] = $"https://builder:{secret}@proxy.corp.example/go,{sandbox.ProxyUrl}",
        };
        foreach (var (name, value) in Step["env"]!.AsObject())
        {
            // The parameters' defaults, as the agent renders them (a boolean is True/False).
            environment[name] = value!.GetValue<string>() switch
            {
                "${{ parameters.pin }}" => "True",
                "${{ parameters.failOn }}" => "error",
                "${{ parameters.probe }}" => "False",
                "${{ parameters.envFile }}" => "goenv.env",
                "${{ parameters.downloadUrl }}" => checkout.DownloadUrl,
                "${{ parameters.version }}" => checkout.Version,
                _ => "",
            };
        }

        var script = Path.Combine(agentTemp, "step.sh");
        File.WriteAllText(script, Step["bash"]!.GetValue<string>());
        var step = ChildProcess.Run("/bin/bash", ["--noprofile", "--norc", script], sandbox.ModuleDirectory, environment, s_timeout);

        Assert.AreEqual(0, step.ExitCode, step.Describe(6000));
        var commands = AzurePipelinesAgent.Commands(step.StandardOutput + step.StandardError).ToList();
        Assert.AreEqual(("setsecret", secret), (commands[0].Event, commands[0].Data), "the secret is masked before anything else");
        Assert.DoesNotContain(secret, string.Join("\n", commands.Skip(1).Select(c => c.Data)) + step.StandardOutput.Replace(commands[0].Data, "", StringComparison.Ordinal));
        var variables = commands.Where(c => c.Event == "setvariable" && c.Properties["isoutput"] == "false").ToDictionary(c => c.Properties["variable"], c => c.Data);
        Assert.IsTrue(commands.Where(c => c.Event == "setvariable").All(c => c.Properties["issecret"] == "false"));
        Assert.AreEqual("local", variables["GOTOOLCHAIN"]);
        Assert.AreEqual(go.GoRoot, variables["GOROOT"]);
        Assert.IsTrue(commands.Any(c => c.Event == "setvariable" && c.Properties["isoutput"] == "true" && c.Properties["variable"] == "GOTOOLCHAIN"), "an output variable for other jobs");
        var path = commands.Single(c => c.Event == "prependpath").Data;
        Assert.AreEqual(Path.Combine(go.GoRoot, "bin"), path);
        Assert.IsTrue(commands.Any(c => c.Event == "uploadsummary" && File.Exists(c.Data)), "the summary file the agent uploads");

        // A later step: the agent maps each variable to the environment (upper-cased, '.' → '_') and prepends the path.
        var later = new Dictionary<string, string>(sandbox.Environment);
        foreach (var (name, value) in variables)
        {
            later[name.ToUpperInvariant().Replace('.', '_')] = value;
        }

        later["PATH"] = path + ":" + later["PATH"];
        var goEnv = ChildProcess.Run("/bin/bash", ["--noprofile", "--norc", "-c", "go env GOTOOLCHAIN GOROOT"], sandbox.ModuleDirectory, later, s_timeout);
        Assert.AreEqual($"local\n{go.GoRoot}\n", goEnv.StandardOutput, goEnv.Describe());
        Assert.AreEqual("off", later["GOENV"], "the go env file of the later step's user is not read");
    }

    /// <summary>The body of the heredoc <c>&lt;&lt;'DELIMITER'</c> in <paramref name="script"/>, with its final newline.</summary>
    private static string Heredoc(string script, string delimiter)
    {
        var lines = script.Split('\n');
        var start = Array.FindIndex(lines, l => l.EndsWith($"<<'{delimiter}'", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(0, start, $"no <<'{delimiter}' heredoc in the step");
        var end = Array.IndexOf(lines, delimiter, start + 1);
        Assert.IsGreaterThan(start, end, $"the <<'{delimiter}' heredoc is not closed");
        return string.Concat(lines[(start + 1)..end].Select(l => l + "\n"));
    }
}
