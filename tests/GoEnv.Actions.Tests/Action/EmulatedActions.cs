using GoEnv.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The actions action.yml uses, emulated at exactly the commits it pins, from their sources at those commits:
/// actions/cache v5.0.5 (main: restore, output cache-hit; post, post-if success(): save unless the primary key was
/// an exact hit), actions/cache/restore v5.0.5 (restore; outputs cache-hit, cache-primary-key, cache-matched-key),
/// gacts/run-and-post-run v1.4.4 (main: each line of `run` with `bash -c`; post: each line of `post` the same way,
/// always, with the job's environment at the end).
/// </summary>
internal static class EmulatedActions
{
    public const string Cache = "actions/cache@27d5ce7f107fe9357f9df03efb73ab90386fccae";
    public const string CacheRestore = "actions/cache/restore@27d5ce7f107fe9357f9df03efb73ab90386fccae";
    public const string RunAndPostRun = "gacts/run-and-post-run@598d7a875d5620e0457490555b5e18e46082aa47";

    public static (int ExitCode, string Log, IReadOnlyDictionary<string, string> Outputs, PostStep? Post) Run(
        string uses, IReadOnlyDictionary<string, string> with, IReadOnlyDictionary<string, string> environment, CompositeActionEmulator emulator)
    {
        switch (uses)
        {
            case Cache or CacheRestore:
            {
                var paths = Required(with, "path");
                var key = Required(with, "key");
                var restoreKeys = ActionsCacheService.SplitLines(with.GetValueOrDefault("restore-keys", ""));
                var (matched, exact, log) = emulator.CacheService.Restore(emulator.Workspace, paths, key, restoreKeys);
                var outputs = new Dictionary<string, string> { ["cache-hit"] = exact ? "true" : "false" };
                if (uses == CacheRestore)
                {
                    outputs["cache-primary-key"] = key;
                    outputs["cache-matched-key"] = matched ?? "";
                    return (0, log, outputs, null);
                }

                var post = new PostStep(uses, OnlyOnSuccess: true, _ => exact
                    ? (0, $"Cache hit occurred on the primary key {key}, not saving cache.")
                    : (0, emulator.CacheService.Save(emulator.Workspace, paths, key)));
                return (0, log, outputs, post);
            }

            case RunAndPostRun:
            {
                var (exitCode, log) = Commands(with.GetValueOrDefault("run", ""), environment, emulator);
                var postCommands = Required(with, "post");
                return (exitCode, log, new Dictionary<string, string>(), new PostStep(uses, OnlyOnSuccess: false, env => Commands(postCommands, env, emulator)));
            }

            default:
                throw new NotSupportedException($"uses: {uses} is not emulated (only {Cache}, {CacheRestore} and {RunAndPostRun}).");
        }
    }

    /// <summary>run-and-post-run: each non-empty line (a trailing '\' joins the next) through `bash -c`; a failure fails the step, the next lines still run.</summary>
    private static (int ExitCode, string Log) Commands(string text, IReadOnlyDictionary<string, string> environment, CompositeActionEmulator emulator)
    {
        var log = new System.Text.StringBuilder();
        var exitCode = 0;
        var joined = text.Replace("\\\n", " ", StringComparison.Ordinal);
        foreach (var command in joined.Split('\n').Where(c => c.Trim().Length > 0))
        {
            log.Append("$ ").Append(command).Append('\n');
            var result = ChildProcess.Run("bash", ["-c", command], emulator.Workspace, environment, emulator.StepTimeout);
            log.Append(result.StandardOutput).Append(result.StandardError);
            if (result.ExitCode != 0)
            {
                log.Append($"Command failed with exit code {result.ExitCode}\n");
                exitCode = 1;
            }
        }

        return (exitCode, log.ToString());
    }

    private static string Required(IReadOnlyDictionary<string, string> with, string name) =>
        with.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"Input required and not supplied: {name}");
}
