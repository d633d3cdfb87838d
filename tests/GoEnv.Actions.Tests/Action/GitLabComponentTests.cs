using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// templates/goenv.yml, the GitLab CI/CD component. Only that file is shipped to users, so it embeds the installer and
/// the pinned checksums: these tests keep the copies equal to scripts/install-goenv-action.sh, dist/SHA256SUMS and
/// dist/VERSION, check the component rules (no global keywords, inputs only through variables), and run the job's
/// script with sh the way a GitLab runner does (inputs interpolated, job variables in the environment).
/// </summary>
[TestClass]
public sealed partial class GitLabComponentTests
{
    private const string HiddenJob = ".goenv";
    private const string ConcreteJob = "$[[ inputs.job-name ]]";
    private const string CacheJob = ".goenv-cache";
    private const string EchoGoenv = "#!/bin/sh\nprintf 'arg:%s\\n' \"$@\"\n";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    private readonly List<ActionCheckout> _checkouts = [];
    private readonly List<GoSandbox> _sandboxes = [];

    private static string Root => PublishedBinary.RepositoryRoot;

    private static string TemplatePath => Path.Combine(Root, "templates", "goenv.yml");

    [TestCleanup]
    public void RemoveCheckouts()
    {
        foreach (var checkout in _checkouts)
        {
            checkout.Dispose();
        }

        foreach (var sandbox in _sandboxes)
        {
            sandbox.Dispose();
        }
    }

    [TestMethod]
    public void Component_EmbeddedInstaller_IsTheInstallScriptVerbatim()
    {
        var embedded = Heredoc(InstallScript(), "GOENV_ACTION_INSTALLER");

        Assert.AreEqual(
            File.ReadAllText(Path.Combine(Root, "scripts", "install-goenv-action.sh")),
            embedded,
            "templates/goenv.yml must carry scripts/install-goenv-action.sh verbatim, indented by six spaces, between <<'GOENV_ACTION_INSTALLER' and GOENV_ACTION_INSTALLER.");
    }

    [TestMethod]
    public void Component_EmbeddedChecksums_AreDistSha256Sums()
    {
        Assert.AreEqual(
            File.ReadAllText(Path.Combine(Root, "dist", "SHA256SUMS")),
            Heredoc(InstallScript(), "GOENV_ACTION_SHA256SUMS"),
            "templates/goenv.yml must carry dist/SHA256SUMS verbatim (release.yml updates both).");
    }

    [TestMethod]
    public void Component_EmbeddedVersionAndVersionInput_AreDistVersion()
    {
        var version = File.ReadAllText(Path.Combine(Root, "dist", "VERSION"));
        var spec = Documents()[0]!["spec"]!["inputs"]!;

        Assert.AreEqual(version, Heredoc(InstallScript(), "GOENV_ACTION_VERSION_FILE"));
        Assert.AreEqual(version.Trim(), spec["version"]!["default"]!.GetValue<string>());
    }

    [TestMethod]
    public void Component_EmbeddedFiles_HoldNeitherTheirDelimiterNorGitLabInterpolation()
    {
        var script = File.ReadAllText(Path.Combine(Root, "scripts", "install-goenv-action.sh"));
        var sums = File.ReadAllText(Path.Combine(Root, "dist", "SHA256SUMS"));

        Assert.DoesNotContain("$[[", script + sums, "GitLab would interpolate it");
        Assert.DoesNotContain("GOENV_ACTION_INSTALLER", script);
        Assert.DoesNotContain("GOENV_ACTION_SHA256SUMS", sums);
        Assert.DoesNotContain("\t", script, "tabs do not survive YAML indentation reliably");
    }

    [TestMethod]
    public void Component_Configuration_HasOnlyTheHiddenJobAndTheJobThatExtendsIt()
    {
        var configuration = Documents()[1]!.AsObject();

        CollectionAssert.AreEquivalent(new[] { HiddenJob, ConcreteJob, CacheJob, ".goenv-verify" }, configuration.Select(p => p.Key).ToArray(), "a component must not set global keywords");
        var job = configuration[ConcreteJob]!;
        Assert.AreEqual(HiddenJob, job["extends"]!.GetValue<string>());
        Assert.AreEqual("$[[ inputs.stage ]]", job["stage"]!.GetValue<string>());
        Assert.AreEqual("$[[ inputs.image ]]", job["image"]!.GetValue<string>());
        Assert.AreEqual("\"$[[ inputs.job ]]\" == \"true\"", job["rules"]![0]!["if"]!.GetValue<string>(), "the ready-made job can be left out");
    }

