using GoEnv.Core.Caching;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Findings;
using GoEnv.Core.Pinning;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Ci;

/// <summary>
/// GitLab CI (ci-protocols.md §3): the findings coloured in the job log with the details in a collapsible
/// section, a Code Quality report, and for `pin` an env file GitLab accepts as a dotenv report. GitLab has no
/// runtime masking, so everything printed or written is redacted by us (findings and values already are).
/// </summary>
public sealed class GitLabProvider(HostEnvironment host, CiSettings settings) : CiProvider(host, settings)
{
    public override CiPlatform Platform => CiPlatform.GitLab;

    /// <summary>GitLab's log renders SGR colours (not 24-bit), whatever the terminal says.</summary>
    public override bool Color => true;

    public override string RepositoryRoot => Host.GetNonEmpty("CI_PROJECT_DIR") ?? base.RepositoryRoot;

    public override void Report(CiRun run, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(log);
        var section = "goenv_" + run.Command;
        log.Write(GitLabSections.Start(section, "goenv " + run.Command + ": details", Settings.Clock().ToUnixTimeSeconds()));
        var report = TextReport.Render(run.Check, Color, run.Strict);
        log.Write(report);
        log.Write(GitLabSections.End(section, Settings.Clock().ToUnixTimeSeconds()));

        foreach (var finding in run.Check.Findings.Where(f => f.Severity != Severity.Notice))
        {
            log.WriteLine(GitLabAnsi.Paint(finding.RuleId, finding.Severity) + " " + (finding.Variable ?? "") + ": " + LogText.Line(finding.Message));
        }

        // The report's own verdict line, once more after the collapsed section: one wording everywhere.
        log.WriteLine(report.TrimEnd('\n').Split('\n')[^1]);

        var reportPath = Path.GetFullPath(Settings.CodeQualityReport, Host.WorkingDirectory);
        var fallback = Host.GetNonEmpty("CI_CONFIG_PATH") ?? ".gitlab-ci.yml";
        AtomicFile.Write(reportPath, CodeQualityReport.Render(run.Check.Findings, RepositoryRoot, fallback));
        log.WriteLine("Code Quality report: " + LogText.Line(run.Check.Snapshot.Redactor.Redact(reportPath)));
    }

    public override PinnedEnvironment FitEnvFile(PinnedEnvironment environment, EnvFileFormat format, List<string> notes, CacheKeys? keys, CachePlan plan)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(plan);
        if (format != EnvFileFormat.Dotenv)
        {
            return environment;
        }

        if (keys is not null)
        {
            environment = GitLabCacheVariables.Add(environment, keys, plan, Host.GetNonEmpty("CI_PROJECT_DIR"), notes);
        }

        var fit = DotenvBudget.Fit(environment, Settings.DotenvMaxVariables);
        notes.AddRange(fit.Notes);
        return fit.Environment;
    }
}
