namespace GoEnv.Core.Tests.Ci.GitHub;

/// <summary>
/// A `_runner_file_commands` directory as the runner prepares it before a step: one empty file per file command,
/// named prefix + GUID (FileCommandManager.InitializeFiles). Removed on dispose.
/// </summary>
internal sealed class RunnerFileCommands : IDisposable
{
    public RunnerFileCommands()
    {
        Root = Directory.CreateTempSubdirectory("goenv-github-").FullName;
        var directory = Path.Combine(Root, "_runner_file_commands");
        Directory.CreateDirectory(directory);
        var suffix = Guid.NewGuid().ToString();
        Env = Create(directory, "set_env_" + suffix);
        Output = Create(directory, "set_output_" + suffix);
        PathFile = Create(directory, "add_path_" + suffix);
        StepSummary = Create(directory, "step_summary_" + suffix);
    }

    public string Root { get; }

    /// <summary>GITHUB_ENV.</summary>
    public string Env { get; }

    /// <summary>GITHUB_OUTPUT.</summary>
    public string Output { get; }

    /// <summary>GITHUB_PATH.</summary>
    public string PathFile { get; }

    /// <summary>GITHUB_STEP_SUMMARY.</summary>
    public string StepSummary { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test that passed.
        }
    }

    private static string Create(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        File.Create(path).Dispose();
        return path;
    }
}