    [TestMethod]
    public void Component_HiddenJob_ReportsTheDotenvAndCodeQualityAlways()
    {
        var artifacts = Documents()[1]![HiddenJob]!["artifacts"]!;

        Assert.AreEqual("always", artifacts["when"]!.GetValue<string>());
        Assert.AreEqual("$[[ inputs.env-file ]]", artifacts["reports"]!["dotenv"]!.GetValue<string>());
        Assert.AreEqual("$[[ inputs.codequality-report ]]", artifacts["reports"]!["codequality"]!.GetValue<string>());
    }

    [TestMethod]
    public void Component_Inputs_AreDeclaredUsedAndNeverInterpolatedIntoTheScript()
    {
        var documents = Documents();
        var declared = documents[0]!["spec"]!["inputs"]!.AsObject().Select(p => p.Key).ToHashSet();
        var configuration = documents[1]!.ToJsonString();
        var used = InputPattern().Matches(configuration).Select(m => m.Groups[1].Value).ToHashSet();

        CollectionAssert.AreEquivalent(declared.ToArray(), used.ToArray(), "every input is used, and only declared inputs are");
        var script = documents[1]![HiddenJob]!["script"]!.AsArray().Select(s => s!.GetValue<string>());
        Assert.IsFalse(script.Any(s => s.Contains("$[[", StringComparison.Ordinal)), "inputs reach the script through job variables only");
        var failOn = documents[0]!["spec"]!["inputs"]!["fail-on"]!;
        Assert.AreEqual("error", failOn["default"]!.GetValue<string>());
        CollectionAssert.AreEqual(new[] { "error", "warning" }, failOn["options"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray());
    }

    [TestMethod]
    public void Job_ArchiveNotPinnedByTheComponent_FailsBeforeRunningIt()
    {
        var checkout = Checkout();
        checkout.AddFakeArchive(EchoGoenv, Rid(checkout));

        var result = RunJob(checkout, new() { ["download-url"] = checkout.DownloadUrl });

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        Assert.IsTrue(
            result.StandardError.Contains("no pinned checksum for", StringComparison.Ordinal) || result.StandardError.Contains("checksum mismatch", StringComparison.Ordinal),
            result.Describe());
        Assert.DoesNotContain("arg:", result.StandardOutput, "an unverified goenv-action ran");
    }

    [TestMethod]
    public void Job_Defaults_InstallVerifiedAndRunPinForGitLabWithBothReports()
    {
        var checkout = Checkout();
        var rid = Rid(checkout);
        var sums = Path.Combine(checkout.Root, "SHA256SUMS");
        File.WriteAllText(sums, $"{checkout.AddFakeArchive(EchoGoenv, rid)}  goenv-action-{rid}.tar.gz\n");

        var result = RunJob(checkout, new() { ["download-url"] = checkout.DownloadUrl }, checksumsVariable: sums);

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        CollectionAssert.AreEqual(
            new[] { "goenv-action" },
            Directory.GetFileSystemEntries(Path.Combine(checkout.RunnerDirectory, "tmp")).Select(Path.GetFileName).ToArray(),
            "only the installed tool stays in TMPDIR: the script's own temporary directory is removed");
        CollectionAssert.AreEqual(
            new[]
            {
                "pin", "--ci", "gitlab", "--env-file", "goenv.env", "--codequality-report", "goenv-codequality.json",
                "--cache", "true", "--cache-save", "default-branch", "--modules-key", "repository", "--cache-dir", checkout.Workspace + "/.goenv-cache",
            },
            Arguments(result));
    }

    [TestMethod]
    public void Job_EveryInput_ReachesTheCommandLineAsOneArgument()
    {
        var checkout = Checkout();
        var rid = Rid(checkout);
        var sums = Path.Combine(checkout.Root, "SHA256SUMS");
        File.WriteAllText(sums, $"{checkout.AddFakeArchive(EchoGoenv, rid)}  goenv-action-{rid}.tar.gz\n");
        const string Hostile = "p $(touch pwned) `touch pwned`.yml";

        var result = RunJob(
            checkout,
            new()
            {
                ["download-url"] = checkout.DownloadUrl,
                ["fail-on"] = "warning",
                ["probe"] = "true",
                ["go-version-file"] = "go.work",
                ["config"] = Hostile,
                ["toolchain"] = "auto",
                ["env-file"] = "pinned.env",
                ["codequality-report"] = "quality.json",
                ["cache"] = "false",
                ["cache-save"] = "never",
                ["modules-key"] = "module",
            },
            checksumsVariable: sums);

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        CollectionAssert.AreEqual(
            new[]
            {
                "pin", "--ci", "gitlab", "--env-file", "pinned.env", "--codequality-report", "quality.json", "--strict", "--probe",
                "--go-version-file", "go.work", "--config", Hostile, "--toolchain", "auto",
                "--cache", "false", "--cache-save", "never", "--modules-key", "module",
            },
            Arguments(result));
        Assert.IsEmpty(Directory.GetFiles(checkout.Workspace, "pwned*"), "an input was executed");
    }

    /// <summary>
    /// The hidden job as a GitLab runner runs it in a POSIX-sh image: inputs interpolated (defaults, then
    /// <paramref name="inputs"/>), job variables in the environment, the script entries run by one <c>sh -e</c> in
    /// CI_PROJECT_DIR. <paramref name="checksumsVariable"/> plays a File-type CI/CD variable GOENV_ACTION_CHECKSUMS.
    /// </summary>
    private static ProcessResult RunJob(ActionCheckout checkout, Dictionary<string, string> inputs, string? checksumsVariable = null)
    {
        var documents = Documents();
        var values = documents[0]!["spec"]!["inputs"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!["default"] is JsonValue v ? v.ToString() : string.Empty);
        foreach (var (name, value) in inputs)
        {
            Assert.IsTrue(values.ContainsKey(name), $"the component declares no input {name}");
            values[name] = value;
        }

        var job = documents[1]![HiddenJob]!;
        var temp = Path.Combine(checkout.RunnerDirectory, "tmp");
        Directory.CreateDirectory(temp);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = checkout.Root,
            ["TMPDIR"] = temp,
            ["CI"] = "true",
            ["GITLAB_CI"] = "true",
            ["CI_PROJECT_DIR"] = checkout.Workspace,
        };
        foreach (var (name, value) in job["variables"]!.AsObject())
        {
            environment[name] = Interpolate(value!.GetValue<string>(), values);
        }

        if (checksumsVariable is not null)
        {
            environment["GOENV_ACTION_CHECKSUMS"] = checksumsVariable;
        }

        var script = string.Join('\n', job["script"]!.AsArray().Select(s => s!.GetValue<string>()));
        return ChildProcess.Run("/bin/sh", ["-e", "-c", script], checkout.Workspace, environment, s_timeout);
    }

