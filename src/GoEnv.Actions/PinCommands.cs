using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Caching;
using GoEnv.Core.Pinning;
using GoEnv.Core.Policy;
using GoEnv.Core.Toolchains;
using GoEnv.Core.Reporting;

namespace GoEnv.Actions;

/// <summary>`pin` and `verify`: write the validated environment to a file, and compare a later step with it.</summary>
internal static class PinCommands
{
    // The words of the cache options and what they mean, the first of each the default.
    private static readonly OrderedDictionary<string, CacheMode> s_cacheModes = new()
    {
        ["false"] = CacheMode.Off, ["true"] = CacheMode.All, ["modules"] = CacheMode.Modules, ["build"] = CacheMode.Build,
    };

    private static readonly OrderedDictionary<string, CacheSavePolicy> s_cacheSavePolicies = new()
    {
        ["default-branch"] = CacheSavePolicy.DefaultBranch, ["always"] = CacheSavePolicy.Always, ["never"] = CacheSavePolicy.Never,
    };

    private static readonly OrderedDictionary<string, ModulesKeyScope> s_modulesKeyScopes = new()
    {
        ["repository"] = ModulesKeyScope.Repository, ["module"] = ModulesKeyScope.Module, ["go-sum-glob"] = ModulesKeyScope.GoSumGlob,
    };

