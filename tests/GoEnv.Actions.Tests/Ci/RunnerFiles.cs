namespace GoEnv.Actions.Tests.Ci;

/// <summary>
/// The files a GitHub runner creates empty before a step and publishes as GITHUB_ENV, GITHUB_OUTPUT, GITHUB_PATH and
/// GITHUB_STEP_SUMMARY (ci-protocols.md §2.4), in a temp directory of their own.
/// </summary>
internal sealed class RunnerFiles : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("goenv-runner-").FullName;

    public RunnerFiles()
    {
        foreach (var path in new[] { Env, Output, PathFile, Summary })
        {
            File.WriteAllBytes(path, []);
        }
    }

    public string Env => Path.Combine(_root, "set_env_5f0e");

    public string Output => Path.Combine(_root, "set_output_5f0e");

    public string PathFile => Path.Combine(_root, "add_path_5f0e");

    public string Summary => Path.Combine(_root, "step_summary_5f0e");

    /// <summary>The step environment: the given one plus what the runner sets for every step.</summary>
    public Dictionary<string, string> StepEnvironment(IReadOnlyDictionary<string, string> environment, string workspace) => new(environment)
    {
        ["GITHUB_ACTIONS"] = "true",
        ["CI"] = "true",
        ["GITHUB_WORKSPACE"] = workspace,
        ["GITHUB_ENV"] = Env,
        ["GITHUB_OUTPUT"] = Output,
        ["GITHUB_PATH"] = PathFile,
        ["GITHUB_STEP_SUMMARY"] = Summary,
        ["RUNNER_OS"] = "Linux",
        ["RUNNER_TEMP"] = _root,
    };

    /// <summary>Every byte the step wrote to the runner's files.</summary>
    public string AllFileText() => string.Concat(new[] { Env, Output, PathFile, Summary }.Select(File.ReadAllText));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