    private static string Interpolate(string text, Dictionary<string, string> inputs) =>
        InputPattern().Replace(text, m => inputs[m.Groups[1].Value]);

    private static string[] Arguments(ProcessResult result) =>
        [.. result.StandardOutput.Split('\n').Where(l => l.StartsWith("arg:", StringComparison.Ordinal)).Select(l => l[4..])];

    /// <summary>The runtime identifier the installer picks on this machine without RUNNER_OS (as on GitLab).</summary>
    private static string Rid(ActionCheckout checkout)
    {
        var result = ChildProcess.Run("/bin/sh", [checkout.InstallScript, "--print-rid"], checkout.Root, new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, s_timeout);
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        return result.StandardOutput.Trim();
    }

    private ActionCheckout Checkout()
    {
        var checkout = ActionCheckout.Create();
        _checkouts.Add(checkout);
        return checkout;
    }

    private static IReadOnlyList<JsonNode?> Documents() => YamlJson.LoadDocuments(TemplatePath);

    /// <summary>The first script entry of the hidden job: it writes the embedded files and runs the installer.</summary>
    private static string InstallScript() => Documents()[1]![HiddenJob]!["script"]![0]!.GetValue<string>();

    /// <summary>The body of the heredoc <c>&lt;&lt;'DELIMITER'</c> in <paramref name="script"/>, with its final newline.</summary>
    private static string Heredoc(string script, string delimiter)
    {
        var lines = script.Split('\n');
        var start = Array.FindIndex(lines, l => l.EndsWith($"<<'{delimiter}'", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(0, start, $"no <<'{delimiter}' heredoc in the job script");
        var end = Array.IndexOf(lines, delimiter, start + 1);
        Assert.IsGreaterThan(start, end, $"the <<'{delimiter}' heredoc is not closed");
        return string.Concat(lines[(start + 1)..end].Select(l => l + "\n"));
    }

    [GeneratedRegex(@"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]")]
    private static partial Regex InputPattern();
}
