using System.Text;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// Runs a scenario on every installed toolchain (in parallel, bounded) and fails once, with every disagreement of
/// every toolchain in the message.
/// </summary>
internal static class ScenarioRunner
{
    // A Go run here is short, mostly kernel time with waits in between: on 2 cores, 16 concurrent sandboxes ran the
    // baseline fastest (measured: 4 → 1m46s, 8 → 1m26s, 16 → 54s, 32 → 1m00s, before telemetry was turned off).
    private static readonly SemaphoreSlim s_slots = new(Math.Max(4, Environment.ProcessorCount * 8));

    /// <param name="withCheck">False: assert real Go's behaviour only (the baseline); true: also run goenv-action check.</param>
    public static async Task AssertOnEveryToolchainAsync(Scenario scenario, bool withCheck, CancellationToken cancellationToken)
    {
        IReadOnlyList<GoToolchain> toolchains = GoToolchains.Require();
        if (withCheck)
        {
            // Publish (or fail with the publish output) once, before fanning out.
            _ = PublishedBinary.Path;
        }

        IEnumerable<GoToolchain> targets = scenario.ToolchainIndependent ? toolchains.Take(1) : toolchains;
        (GoToolchain Toolchain, string? Skipped, List<string> Problems)[] outcomes = await Task.WhenAll(
            targets.Select(t => RunOnAsync(scenario, t, withCheck, cancellationToken)));

        var report = new StringBuilder();
        foreach ((GoToolchain toolchain, string? skipped, List<string> problems) in outcomes)
        {
            foreach (string problem in problems)
            {
                report.AppendLine().Append("  [").Append(toolchain.Version).Append("] ").Append(problem).AppendLine();
            }
        }

        if (report.Length > 0)
        {
            Assert.Fail($"Scenario \"{scenario.Name}\" ({scenario.Variable}) disagrees on "
                + $"{outcomes.Count(o => o.Problems.Count > 0)} of {outcomes.Length} toolchain(s):" + report);
        }

        if (outcomes.All(o => o.Skipped is not null))
        {
            Assert.Inconclusive($"Scenario \"{scenario.Name}\" cannot run here: " + string.Join("; ", outcomes.Select(o => $"{o.Toolchain}: {o.Skipped}")));
        }
    }

    private static async Task<(GoToolchain, string?, List<string>)> RunOnAsync(
        Scenario scenario, GoToolchain toolchain, bool withCheck, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        string? skipped = scenario.NotApplicable(toolchain);
        if (skipped is not null || (!withCheck && scenario.GoCommand is null))
        {
            return (toolchain, skipped ?? "no real-Go side", problems);
        }

        await s_slots.WaitAsync(cancellationToken);
        try
        {
            await Task.Run(() => RunOn(scenario, toolchain, withCheck, problems), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add("the harness failed: " + ex);
        }
        finally
        {
            s_slots.Release();
        }

        return (toolchain, null, problems);
    }

    private static void RunOn(Scenario scenario, GoToolchain toolchain, bool withCheck, List<string> problems)
    {
        using GoSandbox sandbox = GoSandbox.Create(toolchain);
        scenario.Arrange(sandbox);

        // check first: it is the first step of the pipeline, and Go's own run may create directories
        // (module cache, build cache) that change what check sees.
        CheckRun? run = null;
        if (withCheck)
        {
            run = sandbox.RunCheck();
            GoEnvVerdict verdict = scenario.Check(toolchain, sandbox);
            if (verdict.Verify(run) is { } disagreement)
            {
                problems.Add(disagreement);
            }

            foreach (string secret in scenario.Secrets)
            {
                if (run.Process.Output.Contains(secret, StringComparison.Ordinal))
                {
                    problems.Add($"goenv-action check printed the secret \"{secret}\" (stdout or stderr); secrets must always be redacted.");
                }
            }
        }

        if (scenario.GoCommand is { } command)
        {
            if (scenario.Go is null)
            {
                throw new InvalidOperationException($"Scenario {scenario.Name} has a Go command but no expected outcome.");
            }

            ProcessResult go = sandbox.RunGo([.. command]);
            if (scenario.Go(toolchain).Verify(go) is { } disagreement)
            {
                problems.Add(disagreement);
            }

            if (scenario.QuotesGo && run is not null && go.ExitCode != 0 && run.QuotedGoTexts() is { } quotes && !quotes.Any(q => go.Output.Contains(q, StringComparison.Ordinal)))
            {
                problems.Add($"goenv-action's error quotes Go as {string.Join(" / ", quotes.Select(q => $"\"{q}\""))}, but real Go printed: " + go.Describe());
            }
        }
    }
}
