using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci;

/// <summary>
/// GitHub Actions (ci-protocols.md §2): secrets masked first, one annotation per finding (10 per type), the
/// details in a group, a job summary; `pin` exports through GITHUB_ENV, GITHUB_PATH and GITHUB_OUTPUT.
/// </summary>
/// <remarks>
/// Workflow commands go to stdout only; every line of untrusted text is printed through <see cref="LogText"/>
/// (the runner reads stdout and stderr for commands). The runner applies file commands even when the step fails,
/// so nothing is appended to them unless the check passed and the env file was written.
/// </remarks>
public sealed class GitHubProvider(HostEnvironment host, CiSettings settings) : CiProvider(host, settings)
{
    public override CiPlatform Platform => CiPlatform.GitHub;

    /// <summary>The runner renders ANSI colours, but problem matchers and annotations want plain lines.</summary>
    public override bool Color => false;

    public override string RepositoryRoot => Host.GetNonEmpty("GITHUB_WORKSPACE") ?? base.RepositoryRoot;

    public override void Begin(Security.SecretRedactor redactor, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(log);

        // Masks are job-wide and cover later steps' env headers, where exported values are echoed. The redactor
        // only learns secrets long enough not to mask ordinary words (a masked "go" would garble every log).
        foreach (var secret in redactor.Secrets)
        {
            if (!string.IsNullOrWhiteSpace(secret))
            {
                log.WriteLine(GitHubCommand.AddMask(secret));
            }
        }
    }

    public override void Fail(string message, TextWriter log, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.WriteLine(GitHubCommand.Format("error", [new("title", "goenv-action")], message));
    }

    public override void ReportDrifts(string envFile, IReadOnlyList<Pinning.PinDrift> drifts, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(drifts);
        ArgumentNullException.ThrowIfNull(log);
        var relative = ReportText.RepositoryRelative(envFile, RepositoryRoot);
        foreach (var drift in drifts)
        {
            log.WriteLine(GitHubCommand.Format(
                "error",
                [new("file", relative), new("line", relative is null ? null : drift.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("title", "GoEnv pin drift: " + drift.Variable)],
                DriftMessage(envFile, drift)));
        }
    }

    public override void Report(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        var batch = GitHubAnnotations.Render(run.Check.Findings, RepositoryRoot);
        foreach (var line in batch.Lines)
        {
            log.WriteLine(line);
        }

        if (batch.NotAnnotated > 0)
        {
            log.WriteLine($"{batch.NotAnnotated} more finding(s) were not annotated (GitHub keeps 10 per type per step); all are in the details below and in the job summary.");
        }

        log.WriteLine(GitHubCommand.Group("goenv " + run.Command + ": details"));
        var report = TextReport.Render(run.Check, color: false, run.Strict);
        log.Write(report);
        log.WriteLine(GitHubCommand.EndGroup);
        log.WriteLine(report.TrimEnd('\n').Split('\n')[^1]);

        if (Host.GetNonEmpty("GITHUB_STEP_SUMMARY") is { } summary && File.Exists(summary))
        {
            try
            {
                GitHubStepSummary.Append(summary, GitHubStepSummary.Render(run, run.Strict));
            }
            catch (GitHubFileCommandException e)
            {
                // Other steps filled the summary file: the runner would drop all of it, so ours is left out.
                log.WriteLine("goenv: no job summary: " + LogText.Line(e.Message));
            }
        }
    }

    public override void Export(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        var pin = run.Pin ?? throw new InvalidOperationException("Export needs a successful pin.");
        var variables = pin.Environment.Variables.ToList();
        var outputs = Outputs(run, pin);

        // Each file is validated whole before its one write; the env goes first (the reason to run pin), the
        // outputs last (they describe what was exported).
        var exported = new List<string>();
        if (Host.GetNonEmpty("GITHUB_ENV") is { } env)
        {
            GitHubFileCommands.AppendEnv(env, variables);
            exported.Add($"{variables.Count} variables to GITHUB_ENV");
        }

        if (Host.GetNonEmpty("GITHUB_PATH") is { } path)
        {
            GitHubFileCommands.AppendPath(path, [pin.GoBinDirectory]);
            exported.Add(LogText.Line(pin.GoBinDirectory) + " to GITHUB_PATH");
        }

        if (Host.GetNonEmpty("GITHUB_OUTPUT") is { } output)
        {
            GitHubFileCommands.AppendOutputs(output, outputs);
            exported.Add($"{outputs.Count} step outputs");
        }

        log.WriteLine(exported.Count == 0
            ? "GITHUB_ENV, GITHUB_PATH and GITHUB_OUTPUT are not set: nothing was exported (is this a GitHub Actions step?)."
            : "exported " + string.Join(", ", exported) + ".");
    }

    /// <summary>The step outputs action.yml maps to the action's outputs.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Outputs(CiRun run, PinOutcome pin)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(pin);
        string Pinned(string name) => pin.Environment.Variables.TryGetValue(name, out var v) ? v : "";
        var version = pin.Environment.GoVersion.StartsWith("go", StringComparison.Ordinal) ? pin.Environment.GoVersion[2..] : pin.Environment.GoVersion;
        return
        [
            new("go-version", version),
            new("goroot", Pinned(GoVariableNames.GoRoot)),
            new("gopath", Pinned(GoVariableNames.GoPath)),
            new("gocache", Pinned(GoVariableNames.GoCache)),
            new("gomodcache", Pinned(GoVariableNames.GoModCache)),
            new("env-file", pin.EnvFilePath),
            new("cache-key", pin.Keys.Build),
            new("cache-key-modules", pin.Keys.Modules),
            // actions/cache takes restore-keys as one prefix per line.
            new("restore-keys", string.Join('\n', pin.Keys.BuildRestoreKeys)),
            new("restore-keys-modules", string.Join('\n', pin.Keys.ModulesRestoreKeys)),
            // What action.yml's cache steps do in this job (CachePlanner).
            new("cache-modules", pin.Cache.Modules ? "true" : "false"),
            new("cache-build", pin.Cache.Build ? "true" : "false"),
            new("cache-save", pin.Cache.Save ? "true" : "false"),
            new("env-json", EnvJson(pin.Environment)),
        ];
    }

    private static string EnvJson(Pinning.PinnedEnvironment environment)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in environment.Variables)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
