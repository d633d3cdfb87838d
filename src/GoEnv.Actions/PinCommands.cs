using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Caching;
using GoEnv.Core.Pinning;
using GoEnv.Core.Policy;
using GoEnv.Core.Toolchains;
using GoEnv.Core.Reporting;

namespace GoEnv.Actions;

/// <summary>`pin` and `verify`: write the validated environment to a file, and compare a later step with it.</summary>
internal static class PinCommands
{
    public static Command Pin(TextWriter stdout, TextWriter stderr, HostEnvironment host, bool color, CheckCommandOptions common)
    {
        var envFile = new Option<string>("--env-file") { Description = "The file to write.", DefaultValueFactory = _ => "goenv.env" };
        var format = FormatOption();
        var summary = new Option<string>("--summary") { Description = "How to print what was pinned and the cache keys.", DefaultValueFactory = _ => "text" };
        summary.AcceptOnlyFromAmong("text", "json");
        var versionFile = new Option<string?>("--go-version-file") { Description = "go.mod, go.work, .go-version or .tool-versions: pin the best installed Go that satisfies it." };
        var pin = new Command("pin", "Check, then write the pinned Go environment for later steps (nothing is written when the check fails).") { envFile, format, versionFile, summary };
        common.AddTo(pin);
        pin.SetAction(parse =>
        {
            var options = common.Read(parse);
            if (parse.GetValue(versionFile) is { Length: > 0 } wanted)
            {
                var selected = SelectToolchain(host, options, Path.GetFullPath(wanted, host.WorkingDirectory), stderr);
                if (selected is null)
                {
                    return ExitCodes.Failed;
                }

                options = options with { GoExecutable = selected };
            }

            var result = GoEnvChecker.Check(host, options);
            if (result.Failed(CheckCommandOptions.Strict(options, result)))
            {
                stderr.Write(TextReport.Render(result, color));
                stderr.WriteLine("goenv-action: the check failed; nothing was pinned.");
                return ExitCodes.Failed;
            }

            var fileFormat = EnvFileFormatNames.Parse(parse.GetValue(format));
            var pinned = PinResolver.Resolve(result.Snapshot);
            var variables = pinned.Environment.Variables.Where(v => !(fileFormat == EnvFileFormat.GoEnv && v.Key == GoVariableNames.GoEnv));
            var environment = new PinnedEnvironment(pinned.Environment.GoVersion, variables);
            var bytes = EnvFileWriter.Render(environment, fileFormat, out var problems);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    stderr.WriteLine($"goenv-action: {problem.Variable}: {result.Snapshot.Redactor.Redact(problem.Message)}");
                }

                stderr.WriteLine($"goenv-action: the {EnvFileFormatNames.ToWord(fileFormat)} format cannot carry these values; nothing was pinned.");
                return ExitCodes.Failed;
            }

            var path = Path.GetFullPath(parse.GetValue(envFile)!, host.WorkingDirectory);
            AtomicFile.Write(path, bytes);
            var notes = pinned.Omitted.Select(o => o.Reason).ToList();

            // The env file pins GOROOT; PATH is the caller's (GITHUB_PATH in Actions). Say so when they differ.
            var pathGo = result.Snapshot.GoOnPath.FirstOrDefault();
            if (result.Snapshot.Go is { } pinnedGo && (pathGo is null || pathGo.ResolvedPath != pinnedGo.ResolvedPath))
            {
                notes.Add($"later steps must put {Path.GetDirectoryName(pinnedGo.Path)} first on PATH: the `go` on PATH now is {(pathGo is null ? "none" : pathGo.Path)}, not the pinned one.");
            }

            var keys = SnapshotCacheKeys.Compute(result.Snapshot);
            var redactor = result.Snapshot.Redactor;
            if (parse.GetValue(summary) == "json")
            {
                stdout.Write(PinSummary.Json(redactor.Redact(path), environment, notes, keys));
            }
            else
            {
                foreach (var note in notes)
                {
                    stdout.WriteLine("note: " + note);
                }

                stdout.WriteLine($"pinned {environment.Count} variables for {result.Snapshot.VersionText} to {redactor.Redact(path)} (sha256 {environment.ContentHash()})");
                stdout.WriteLine($"cache-key-modules: {keys.Modules}");
                stdout.WriteLine($"cache-key: {keys.Build}");
                stdout.WriteLine($"restore-keys: {string.Join(' ', keys.BuildRestoreKeys)}");
            }

            return ExitCodes.Ok;
        });
        return pin;
    }

    /// <summary>The go executable of the installed toolchain that best satisfies the version file (and the policy's range).</summary>
    private static string? SelectToolchain(HostEnvironment host, CheckOptions options, string path, TextWriter stderr)
    {
        var file = GoVersionFile.Read(path, out var problem);
        if (file is null)
        {
            stderr.WriteLine($"goenv-action: --go-version-file: {problem}; nothing was pinned.");
            return null;
        }

        var policyPath = PolicyFile.Locate(options.PolicyFile, host.WorkingDirectory, Core.Git.GitFacts.FindWorkTreeRoot(host.WorkingDirectory));
        var range = policyPath is null ? null : PolicyLoader.Load(policyPath).Policy?.GoVersion;
        var home = host.GetNonEmpty("HOME") ?? host.GetNonEmpty("USERPROFILE");
        var modCache = host.GetNonEmpty(GoVariableNames.GoModCache) ?? (home is null ? null : Path.Combine(home, "go", "pkg", "mod"));
        var requirement = $"go >= {file.Minimum.Text} ({file.Path}:{file.Line})" + (range is null ? "" : $" within {range.Text} ({policyPath})");
        var selection = ToolchainSelector.Select(ToolchainFinder.Find(host, modCache), file.Minimum, file.Preferred, range is null ? null : range.Contains, requirement);
        if (selection.Chosen is null)
        {
            var found = selection.Candidates.Count == 0 ? "none" : string.Join(", ", selection.Candidates.Select(t => $"go{t.Version.Text} ({t.GoRoot}, via {t.FoundVia})"));
            stderr.WriteLine($"goenv-action: no installed Go satisfies {selection.Requirement}. Installed: {found}. Nothing was pinned (GoEnv never downloads a toolchain).");
            return null;
        }

        return selection.Chosen.GoExecutable(host.Os);
    }

    public static Command Verify(TextWriter stdout, HostEnvironment host, CheckCommandOptions common)
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

            var snapshot = Core.Discovery.SnapshotBuilder.Build(host, common.Read(parse));
            var drifts = PinVerifier.Compare(pinned, snapshot);
            foreach (var drift in drifts)
            {
                stdout.WriteLine($"{path}:{drift.Line}: {drift.Variable} drifted: pinned {Quote(drift.Pinned)}, now {Quote(drift.Current)}");
            }

            stdout.WriteLine(drifts.Count == 0 ? $"OK: the environment matches {path}" : $"FAILED: {drifts.Count} variable(s) drifted from {path}");
            return drifts.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return verify;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "The env file format.", DefaultValueFactory = _ => "dotenv" };
        format.AcceptOnlyFromAmong([.. EnvFileFormatNames.Words]);
        return format;
    }

    private static string Quote(string value) => "'" + TextReport.Sanitize(value) + "'";
}
