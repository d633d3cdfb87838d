using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Ci;
using GoEnv.Core.Discovery;
using GoEnv.Core.Reporting;
using GoEnv.Core.Rules;

namespace GoEnv.Actions;

/// <summary>The `goenv-action` CLI: maps arguments to Core calls and renders the results. No Go knowledge here.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var os = OperatingSystem.IsWindows() ? HostOs.Windows : OperatingSystem.IsMacOS() ? HostOs.MacOS : HostOs.Linux;
        var host = new HostEnvironment(
            HostEnvironment.ProcessVariables(System.Environment.GetEnvironmentVariables(), System.Environment.GetEnvironmentVariable, os),
            Directory.GetCurrentDirectory(),
            os);
        var (runner, moduleTree) = Prestart(args, host);
        var color = !Console.IsOutputRedirected && string.IsNullOrEmpty(host.Get("NO_COLOR")) && host.Get("TERM") != "dumb";
        return Run(args, Console.Out, Console.Error, host, color, runner, moduleTree);
    }

    /// <summary>
    /// `go env` is most of a check's time: start it now, and while it runs build the rule tables of the release its
    /// VERSION file names, read the module tree the check will read (<see cref="ModuleTreeFiles.Prefetch"/>) and parse
    /// the command line.
    /// Only for the plain forms whose probe is certain (`check|pin|verify`, at most `--go PATH`, no `--timeout`,
    /// no `--go-version-file`); anything else, or a guess that turns out different, runs the probe normally.
    /// </summary>
    private static (IProcessRunner Runner, ModuleTreeFiles ModuleTree) Prestart(string[] args, HostEnvironment host)
    {
        if (args.Length == 0 || args[0] is not ("check" or "pin" or "verify") || args.Any(a => a.StartsWith("--timeout", StringComparison.Ordinal) || a.StartsWith("--go-version-file", StringComparison.Ordinal)))
        {
            return (ProcessRunner.Instance, ModuleTreeFiles.Direct);
        }

        var at = Array.IndexOf(args, "--go");
        if (args.Any(a => a.StartsWith("--go=", StringComparison.Ordinal)) || at == args.Length - 1)
        {
            return (ProcessRunner.Instance, ModuleTreeFiles.Direct);
        }

        var go = at > 0 ? args[at + 1] : null;
        var request = SnapshotBuilder.PredictProbe(host, go, TimeSpan.FromSeconds(CheckCommandOptions.DefaultTimeoutSeconds));
        if (request is null)
        {
            return (ProcessRunner.Instance, ModuleTreeFiles.Direct);
        }

        var runner = new PrestartedProcessRunner(ProcessRunner.Instance, request);
        // The go the request names, so its PATH lookup is not done a second time.
        GoEnvChecker.Prepare(SnapshotBuilder.PredictVersion(host, request.FileName));
        var moduleTree = ModuleTreeFiles.Prefetch(host);
        return (runner, moduleTree);
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, HostEnvironment host, bool color, IProcessRunner? processRunner = null, ModuleTreeFiles? moduleTree = null)
    {
        var root = BuildCommands(stdout, stderr, host, color, processRunner ?? ProcessRunner.Instance, moduleTree ?? ModuleTreeFiles.Direct);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("goenv-action: " + error.Message);
            }

            stderr.WriteLine("Run 'goenv-action --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine("goenv-action: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine("goenv-action: internal error: " + e.GetType().Name + ": " + e.Message);
            return ExitCodes.InternalFailure;
        }
    }

    /// <summary>The tool's version, e.g. "0.1.0" (Directory.Build.props).</summary>
    public static string ToolVersion => typeof(Program).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private static RootCommand BuildCommands(TextWriter stdout, TextWriter stderr, HostEnvironment host, bool color, IProcessRunner processRunner, ModuleTreeFiles moduleTree)
    {
        var common = new CheckCommandOptions(processRunner, moduleTree);
        var formatOption = new Option<string>("--format") { Description = "Output: text, json, sarif, or the CI protocol github|gitlab (default: the detected CI, else text).", DefaultValueFactory = _ => "auto" };
        formatOption.AcceptOnlyFromAmong("auto", "text", "json", "sarif", "github", "gitlab");
        var check = new Command("check", "Find every problem in the Go environment before Go does.") { formatOption };
        common.AddTo(check);
        check.SetAction(parse =>
        {
            var options = common.Read(parse);
            var result = GoEnvChecker.Check(host, options);
            // The policy's output.format is the default; --format on the command line wins.
            var format = parse.GetResult(formatOption) is { Implicit: false } ? parse.GetValue(formatOption)! : result.Policy?.OutputFormat ?? "auto";
            var failed = result.Failed(options.Strict) ? ExitCodes.Failed : ExitCodes.Ok;
            var platform = common.ExplicitCi(parse) is { } ci ? CiDetector.Resolve(ci, host) : format switch
            {
                "github" => CiPlatform.GitHub,
                "gitlab" => CiPlatform.GitLab,
                "text" => CiPlatform.None,
                _ => CiDetector.Detect(host),
            };
            var provider = common.Provider(parse, host, platform, color);
            if (format is "json" or "sarif")
            {
                // A document on stdout is the whole output: no workflow commands mixed into it.
                stdout.Write(format == "json" ? JsonReport.Render(result) : SarifReport.Render(result, provider.RepositoryRoot, ToolVersion));
                return failed;
            }

            provider.Begin(result.Snapshot.Redactor, stdout);
            provider.Report(new CiRun("check", result, null) { Strict = options.Strict }, stdout);
            return failed;
        });

        var idArgument = new Argument<string?>("rule") { Description = "A rule id, e.g. GOENV0052.", Arity = ArgumentArity.ZeroOrOne };
        var allOption = new Option<bool>("--all") { Description = "Every rule." };
        var markdownOption = new Option<bool>("--markdown") { Description = "With --all: the docs/rules.md page." };
        var explain = new Command("explain", "Explain a rule: what Go does, and how to fix it.") { idArgument, allOption, markdownOption };
        explain.SetAction(parse =>
        {
            var id = parse.GetValue(idArgument);
            if (parse.GetValue(allOption))
            {
                stdout.Write(parse.GetValue(markdownOption) ? RuleDocs.Markdown() : string.Join("\n", RuleCatalog.All.Select(RuleDocs.Explain)));
                return ExitCodes.Ok;
            }

            if (id is null)
            {
                throw new UsageException("explain needs a rule id (e.g. GOENV0052) or --all");
            }

            var rule = RuleCatalog.Find(id) ?? throw new UsageException($"no rule {id}; `goenv-action explain --all` lists them");
            stdout.Write(RuleDocs.Explain(rule));
            return ExitCodes.Ok;
        });

        return new RootCommand("goenv-action: validate and pin the Go environment of a CI pipeline.")
        {
            check, PinCommands.Pin(stdout, stderr, host, color, common), PinCommands.Verify(stdout, stderr, host, common),
            CacheCommands.Cache(stdout, host, processRunner), explain,
        };
    }
}