    public static Command Pin(TextWriter stdout, TextWriter stderr, HostEnvironment host, bool color, CheckCommandOptions common)
    {
        var envFile = new Option<string>("--env-file") { Description = "The file to write.", DefaultValueFactory = _ => "goenv.env" };
        var format = FormatOption();
        var summary = new Option<string>("--summary") { Description = "How to print what was pinned and the cache keys.", DefaultValueFactory = _ => "text" };
        summary.AcceptOnlyFromAmong("text", "json");
        var versionFile = new Option<string?>("--go-version-file") { Description = "go.mod, go.work, .go-version or .tool-versions: pin the best installed Go that satisfies it." };
        var toolchain = new Option<string?>("--toolchain") { Description = "The GOTOOLCHAIN to pin: local (default), auto, path, or a toolchain such as go1.22.3 (overrides the policy's go.toolchain)." };
        var dotenvLimit = new Option<int>("--dotenv-max-variables") { Description = "GitLab: the dotenv variable limit of the instance (20 self-managed default; 50/100/150 on GitLab.com).", DefaultValueFactory = _ => DotenvBudget.DefaultMaxVariables };
        var modulesKey = Choice("--modules-key", "The go.sum files the cache keys cover: repository (every module of the repository), module (the module or its go.work only), go-sum-glob (every go.sum, as hashFiles('**/go.sum')).", s_modulesKeyScopes);
        var cache = Choice("--cache", "Which caches the CI restores and saves (step outputs cache-modules/cache-build/cache-save): true (both), modules, build, false.", s_cacheModes);
        var cacheSave = Choice("--cache-save", "Which jobs save the caches: default-branch (pushes to the default branch), always, never.", s_cacheSavePolicies);
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Pin Go's default caches under this directory (GOCACHE=DIR/go-build, GOMODCACHE=DIR/mod); caches set by the user stay." };
        var pin = new Command("pin", "Check, then write the pinned Go environment for later steps (nothing is written when the check fails).") { envFile, format, versionFile, toolchain, summary, dotenvLimit, modulesKey, cache, cacheSave, cacheDir };
        common.AddTo(pin);
        pin.SetAction(parse =>
        {
            // A pin is a promise: where a check can only guess whether git has credentials, pin asks for real.
            var options = common.Read(parse, probeWhereUncertain: true);
            var limit = parse.GetValue(dotenvLimit);
            if (limit is < 1 or > 10_000)
            {
                throw new UsageException($"--dotenv-max-variables must be between 1 and 10000, not {limit}");
            }

            var wantedToolchain = parse.GetValue(toolchain);
            if (wantedToolchain is not null && GoToolchainSetting.Parse(wantedToolchain, out var toolchainError) is null)
            {
                throw new UsageException($"--toolchain {wantedToolchain}: {toolchainError}");
            }

            var platform = common.Platform(parse, host);
            var provider = common.Provider(parse, host, platform, color, limit);
            if (parse.GetValue(versionFile) is { Length: > 0 } wanted)
            {
                var selected = SelectToolchain(host, options, Path.GetFullPath(wanted, host.WorkingDirectory), out var failure);
                if (selected is null)
                {
                    provider.Fail(failure!, stdout, stderr);
                    return ExitCodes.Failed;
                }

                options = options with { GoExecutable = selected };
            }

            var check = PinCheck.Run(host, options, wantedToolchain);
            var result = check.Result;
            var redactor = result.Snapshot.Redactor;
            provider.Begin(redactor, stdout);
            var inCi = provider.Platform != CiPlatform.None;
            if (check.Refusal is { } refusal)
            {
                provider.Fail(refusal, stdout, stderr);
                return ExitCodes.Failed;
            }

            if (result.Failed(options.Strict))
            {
                // Plain: the report on stderr (stdout may be a --summary json document). CI: on stdout, where the
                // runner looks for workflow commands.
                provider.Report(new CiRun("pin", result, null) { Strict = options.Strict }, inCi ? stdout : stderr);
                (inCi ? stdout : stderr).WriteLine("goenv-action: the check failed; nothing was pinned or exported.");
                return ExitCodes.Failed;
            }

            var request = new PinRequest
            {
                EnvFilePath = Path.GetFullPath(parse.GetValue(envFile)!, host.WorkingDirectory),
                Format = EnvFileFormatNames.Parse(parse.GetValue(format)),
                Toolchain = wantedToolchain,
                CallerSetsPath = provider.Platform is CiPlatform.GitHub or CiPlatform.Azure,
                Fit = provider.FitEnvFile,
                Notes = check.Note is null ? [] : [check.Note],
                CacheDirectory = parse.GetValue(cacheDir) is { Length: > 0 } directory ? directory : null,
                Cache = s_cacheModes[parse.GetValue(cache)!],
                CacheSave = s_cacheSavePolicies[parse.GetValue(cacheSave)!],
                Platform = provider.Platform,
                ModulesKeyScope = s_modulesKeyScopes[parse.GetValue(modulesKey)!],
            };
            PinOutcome? outcome;
            IReadOnlyList<string> problems;
            try
            {
                outcome = Pinner.Pin(result, request, out problems);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A full disk, a read-only directory, no permission: the machine's state, not a bug. The previous
                // file is as it was (AtomicFile), and nothing was exported.
                provider.Fail(redactor.Redact(e.Message) + " Nothing was pinned or exported.", stdout, stderr);
                return ExitCodes.Failed;
            }

            if (outcome is null)
            {
                foreach (var problem in problems)
                {
                    provider.Fail(problem, stdout, stderr);
                }

                provider.Fail("nothing was pinned.", stdout, stderr);
                return ExitCodes.Failed;
            }

            var run = new CiRun("pin", result, outcome) { Strict = options.Strict };
            if (inCi || result.Findings.Count > 0)
            {
                provider.Report(run, inCi ? stdout : stderr);
            }

            try
            {
                provider.Export(run, stdout);
            }
            catch (ExportRefusedException e)
            {
                provider.Fail(redactor.Redact(e.Message), stdout, stderr);
                return ExitCodes.Failed;
            }

            if (parse.GetValue(summary) == "json")
            {
                stdout.Write(PinSummary.Json(redactor.Redact(outcome.EnvFilePath), outcome.Environment, outcome.Notes, outcome.Keys, outcome.Cache));
            }
            else
            {
                foreach (var note in outcome.Notes)
                {
                    stdout.WriteLine("note: " + TextReport.Sanitize(note));
                }

                stdout.WriteLine($"pinned {outcome.Environment.Count} variables for {result.Snapshot.VersionText} to {TextReport.Sanitize(redactor.Redact(outcome.EnvFilePath))} (sha256 {outcome.Environment.ContentHash()})");
                stdout.WriteLine($"cache-key-modules: {outcome.Keys.Modules}");
                stdout.WriteLine($"cache-key: {outcome.Keys.Build}");
                stdout.WriteLine($"restore-keys: {string.Join(' ', outcome.Keys.BuildRestoreKeys)}");
            }

            return ExitCodes.Ok;
        });
        return pin;
    }

