namespace GoEnv.Actions.Tests.Action;

/// <summary>A post step an action registered: run at the end of the job with the job's environment of that moment.</summary>
/// <param name="Name">The registering step's name.</param>
/// <param name="OnlyOnSuccess">The action's post-if is success().</param>
/// <param name="Run">Runs it: exit code and log.</param>
internal sealed record PostStep(string Name, bool OnlyOnSuccess, Func<IReadOnlyDictionary<string, string>, (int ExitCode, string Log)> Run);
