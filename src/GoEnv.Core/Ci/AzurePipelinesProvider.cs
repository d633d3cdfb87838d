using System.Globalization;
using GoEnv.Core.Ci.Azure;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Findings;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci;

/// <summary>
/// Azure Pipelines (ci-protocols.md §4), detected by TF_BUILD=True: `task.setsecret` for every secret before anything
/// else, one `task.logissue` per error and warning (with file, line and column when the finding has them), the
/// details in a `##[group]`, a Markdown summary (`task.uploadsummary`); `pin` exports the pinned environment with
/// `task.setvariable` (for later steps, and as output variables for other jobs) and the pinned go's directory with
/// `task.prependpath`.
/// </summary>
/// <remarks>
/// The agent finds `##vso[` anywhere in a line of stdout or stderr: every line of untrusted text goes through
/// <see cref="LogText"/>, which breaks it, and our own commands escape their values (<see cref="AzureLoggingCommand"/>).
/// </remarks>
public sealed class AzurePipelinesProvider(HostEnvironment host, CiSettings settings) : CiProvider(host, settings)
{
    public override CiPlatform Platform => CiPlatform.Azure;

    /// <summary>The agent's log renders ANSI colours, but issues want plain text.</summary>
    public override bool Color => false;

    public override string RepositoryRoot => Host.GetNonEmpty("BUILD_SOURCESDIRECTORY") ?? base.RepositoryRoot;

    public override void Begin(Security.SecretRedactor redactor, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        ArgumentNullException.ThrowIfNull(log);

        // Masks apply from the moment the agent reads them, to this step and the later ones.
        foreach (var secret in redactor.Secrets.Where(s => !string.IsNullOrWhiteSpace(s)))
        {
            log.WriteLine(AzureLoggingCommand.Format("task.setsecret", [], secret));
        }
    }

    public override void Report(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var finding in run.Check.Findings.Where(f => f.Severity != Severity.Notice).OrderByDescending(f => f.Severity))
        {
            log.WriteLine(Issue(finding));
        }

        log.WriteLine("##[group]goenv " + LogText.Line(run.Command) + ": details");
        var report = TextReport.Render(run.Check, color: false, run.Strict);
        foreach (var line in report.TrimEnd('\n').Split('\n'))
        {
            log.WriteLine(line);
        }

        log.WriteLine("##[endgroup]");
        log.WriteLine(report.TrimEnd('\n').Split('\n')[^1]);

        if (Host.GetNonEmpty("AGENT_TEMPDIRECTORY") is { } temp && Path.IsPathFullyQualified(temp) && Directory.Exists(temp))
        {
            // The job summary tab renders Markdown: the same summary as GitHub's, from a file the agent uploads.
            var path = Path.Combine(temp, $"goenv-{run.Command}-summary.md");
            Pinning.AtomicFile.Write(path, System.Text.Encoding.UTF8.GetBytes(GitHubStepSummary.Render(run, run.Strict)));
            log.WriteLine(AzureLoggingCommand.Format("task.uploadsummary", [], path));
        }
    }

    public override void Export(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        var pin = run.Pin ?? throw new InvalidOperationException("Export needs a successful pin.");
        foreach (var (name, value) in pin.Environment.Variables)
        {
            RequireOneLine(name, value);
        }

        foreach (var (name, value) in pin.Environment.Variables)
        {
            // For the later steps of this job (as environment variables), and as an output variable for other jobs
            // (dependencies.<job>.outputs['<step>.<NAME>']). Never secret: credentials are not pinned.
            log.WriteLine(SetVariable(name, value, output: false));
            log.WriteLine(SetVariable(name, value, output: true));
        }

        log.WriteLine(AzureLoggingCommand.Format("task.prependpath", [], pin.GoBinDirectory));
        foreach (var (name, value) in GitHubProvider.Outputs(run, pin).Where(o => o.Key != "env-json"))
        {
            log.WriteLine(SetVariable("goenv_" + name.Replace('-', '_'), value.Replace('\n', ' '), output: true));
        }

        log.WriteLine($"exported {pin.Environment.Variables.Count} variables (task.setvariable) and {LogText.Line(pin.GoBinDirectory)} (task.prependpath).");
    }

    public override void Fail(string message, TextWriter log, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.WriteLine(AzureLoggingCommand.Format("task.logissue", [new("type", "error"), new("code", "goenv-action")], LogText.Escape(message)));
    }

    public override void ReportDrifts(string envFile, IReadOnlyList<Pinning.PinDrift> drifts, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(drifts);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var drift in drifts)
        {
            log.WriteLine(AzureLoggingCommand.Format(
                "task.logissue",
                [new("type", "error"), new("sourcepath", envFile), new("linenumber", drift.Line.ToString(CultureInfo.InvariantCulture)), new("code", "GoEnv pin drift")],
                LogText.Escape(DriftMessage(envFile, drift))));
        }
    }

    private static string Issue(Finding finding)
    {
        var hasFile = !string.IsNullOrEmpty(finding.File) && Path.IsPathFullyQualified(finding.File);
        return AzureLoggingCommand.Format(
            "task.logissue",
            [
                new("type", finding.Severity == Severity.Error ? "error" : "warning"),
                new("sourcepath", hasFile ? finding.File : null),
                new("linenumber", hasFile && finding.Line > 0 ? finding.Line.ToString(CultureInfo.InvariantCulture) : null),
                new("columnnumber", hasFile && finding.Column > 0 ? finding.Column.ToString(CultureInfo.InvariantCulture) : null),
                new("code", finding.RuleId),
            ],
            LogText.Escape(ReportText.FindingText(finding)));
    }

    private static string SetVariable(string name, string value, bool output) =>
        AzureLoggingCommand.Format(
            "task.setvariable",
            [new("variable", name), new("isoutput", output ? "true" : "false"), new("issecret", "false"), new("isreadonly", "false")],
            value);

    /// <summary>A pinned value the agent would turn into several lines (it decodes %0A) is refused: no Go setting needs one.</summary>
    private static void RequireOneLine(string name, string value)
    {
        if (value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
        {
            throw new ExportRefusedException($"{name}: a value with a line break cannot be set as a pipeline variable; nothing was exported.");
        }
    }
}
