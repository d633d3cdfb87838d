using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;
using YamlDotNet.RepresentationModel;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// Runs a composite action (action.yml) the way the GitHub runner does on a Linux X64 machine, close enough to check
/// what our action hands its caller: each <c>run:</c> step is a bash script
/// (<c>bash --noprofile --norc -eo pipefail FILE</c>, the runner's <c>shell: bash</c>) in a runner-like environment,
/// with fresh GITHUB_ENV / GITHUB_OUTPUT / GITHUB_PATH / GITHUB_STEP_SUMMARY files per step that are applied after
/// the step, failed or not, through the runner's own parsers (<see cref="GitHubRunner"/>).
/// </summary>
/// <remarks>
/// <para>
/// Environment of a step, lowest precedence first: the job's (<see cref="JobEnvironment"/>), what earlier steps
/// exported through GITHUB_ENV, the <c>env:</c> of the step that uses the action, the step's own <c>env:</c>, then
/// the runner's variables (GITHUB_*, RUNNER_*, CI), which nothing overrides; PATH gets the GITHUB_PATH additions in
/// front, the last one added first (actions/runner <c>Handler.AddPrependPathToEnvironment</c>).
/// </para>
/// <para>
/// Supported: <c>id name if shell(bash) run env working-directory continue-on-error</c>, <c>uses</c> + <c>with</c> for the
/// actions emulated here at the exact commits action.yml pins (<see cref="EmulatedActions"/>: actions/cache and
/// actions/cache/restore against <see cref="ActionsCacheService"/>, gacts/run-and-post-run), and the expressions of
/// <see cref="ActionExpression"/>. Anything else (another action or commit, another shell, an unknown key) throws
/// <see cref="NotSupportedException"/>: action.yml has to stay within what is emulated here.
/// </para>
/// <para>
/// Post steps: a <c>uses:</c> step whose action has a post registers it; <see cref="RunPostSteps"/> runs them at the
/// end of the job in the reverse order of registration, as the runner does, with the job's environment then.
/// </para>
/// </remarks>
internal sealed class CompositeActionEmulator
{
    private const string Bash = "/bin/bash";

    private static readonly HashSet<string> s_stepKeys =
        ["id", "name", "if", "shell", "run", "env", "working-directory", "continue-on-error", "uses", "with"];

    private readonly YamlMappingNode _action;

