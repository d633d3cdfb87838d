using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>What action.yml and dist/ promise, read as files: the inputs and outputs users rely on, script-injection
/// hygiene (ci-protocols.md §7.7), and well-formed pins.</summary>
[TestClass]
public sealed partial class ActionDefinitionTests
{
    private static readonly string[] s_outputs =
        ["go-version", "goroot", "gopath", "gocache", "gomodcache", "env-file", "cache-key", "cache-key-modules", "restore-keys", "restore-keys-modules", "cache-save", "env-json"];

    private static readonly string[] s_rids = ["linux-x64", "linux-arm64", "linux-musl-x64", "osx-arm64", "win-x64"];

    private static string Root => PublishedBinary.RepositoryRoot;

    private static JsonNode Action => YamlJson.LoadDocuments(Path.Combine(Root, "action.yml"))[0]!;

    [TestMethod]
    public void Action_Inputs_AreTheDocumentedOnesWithTheirDefaults()
    {
        var inputs = Action["inputs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["default"]?.GetValue<string>());

        CollectionAssert.AreEquivalent(
            new[] { "go", "go-version-file", "config", "env-file", "toolchain", "fail-on", "probe", "working-directory", "pin", "cache", "cache-save", "cache-max-size", "modules-key", "version", "download-url" },
            inputs.Keys.ToArray());
        Assert.AreEqual("true", inputs["cache"]);
        Assert.AreEqual("default-branch", inputs["cache-save"]);
        Assert.AreEqual("repository", inputs["modules-key"]);
        Assert.AreEqual("goenv.env", inputs["env-file"]);
        Assert.AreEqual("error", inputs["fail-on"]);
        Assert.AreEqual("false", inputs["probe"], "off by default: a check uses no network");
        Assert.AreEqual(".", inputs["working-directory"]);
        Assert.AreEqual("true", inputs["pin"]);
        Assert.AreEqual(string.Empty, inputs["version"], "empty: the installer reads dist/VERSION of the same ref");
    }

    [TestMethod]
    public void Action_Outputs_AreTheRunStepsOutputs()
    {
        var outputs = Action["outputs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["value"]!.GetValue<string>());

        CollectionAssert.AreEquivalent(s_outputs.Append("cache-hit").ToArray(), outputs.Keys.ToArray());
        foreach (var name in s_outputs)
        {
            Assert.AreEqual($"${{{{ steps.goenv.outputs.{name} }}}}", outputs[name], name);
        }

        // The module cache's exact hit, from whichever of its two steps ran.
        Assert.AreEqual("${{ steps.modules-cache.outputs.cache-hit || steps.modules-cache-restore.outputs.cache-hit || 'false' }}", outputs["cache-hit"]);
    }

    [TestMethod]
    public void Action_RunScripts_GetInputsThroughEnvironmentVariablesOnly()
    {
        var steps = Action["runs"]!["steps"]!.AsArray();

        Assert.AreEqual("composite", Action["runs"]!["using"]!.GetValue<string>());
        foreach (var step in steps)
        {
            if (step!["uses"] is { } uses)
            {
                // An action step: pinned by commit, and its commands (run-and-post-run's run/post) are fixed text too.
                StringAssert.Matches(uses.GetValue<string>(), new System.Text.RegularExpressions.Regex("^[a-z-]+/[a-z-]+(/[a-z-]+)?@[0-9a-f]{40}$"));
                foreach (var command in new[] { "run", "post" }.Select(n => step["with"]?[n]?.GetValue<string>()).OfType<string>())
                {
                    Assert.DoesNotContain("${{", command, "an expression inside a command is script injection");
                }

                continue;
            }

            Assert.AreEqual("bash", step["shell"]?.GetValue<string>(), "GitHub-hosted Windows has Git Bash: every step runs in bash");
            Assert.DoesNotContain("${{", step["run"]!.GetValue<string>(), "an expression inside run: is script injection (ci-protocols.md §7.7)");
        }

        Assert.AreEqual("\"$GITHUB_ACTION_PATH/scripts/install-goenv-action.sh\"", steps[0]!["run"]!.GetValue<string>());
        Assert.AreEqual("${{ inputs.working-directory }}", steps[1]!["working-directory"]!.GetValue<string>());
    }

    [TestMethod]
    public void InstallScript_IsExecutable()
    {
        var mode = File.GetUnixFileMode(Path.Combine(Root, "scripts", "install-goenv-action.sh"));

        Assert.IsTrue(mode.HasFlag(UnixFileMode.UserExecute), "action.yml runs it directly: it must stay executable (git mode 100755)");
    }

    [TestMethod]
    public void Dist_Version_IsASemanticVersion()
    {
        var version = File.ReadAllText(Path.Combine(Root, "dist", "VERSION"));

        Assert.IsTrue(VersionPattern().IsMatch(version), $"dist/VERSION: '{version}'");
    }

    /// <summary>Before the first release SHA256SUMS pins nothing; afterwards it pins exactly one archive per runtime.</summary>
    [TestMethod]
    public void Dist_Sha256Sums_PinsNothingOrEveryRuntimeOnce()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "dist", "SHA256SUMS"));
        var pins = lines.Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.IsNotEmpty(lines, "a comment header at least");
        if (pins.Count == 0)
        {
            return;
        }

        var bad = pins.Where(l => !ChecksumLinePattern().IsMatch(l)).ToList();
        Assert.IsEmpty(bad, "not '<sha256>  goenv-action-<rid>.tar.gz': " + string.Join(", ", bad));
        CollectionAssert.AreEquivalent(s_rids.Select(r => $"goenv-action-{r}.tar.gz").ToArray(), pins.Select(l => l[66..]).ToArray());
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?\n$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^[0-9a-f]{64}  goenv-action-[a-z0-9-]+\.tar\.gz$")]
    private static partial Regex ChecksumLinePattern();
}
