using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Ci;

namespace GoEnv.Actions;

/// <summary>The options every command that runs a check shares: --go, --strict, --timeout, --config, --ci, --codequality-report.</summary>
internal sealed class CheckCommandOptions(Core.Discovery.IProcessRunner processRunner, Core.Discovery.ModuleTreeFiles moduleTree)
{
    /// <summary>The default `--timeout`, in seconds.</summary>
    public const double DefaultTimeoutSeconds = 10;

    private readonly Option<string?> _go = new("--go") { Description = "The go executable to check (default: the first go on PATH)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Fail (exit 1) on warnings too." };
    private readonly Option<string?> _config = new("--config") { Description = "The .goenv.yml policy to apply (default: found from the working directory up to the repository root)." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds `go env` may take before it is stopped.", DefaultValueFactory = _ => DefaultTimeoutSeconds };
    private readonly Option<string> _ci = CiOption();
    private readonly Option<string> _codeQuality = new("--codequality-report") { Description = "GitLab: the Code Quality report to write.", DefaultValueFactory = _ => "goenv-codequality.json" };

    public void AddTo(Command command)
    {
        command.Options.Add(_go);
        command.Options.Add(_strict);
        command.Options.Add(_timeout);
        command.Options.Add(_config);
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

    public CheckOptions Read(ParseResult parse)
    {
        var timeout = parse.GetValue(_timeout);
        if (!(timeout > 0) || timeout > 3600)
        {
            throw new UsageException($"--timeout must be a number of seconds between 0 and 3600, not {timeout}");
        }

        return new CheckOptions
        {
            GoExecutable = parse.GetValue(_go),
            Timeout = TimeSpan.FromSeconds(timeout),
            Strict = parse.GetValue(_strict),
            PolicyFile = parse.GetValue(_config),
            ProcessRunner = processRunner,
            ModuleTree = moduleTree,
        };
    }
}
