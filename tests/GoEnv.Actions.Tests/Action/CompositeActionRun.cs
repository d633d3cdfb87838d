namespace GoEnv.Actions.Tests.Action;

/// <summary>What a composite action left for its caller, as the runner would hand it on.</summary>
/// <param name="Steps">Every step in order, skipped ones included.</param>
/// <param name="Outputs">The action's <c>outputs:</c>, evaluated after the last step.</param>
/// <param name="ExportedEnvironment">Everything the steps exported through GITHUB_ENV (the last value of a name wins).</param>
/// <param name="PrependedPath">Everything the steps added through GITHUB_PATH, in PATH order (the last added first).</param>
/// <param name="LaterStepEnvironment">The environment a later step of the job gets: the job's, the exports, and PATH with the additions in front.</param>
/// <param name="Summary">The job summary the steps wrote (GITHUB_STEP_SUMMARY), concatenated.</param>
internal sealed record CompositeActionRun(
    IReadOnlyList<CompositeStepRun> Steps,
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyDictionary<string, string> ExportedEnvironment,
    IReadOnlyList<string> PrependedPath,
    IReadOnlyDictionary<string, string> LaterStepEnvironment,
    string Summary)
{
    /// <summary>The post steps the action's steps registered, in the order they registered them.</summary>
    public IReadOnlyList<PostStep> PostSteps { get; init; } = [];

    /// <summary>The action's outcome: every step that ran succeeded.</summary>
    public bool Succeeded => Steps.All(s => !s.Ran || s.ExitCode == 0);

    public CompositeStepRun Step(string id) =>
        Steps.SingleOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"action.yml has no step with id '{id}'.");

    /// <summary>Every step, for assertion messages.</summary>
    public string Describe() => string.Join(System.Environment.NewLine, Steps.Select(s => s.Describe()));
}