    /// <param name="actionDirectory">The action's files (GITHUB_ACTION_PATH), holding action.yml.</param>
    /// <param name="workspace">GITHUB_WORKSPACE: where steps run unless their working-directory says otherwise.</param>
    /// <param name="runnerDirectory">Holds RUNNER_TEMP (temp/) and RUNNER_TOOL_CACHE (tool-cache/); created.</param>
    /// <param name="jobEnvironment">What every step inherits (HOME, PATH, …); nothing comes from the test process.</param>
    /// <param name="cacheService">The cache service jobs share (default: one under <paramref name="runnerDirectory"/>).</param>
    public CompositeActionEmulator(string actionDirectory, string workspace, string runnerDirectory, IReadOnlyDictionary<string, string> jobEnvironment, ActionsCacheService? cacheService = null)
    {
        CacheService = cacheService ?? new ActionsCacheService(Path.Combine(runnerDirectory, "cache-service"));
        ActionDirectory = actionDirectory;
        Workspace = workspace;
        RunnerTemp = Path.Combine(runnerDirectory, "temp");
        ToolCache = Path.Combine(runnerDirectory, "tool-cache");
        JobEnvironment = jobEnvironment;
        Directory.CreateDirectory(RunnerTemp);
        Directory.CreateDirectory(ToolCache);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(File.ReadAllText(Path.Combine(actionDirectory, "action.yml"))));
        _action = (YamlMappingNode)yaml.Documents[0].RootNode;
        if (Scalar(Mapping(_action, "runs"), "using") != "composite")
        {
            throw new NotSupportedException("action.yml is not a composite action (runs.using).");
        }
    }

    public string ActionDirectory { get; }

    public string Workspace { get; }

    public string RunnerTemp { get; }

    public string ToolCache { get; }

    public IReadOnlyDictionary<string, string> JobEnvironment { get; }

    public TimeSpan StepTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public ActionsCacheService CacheService { get; }

    /// <summary>github.run_id of this job's workflow run.</summary>
    public string RunId { get; init; } = "1001";

    /// <summary>Runs the action as a step <c>uses: ./action</c> with <paramref name="with"/> and that step's <paramref name="stepEnvironment"/>.</summary>
    public CompositeActionRun Run(IReadOnlyDictionary<string, string> with, IReadOnlyDictionary<string, string>? stepEnvironment = null)
    {
        var context = NewContext(with);
        var exported = new Dictionary<string, string>(StringComparer.Ordinal);
        var pathAddOrder = new List<string>();
        var steps = new List<CompositeStepRun>();
        var posts = new List<PostStep>();
        var summary = new System.Text.StringBuilder();

        var stepNodes = (YamlSequenceNode)Mapping(_action, "runs").Children[new YamlScalarNode("steps")];
        foreach (var (node, index) in stepNodes.Children.Select((n, i) => ((YamlMappingNode)n, i)))
        {
            var step = RunStep(node, index, context, exported, pathAddOrder, stepEnvironment, posts);
            steps.Add(step);
            summary.Append(step.Summary);
            if (step.Id is not null)
            {
                context.StepOutcomes[step.Id] = step.Outcome;
                context.StepOutputs[step.Id] = step.Outputs.ToDictionary(o => o.Name, o => o.Value, StringComparer.OrdinalIgnoreCase);
            }

            if (step.Ran && step.ExitCode != 0 && !IsTrue(Scalar(node, "continue-on-error"), context))
            {
                context.Failed = true;
            }
        }

        var outputs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (_action.Children.TryGetValue(new YamlScalarNode("outputs"), out var outputsNode))
        {
            foreach (var (name, output) in ((YamlMappingNode)outputsNode).Children)
            {
                outputs[((YamlScalarNode)name).Value!] = ActionExpression.Interpolate(Scalar((YamlMappingNode)output, "value") ?? string.Empty, context);
            }
        }

        var prepended = Enumerable.Reverse(pathAddOrder).ToList();
        var later = new Dictionary<string, string>(JobEnvironment, StringComparer.Ordinal);
        foreach (var (name, value) in exported)
        {
            later[name] = value;
        }

        later["PATH"] = WithPrepended(prepended, later.GetValueOrDefault("PATH", string.Empty));
        return new CompositeActionRun(steps, outputs, exported, prepended, later, summary.ToString()) { PostSteps = posts };
    }

    /// <summary>
    /// The end of the job: the post steps <paramref name="run"/> registered, last registered first, in the job's
    /// environment of that moment (<paramref name="run"/>'s later-step environment).
    /// </summary>
    /// <param name="jobSucceeded">What post-if: success() sees.</param>
    public IReadOnlyList<CompositeStepRun> RunPostSteps(CompositeActionRun run, bool jobSucceeded = true)
    {
        var results = new List<CompositeStepRun>();
        foreach (var post in Enumerable.Reverse(run.PostSteps))
        {
            if (post.OnlyOnSuccess && !jobSucceeded)
            {
                results.Add(new CompositeStepRun(null, "Post " + post.Name, false, -1, string.Empty, string.Empty, new Dictionary<string, string>(), [], [], [], string.Empty));
                continue;
            }

            var environment = new Dictionary<string, string>(run.LaterStepEnvironment, StringComparer.Ordinal);
            AddRunnerVariables(environment);
            var (exitCode, log) = post.Run(environment);
            results.Add(new CompositeStepRun(null, "Post " + post.Name, true, exitCode, log, string.Empty, environment, [], [], [], string.Empty));
        }

        return results;
    }

    /// <summary>Runs a bash snippet as a later step of the job would: with <paramref name="run"/>'s later-step environment.</summary>
    public ProcessResult RunLaterStep(CompositeActionRun run, string script)
    {
        var file = Path.Combine(RunnerTemp, Guid.NewGuid().ToString("N") + ".sh");
        File.WriteAllText(file, script);
        try
        {
            return ChildProcess.Run(Bash, ["--noprofile", "--norc", "-eo", "pipefail", file], Workspace, run.LaterStepEnvironment, StepTimeout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private ActionExpressionContext NewContext(IReadOnlyDictionary<string, string> with)
    {
        var context = new ActionExpressionContext();
        context.Github["action_path"] = ActionDirectory;
        context.Github["workspace"] = Workspace;
        context.Github["run_id"] = RunId;
        context.Github["run_attempt"] = "1";
        context.Runner["os"] = "Linux";
        context.Runner["arch"] = "X64";
        context.Runner["temp"] = RunnerTemp;
        context.Runner["tool_cache"] = ToolCache;

        if (_action.Children.TryGetValue(new YamlScalarNode("inputs"), out var inputsNode))
        {
            foreach (var (name, input) in ((YamlMappingNode)inputsNode).Children)
            {
                context.Inputs[((YamlScalarNode)name).Value!] = ActionExpression.Interpolate(Scalar((YamlMappingNode)input, "default") ?? string.Empty, context);
            }
        }

        foreach (var (name, value) in with)
        {
            if (!context.Inputs.ContainsKey(name))
            {
                throw new ArgumentException($"action.yml declares no input '{name}'.", nameof(with));
            }

            context.Inputs[name] = value;
        }

        return context;
    }

    private CompositeStepRun RunStep(
        YamlMappingNode node,
        int index,
        ActionExpressionContext context,
        Dictionary<string, string> exported,
        List<string> pathAddOrder,
        IReadOnlyDictionary<string, string>? stepEnvironment,
        List<PostStep> posts)
    {
        var unknown = node.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Where(k => !s_stepKeys.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"Step {index + 1} of action.yml uses {string.Join(", ", unknown)}, which the emulator does not support.");
        }

        var id = Scalar(node, "id");
        var name = Scalar(node, "name") ?? id ?? $"step {index + 1}";
        var uses = Scalar(node, "uses");
        var run = Scalar(node, "run") ?? (uses is null ? throw new NotSupportedException($"Step {name} has no run: or uses:.") : null);
        if (uses is null && Scalar(node, "shell") != "bash")
        {
            throw new NotSupportedException($"Step {name} does not use shell: bash.");
        }

        if (!ActionExpression.EvaluateCondition(Scalar(node, "if"), context))
        {
            return new CompositeStepRun(id, name, false, -1, string.Empty, string.Empty, new Dictionary<string, string>(), [], [], [], string.Empty);
        }

        var environment = new Dictionary<string, string>(JobEnvironment, StringComparer.Ordinal);
        Overlay(environment, exported);
        if (stepEnvironment is not null)
        {
            Overlay(environment, stepEnvironment);
        }

        if (node.Children.TryGetValue(new YamlScalarNode("env"), out var envNode))
        {
            foreach (var (key, value) in ((YamlMappingNode)envNode).Children)
            {
                environment[((YamlScalarNode)key).Value!] = ActionExpression.Interpolate(((YamlScalarNode)value).Value ?? string.Empty, context);
            }
        }

        var commands = Path.Combine(RunnerTemp, "_runner_file_commands");
        Directory.CreateDirectory(commands);
        var suffix = Guid.NewGuid().ToString("N");
        var files = new Dictionary<string, string>
        {
            ["GITHUB_ENV"] = Path.Combine(commands, "set_env_" + suffix),
            ["GITHUB_OUTPUT"] = Path.Combine(commands, "set_output_" + suffix),
            ["GITHUB_PATH"] = Path.Combine(commands, "add_path_" + suffix),
            ["GITHUB_STEP_SUMMARY"] = Path.Combine(commands, "step_summary_" + suffix),
        };
        foreach (var file in files.Values)
        {
            File.WriteAllText(file, string.Empty);
        }

        Overlay(environment, files);
        AddRunnerVariables(environment);
        environment["PATH"] = WithPrepended(Enumerable.Reverse(pathAddOrder).ToList(), environment.GetValueOrDefault("PATH", string.Empty));

        var workingDirectory = Path.GetFullPath(Path.Combine(Workspace, ActionExpression.Interpolate(Scalar(node, "working-directory") ?? ".", context)));
        ProcessResult result;
        if (uses is not null)
        {
            var with = new Dictionary<string, string>(StringComparer.Ordinal);
            if (node.Children.TryGetValue(new YamlScalarNode("with"), out var withNode))
            {
                foreach (var (key, value) in ((YamlMappingNode)withNode).Children)
                {
                    with[((YamlScalarNode)key).Value!] = ActionExpression.Interpolate(((YamlScalarNode)value).Value ?? string.Empty, context);
                }
            }

            var action = EmulatedActions.Run(uses, with, environment, this);
            if (action.Post is { } post)
            {
                posts.Add(post with { Name = name });
            }

            result = new ProcessResult(uses, [], action.ExitCode, action.Log, string.Empty, false, TimeSpan.Zero);
            File.AppendAllText(files["GITHUB_OUTPUT"], string.Concat(action.Outputs.Select(o => $"{o.Key}={o.Value}\n")));
        }
        else
        {
            var script = Path.Combine(RunnerTemp, suffix + ".sh");
            File.WriteAllText(script, ActionExpression.Interpolate(run!, context));
            try
            {
                result = ChildProcess.Run(Bash, ["--noprofile", "--norc", "-eo", "pipefail", script], workingDirectory, environment, StepTimeout);
            }
            finally
            {
                File.Delete(script);
            }
        }

        var exitCode = result.TimedOut || result.StartError is not null ? -1 : result.ExitCode;
        var stderr = result.StandardError + (result.StartError ?? string.Empty) + (result.TimedOut ? "(timed out)" : string.Empty);

        // The runner applies the file commands after the step in a finally: a failed step's exports count too.
        IReadOnlyList<(string Name, string Value)> envRecords = [];
        IReadOnlyList<(string Name, string Value)> outputs = [];
        IReadOnlyList<string> pathAdditions = [];
        try
        {
            envRecords = GitHubRunner.ParseEnvFile(File.ReadAllText(files["GITHUB_ENV"]));
            outputs = GitHubRunner.ParseEnvFile(File.ReadAllText(files["GITHUB_OUTPUT"]));
            pathAdditions = GitHubRunner.ParsePathFile(File.ReadAllText(files["GITHUB_PATH"]));
        }
        catch (InvalidDataException e)
        {
            // The runner fails the step: "Unable to process file command".
            exitCode = exitCode == 0 ? 1 : exitCode;
            stderr += "Unable to process file command: " + e.Message;
        }

        foreach (var (key, value) in envRecords)
        {
            exported[key] = value;
        }

        foreach (var directory in pathAdditions.Reverse())
        {
            pathAddOrder.Remove(directory);
            pathAddOrder.Add(directory);
        }

        var summary = File.ReadAllText(files["GITHUB_STEP_SUMMARY"]);
        foreach (var file in files.Values)
        {
            File.Delete(file);
        }

        return new CompositeStepRun(id, name, true, exitCode, result.StandardOutput, stderr, environment, envRecords, pathAdditions, outputs, summary);
    }

    /// <summary>The runner's own variables, which nothing overrides.</summary>
    private void AddRunnerVariables(Dictionary<string, string> environment)
    {
        environment["CI"] = "true";
        environment["GITHUB_ACTIONS"] = "true";
        environment["GITHUB_ACTION_PATH"] = ActionDirectory;
        environment["GITHUB_WORKSPACE"] = Workspace;
        environment["RUNNER_OS"] = "Linux";
        environment["RUNNER_ARCH"] = "X64";
        environment["RUNNER_TEMP"] = RunnerTemp;
        environment["RUNNER_TOOL_CACHE"] = ToolCache;
    }

    private static string WithPrepended(IReadOnlyList<string> prepended, string path) =>
        prepended.Count == 0 ? path : string.Join(':', prepended) + (path.Length > 0 ? ":" + path : string.Empty);

    private static void Overlay(Dictionary<string, string> target, IEnumerable<KeyValuePair<string, string>> source)
    {
        foreach (var (key, value) in source)
        {
            target[key] = value;
        }
    }

    private static bool IsTrue(string? value, ActionExpressionContext context) =>
        value is not null && ActionExpression.Interpolate(value, context).Equals("true", StringComparison.OrdinalIgnoreCase);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode mapping
            ? mapping
            : throw new NotSupportedException($"action.yml has no mapping '{key}'.");

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;
}
