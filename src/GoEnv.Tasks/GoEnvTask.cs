using System.Globalization;
using GoEnv.Core;
using Microsoft.Build.Framework;

namespace GoEnv.Tasks;

/// <summary>
/// What <see cref="GoEnvCheck"/> and <see cref="GoEnvPin"/> share: the inputs of a check, the resolved values they
/// output, and the check itself, run once per build for a working directory and handed to the next task.
/// </summary>
public abstract class GoEnvTask : Microsoft.Build.Utilities.Task
{
    /// <summary>Where go.mod/go.work and .goenv.yml are searched from (upwards), as `go` would run there.</summary>
    [Required]
    public string WorkingDirectory { get; set; } = "";

    /// <summary>The go executable to examine; empty: the first go on PATH.</summary>
    public string? GoExecutable { get; set; }

    /// <summary>The .goenv.yml to apply; empty: found from the working directory up to the repository root.</summary>
    public string? ConfigFile { get; set; }

    /// <summary>Warnings fail the task too (the policy's output.strict does the same).</summary>
    public bool FailOnWarning { get; set; }

    /// <summary>
    /// Where diagnostics without a file of their own are reported (a variable set in the process environment, a pin
    /// that could not be written): the project being built. Default: the file that holds the task (a .targets file).
    /// </summary>
    public string? ProjectFullPath { get; set; }

    /// <summary>
    /// The PackageReference (or GlobalPackageReference) items of GoEnv.Tasks: their DefiningProjectFullPath names the
    /// file whose reference line diagnostics without a file of their own point at.
    /// </summary>
    public ITaskItem[] PackageReferences { get; set; } = [];

    private DiagnosticLocation? _diagnostics;

    /// <summary>Seconds `go env` may take before it is stopped.</summary>
    public int TimeoutSeconds { get; set; } = 10;

    [Output]
    public string GoRoot { get; protected set; } = "";

    [Output]
    public string GoPath { get; protected set; } = "";

    [Output]
    public string GoCache { get; protected set; } = "";

    [Output]
    public string GoModCache { get; protected set; } = "";

    [Output]
    public string GoFlags { get; protected set; } = "";

    /// <summary>The go executable examined (for GoEnvPin: the pinned GOROOT's go).</summary>
    [Output]
    public string GoExe { get; protected set; } = "";

    /// <summary>GOVERSION, e.g. go1.22.12.</summary>
    [Output]
    public string GoVersion { get; protected set; } = "";

    /// <summary>The environment to check instead of the process's (tests); null: the MSBuild process environment.</summary>
    internal IReadOnlyDictionary<string, string>? ProcessEnvironment { get; set; }

    /// <summary>
    /// The check for these inputs: the one an earlier task of this build already ran (<paramref name="fresh"/> false,
    /// its findings are logged), else a new one.
    /// </summary>
    private protected CheckResult RunCheck(out bool fresh)
    {
        var workingDirectory = Path.GetFullPath(WorkingDirectory);
        var options = Options();
        var key = string.Join('\n', "GoEnv.Tasks.Check", workingDirectory, options.GoExecutable, options.PolicyFile, options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
        var engine = BuildEngine as IBuildEngine4;
        if (engine?.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is CheckResult cached)
        {
            fresh = false;
            SetResolvedValues(cached.Snapshot);
            return cached;
        }

        var result = GoEnvChecker.Check(Host(), options);
        engine?.RegisterTaskObject(key, result, RegisteredTaskObjectLifetime.Build, allowEarlyCollection: true);
        fresh = true;
        SetResolvedValues(result.Snapshot);
        return result;
    }

    /// <summary>The environment the check sees: the MSBuild process's (or the test's), from the working directory.</summary>
    private protected HostEnvironment Host() => new(Variables(), Path.GetFullPath(WorkingDirectory), CurrentOs());

    /// <summary>The check's options from the task's parameters.</summary>
    private protected CheckOptions Options()
    {
        var workingDirectory = Path.GetFullPath(WorkingDirectory);
        return new CheckOptions
        {
            GoExecutable = string.IsNullOrWhiteSpace(GoExecutable) ? null : GoExecutable,
            PolicyFile = string.IsNullOrWhiteSpace(ConfigFile) ? null : Path.GetFullPath(ConfigFile, workingDirectory),
            Strict = FailOnWarning,
            Timeout = TimeSpan.FromSeconds(TimeoutSeconds is > 0 and <= 3600 ? TimeoutSeconds : 10),
        };
    }

    private protected DiagnosticLocation Diagnostics => _diagnostics ??= DiagnosticLocation.Find(
        PackageReferences.Select(r => r.GetMetadata("DefiningProjectFullPath")).FirstOrDefault(f => !string.IsNullOrEmpty(f)),
        string.IsNullOrEmpty(ProjectFullPath) ? BuildEngine?.ProjectFileOfTaskNode : ProjectFullPath);

    /// <summary>The check fails: any error, or a warning with FailOnWarning or the policy's output.strict.</summary>
    private protected bool Failed(CheckResult result) => result.Failed(FailOnWarning);

    private protected void SetResolvedValues(GoSnapshot snapshot)
    {
        GoRoot = snapshot.Value(GoVariableNames.GoRoot);
        GoPath = snapshot.Value(GoVariableNames.GoPath);
        GoCache = snapshot.Value(GoVariableNames.GoCache);
        GoModCache = snapshot.Value(GoVariableNames.GoModCache);
        GoFlags = snapshot.Value(GoVariableNames.GoFlags);
        GoExe = snapshot.Go?.Path ?? "";
        GoVersion = snapshot.VersionText;
    }

    private IEnumerable<KeyValuePair<string, string>> Variables() =>
        ProcessEnvironment ?? HostEnvironment.ProcessVariables(Environment.GetEnvironmentVariables(), Environment.GetEnvironmentVariable, CurrentOs());

    private protected static HostOs CurrentOs() =>
        OperatingSystem.IsWindows() ? HostOs.Windows : OperatingSystem.IsMacOS() ? HostOs.MacOS : HostOs.Linux;
}
