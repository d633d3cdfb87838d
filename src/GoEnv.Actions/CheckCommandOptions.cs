using System.CommandLine;
using GoEnv.Core;

namespace GoEnv.Actions;

/// <summary>The options every command that runs a check shares: --go, --strict, --timeout.</summary>
internal sealed class CheckCommandOptions
{
    private readonly Option<string?> _go = new("--go") { Description = "The go executable to check (default: the first go on PATH)." };
    private readonly Option<bool> _strict = new("--strict") { Description = "Fail (exit 1) on warnings too." };
    private readonly Option<string?> _config = new("--config") { Description = "The .goenv.yml policy to apply (default: found from the working directory up to the repository root)." };
    private readonly Option<double> _timeout = new("--timeout") { Description = "Seconds `go env` may take before it is stopped.", DefaultValueFactory = _ => 10 };

    public void AddTo(Command command)
    {
        command.Options.Add(_go);
        command.Options.Add(_strict);
        command.Options.Add(_timeout);
        command.Options.Add(_config);
    }

    /// <summary>--strict on the command line, else the policy's output.strict.</summary>
    public static bool Strict(CheckOptions options, CheckResult result) => options.Strict || result.Policy?.Strict == true;

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
        };
    }
}
