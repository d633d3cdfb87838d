namespace GoEnv.Core.Ci;

/// <summary>
/// One CI system's protocol: how a command's result reaches the log and the platform (annotations, summaries,
/// reports), and how a successful `pin` hands the environment to later steps. One class per CI, each fed the
/// environment it runs in, never the process's own.
/// </summary>
public abstract class CiProvider
{
    protected CiProvider(HostEnvironment host, CiSettings settings)
    {
        Host = host ?? throw new ArgumentNullException(nameof(host));
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    public abstract CiPlatform Platform { get; }

    protected HostEnvironment Host { get; }

    protected CiSettings Settings { get; }

    /// <summary>The directory report paths are relative to: the CI workspace, else the git work tree, else the working directory.</summary>
    public virtual string RepositoryRoot =>
        Git.GitFacts.FindWorkTreeRoot(Host.WorkingDirectory) ?? Host.WorkingDirectory;

    /// <summary>Whether the log renders ANSI colours.</summary>
    public abstract bool Color { get; }

    public static CiProvider Create(CiPlatform platform, HostEnvironment host, CiSettings settings) => platform switch
    {
        CiPlatform.GitHub => new GitHubProvider(host, settings),
        CiPlatform.GitLab => new GitLabProvider(host, settings),
        CiPlatform.Azure => new AzurePipelinesProvider(host, settings),
        _ => new PlainProvider(host, settings),
    };

    /// <summary>
    /// First output of a command once the secrets are known (GitHub: `::add-mask::` for each), before anything
    /// that could contain one is printed or exported.
    /// </summary>
    public virtual void Begin(Security.SecretRedactor redactor, TextWriter log)
    {
    }

    /// <summary>The check's findings: to the log, and to the platform's annotations, summaries and reports.</summary>
    public abstract void Report(CiRun run, TextWriter log);

    /// <summary>
    /// Hands a successful `pin` to later steps (GitHub: GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT). Called only after the
    /// check passed and the env file was written; returns what it told the user.
    /// </summary>
    public virtual void Export(CiRun run, TextWriter log)
    {
    }

    /// <summary>A failure before any check ran (no toolchain satisfies the version file, a bad option value).</summary>
    public virtual void Fail(string message, TextWriter log, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("goenv-action: " + LogText.Line(message));
    }

    /// <summary>`verify`: each drifted variable with its pinned and current value (redacted) and the file line.</summary>
    public virtual void ReportDrifts(string envFile, IReadOnlyList<Pinning.PinDrift> drifts, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(drifts);
        ArgumentNullException.ThrowIfNull(log);
        foreach (var drift in drifts)
        {
            log.WriteLine(LogText.Line(DriftMessage(envFile, drift)));
        }
    }

    /// <summary>"/w/goenv.env:7: GOFLAGS drifted: pinned '', now '-mod=mod'" (values are redacted by the verifier).</summary>
    protected static string DriftMessage(string envFile, Pinning.PinDrift drift)
    {
        ArgumentNullException.ThrowIfNull(drift);
        return $"{envFile}:{drift.Line}: {drift.Variable} drifted: pinned '{drift.Pinned}', now '{drift.Current}'";
    }

    /// <summary>
    /// The env file as this CI takes it: GitLab's dotenv limits, and the cache variables its `cache:` entries read
    /// (only when it is written as a GitLab dotenv report).
    /// </summary>
    /// <param name="keys">The cache keys when the CI caches (pin --cache), else null.</param>
    /// <param name="plan">What the CI caches in this job.</param>
    public virtual Pinning.PinnedEnvironment FitEnvFile(Pinning.PinnedEnvironment environment, Pinning.EnvFileFormat format, List<string> notes, Caching.CacheKeys? keys, Caching.CachePlan plan) => environment;
}