    /// <summary>The go executable of the installed toolchain that best satisfies the version file (and the policy's range).</summary>
    private static string? SelectToolchain(HostEnvironment host, CheckOptions options, string path, out string? failure)
    {
        var file = GoVersionFile.Read(path, out var problem);
        if (file is null)
        {
            failure = $"--go-version-file: {problem}; nothing was pinned.";
            return null;
        }

        var policyPath = PolicyFile.Locate(options.PolicyFile, host.WorkingDirectory, Core.Git.GitFacts.FindWorkTreeRoot(host.WorkingDirectory));
        var range = policyPath is null ? null : PolicyLoader.Load(policyPath).Policy?.GoVersion;
        var requirement = $"go >= {file.Minimum.Text} ({file.Path}:{file.Line})" + (range is null ? "" : $" within {range.Text} ({policyPath})");
        var selection = ToolchainSelector.Select(ToolchainFinder.Find(host, SnapshotBuilder.PredictModuleCache(host)), file.Minimum, file.Preferred, range is null ? null : range.Contains, requirement);
        if (selection.Chosen is null)
        {
            failure = $"no installed Go satisfies {selection.Requirement}. Installed: {selection.Installed} (GoEnv looked at {ToolchainFinder.Places(host.Os)}). Nothing was pinned (GoEnv never downloads a toolchain).";
            return null;
        }

        failure = null;
        return selection.Chosen.GoExecutable(host.Os);
    }

    public static Command Verify(TextWriter stdout, TextWriter stderr, HostEnvironment host, CheckCommandOptions common)
    {
        var envFile = new Option<string>("--env-file") { Description = "The pinned file to compare with.", DefaultValueFactory = _ => "goenv.env" };
        var format = FormatOption();
        var verify = new Command("verify", "Compare this step's Go environment with the pinned file; exit 1 naming every drifted variable.") { envFile, format };
        common.AddTo(verify);
        verify.SetAction(parse =>
        {
            var path = Path.GetFullPath(parse.GetValue(envFile)!, host.WorkingDirectory);
            EnvFileContent pinned;
            try
            {
                pinned = EnvFileReader.Read(path, EnvFileFormatNames.Parse(parse.GetValue(format)));
            }
            catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
            {
                throw new UsageException($"cannot read {path}: {e.Message}");
            }

            var options = common.Read(parse);
            var snapshot = Core.Discovery.SnapshotBuilder.Build(host, options);
            var provider = common.Provider(parse, host, common.Platform(parse, host), terminalColor: false);
            provider.Begin(snapshot.Redactor, stdout);
            var drifts = PinVerifier.Compare(pinned, snapshot);
            provider.ReportDrifts(path, drifts, stdout);

            // The same confirmation as pin's: real Go, in this step's environment, must accept it.
            var refusal = PinVerifier.Confirm(snapshot, options.ProcessRunner);
            if (refusal is not null)
            {
                provider.Fail($"real Go refuses this step's environment: {refusal}", stdout, stderr);
            }

            stdout.WriteLine(drifts.Count > 0 ? $"FAILED: {drifts.Count} variable(s) drifted from {TextReport.Sanitize(path)}"
                : refusal is not null ? $"FAILED: the environment matches {TextReport.Sanitize(path)}, but real Go refuses it"
                : $"OK: the environment matches {TextReport.Sanitize(path)}");
            return drifts.Count == 0 && refusal is null ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return verify;
    }

    /// <summary>An option taking one of <paramref name="words"/>' keys, the first by default.</summary>
    private static Option<string> Choice<T>(string name, string description, OrderedDictionary<string, T> words)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => words.GetAt(0).Key };
        option.AcceptOnlyFromAmong([.. words.Keys]);
        return option;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "The env file format.", DefaultValueFactory = _ => "dotenv" };
        format.AcceptOnlyFromAmong([.. EnvFileFormatNames.Words]);
        return format;
    }
}
