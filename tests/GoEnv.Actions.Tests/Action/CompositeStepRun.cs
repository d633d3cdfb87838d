namespace GoEnv.Actions.Tests.Action;

/// <summary>One step of a composite action as the emulator ran it (or skipped it).</summary>
/// <param name="Id">The step's <c>id:</c>, if any.</param>
/// <param name="Name">The step's <c>name:</c>, or its id.</param>
/// <param name="Ran">False when its <c>if:</c> (by default success()) skipped it.</param>
/// <param name="ExitCode">bash's exit status (-1 when it did not run or timed out).</param>
/// <param name="Environment">The complete environment the step's bash ran with.</param>
/// <param name="EnvExports">What it wrote to GITHUB_ENV, as the runner parses it.</param>
/// <param name="PathAdditions">What it wrote to GITHUB_PATH, in the runner's PATH order.</param>
/// <param name="Outputs">What it wrote to GITHUB_OUTPUT, as the runner parses it.</param>
internal sealed record CompositeStepRun(
    string? Id,
    string Name,
    bool Ran,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyList<(string Name, string Value)> EnvExports,
    IReadOnlyList<string> PathAdditions,
    IReadOnlyList<(string Name, string Value)> Outputs,
    string Summary)
{
    public bool Succeeded => Ran && ExitCode == 0;

    public string Outcome => !Ran ? "skipped" : ExitCode == 0 ? "success" : "failure";

    /// <summary>A short account for assertion messages.</summary>
    public string Describe() =>
        $"step {Id ?? Name}: {(Ran ? $"exit {ExitCode}" : "skipped")}" +
        System.Environment.NewLine + "    stdout: " + StandardOutput.Trim() +
        System.Environment.NewLine + "    stderr: " + StandardError.Trim();
}
