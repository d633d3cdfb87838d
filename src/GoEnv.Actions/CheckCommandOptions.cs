using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Ci;

namespace GoEnv.Actions;

/// <summary>The options every command that runs a check shares: --go, --strict, --timeout, --config, --probe (with its limits), --ci, --codequality-report.</summary>
internal sealed class CheckCommandOptions(Core.Discovery.IProcessRunner processRunner, Core.Discovery.ModuleTreeFiles moduleTree)
{
    /// <summary>The default `--timeout`, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 10;

    private readonly Option<string?> _go = new("--go") { Description = "The go executable to check (default: the first go on PATH)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Fail (exit 1) on warnings too." };
    private readonly Option<string?> _config = new("--config") { Description = "The .goenv.yml policy to apply (default: found from the working directory up to the repository root)." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds `go env` may take before it is stopped.", DefaultValueFactory = _ => DefaultTimeoutSeconds };
    private readonly Option<bool> _probe = new("--probe") { Description = "Ask for real (go mod download, terminal prompts off, a scratch module cache) whether each private module the build must fetch can be fetched. Off by default: the check uses no network. pin asks anyway where the credentials are not visible." };
    private readonly Option<double> _probeTimeout = new("--probe-timeout") { Description = "Seconds each probe may take before it is stopped.", DefaultValueFactory = _ => Core.Discovery.FetchProbeOptions.DefaultPerProbe.TotalSeconds };
    private readonly Option<double> _probeBudget = new("--probe-budget") { Description = "Seconds all probes together may take; those that no longer fit are not run.", DefaultValueFactory = _ => Core.Discovery.FetchProbeOptions.DefaultBudget.TotalSeconds };
    private readonly Option<string> _ci = CiOption();
    private readonly Option<string> _codeQuality = new("--codequality-report") { Description = "GitLab: the Code Quality report to write.", DefaultValueFactory = _ => "goenv-codequality.json" };

    public void AddTo(Command command)
    {
        command.Options.Add(_go);
        command.Options.Add(_strict);
        command.Options.Add(_timeout);
        command.Options.Add(_config);
        command.Options.Add(_probe);
        command.Options.Add(_probeTimeout);
        command.Options.Add(_probeBudget);
        command.Options.Add(_ci);
        command.Options.Add(_codeQuality);
    }

    public static Option<string> CiOption()
    {
        var ci = new Option<string>("--ci") { Description = "The CI protocol to speak (default: detected from GITHUB_ACTIONS / GITLAB_CI / TF_BUILD).", DefaultValueFactory = _ => "auto" };
        ci.AcceptOnlyFromAmong([.. CiDetector.Words]);
        return ci;
    }

    /// <summary>The `--ci` word given on the command line, or null when it was left to detection.</summary>
    public string? ExplicitCi(ParseResult parse) => parse.GetResult(_ci) is { Implicit: false } ? parse.GetValue(_ci) : null;

    public CiProvider Provider(ParseResult parse, HostEnvironment host, CiPlatform platform, bool terminalColor, int dotenvMaxVariables = 20) =>
        CiProvider.Create(platform, host, new CiSettings
        {
            CodeQualityReport = parse.GetValue(_codeQuality)!,
            TerminalColor = terminalColor,
            DotenvMaxVariables = dotenvMaxVariables,
        });

    public CiPlatform Platform(ParseResult parse, HostEnvironment host) => CiDetector.Resolve(parse.GetValue(_ci), host);

    /// <summary>The check's options; <paramref name="probeWhereUncertain"/>: without --probe, still probe where credentials are not visible (pin's promise).</summary>
    public CheckOptions Read(ParseResult parse, bool probeWhereUncertain = false)
    {
        var timeout = Seconds(parse, _timeout);
        var probeTimeout = Seconds(parse, _probeTimeout);
        var probeBudget = Seconds(parse, _probeBudget);

        return new CheckOptions
        {
            GoExecutable = parse.GetValue(_go),
            Timeout = timeout,
            Strict = parse.GetValue(_strict),
            PolicyFile = parse.GetValue(_config),
            ProcessRunner = processRunner,
            ModuleTree = moduleTree,
            FetchProbe = parse.GetValue(_probe) || probeWhereUncertain ? new Core.Discovery.FetchProbeOptions(parse.GetValue(_probe), probeTimeout, probeBudget) : null,
        };
    }

    private static TimeSpan Seconds(ParseResult parse, Option<double> option)
    {
        var seconds = parse.GetValue(option);
        return seconds > 0 && seconds <= 3600 ? TimeSpan.FromSeconds(seconds) : throw new UsageException($"{option.Name} must be a number of seconds between 0 and 3600, not {seconds}");
    }
}
