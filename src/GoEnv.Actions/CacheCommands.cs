using System.CommandLine;
using GoEnv.Core;
using GoEnv.Core.Caching;
using GoEnv.Core.Discovery;
using GoEnv.Core.Reporting;

namespace GoEnv.Actions;

/// <summary>`cache prepare` and `cache trim`: keep a saved build cache to what the job used.</summary>
internal static class CacheCommands
{
    public static Command Cache(TextWriter stdout, HostEnvironment host, IProcessRunner processRunner)
    {
        var cache = new Command("cache", "Keep the saved build cache (GOCACHE) to what the job used: `prepare` after restoring it, `trim` before saving it.")
        {
            Prepare(stdout, host, processRunner),
            Trim(stdout, host, processRunner),
        };
        return cache;
    }

    private static Command Prepare(TextWriter stdout, HostEnvironment host, IProcessRunner processRunner)
    {
        var gocache = GoCacheOption();
        var go = GoOption();
        var prepare = new Command("prepare", "Record the job start in GOCACHE and back-date the restored entries, so that Go marks every entry it uses (run it right after the cache is restored).") { gocache, go };
        prepare.SetAction(parse =>
        {
            var directory = ResolveGoCache(parse.GetValue(gocache), parse.GetValue(go), host, processRunner);
            var prepared = BuildCacheTrimmer.Prepare(directory, DateTimeOffset.UtcNow);
            WriteSkipped(stdout, prepared.Skipped);
            stdout.WriteLine($"cache prepare: {TextReport.Sanitize(directory)}: job start {prepared.JobStart:yyyy-MM-ddTHH:mm:ssZ}; "
                + $"{prepared.Entries} restored entries ({BuildCacheTrimmer.FormatSize(prepared.Bytes)}), {prepared.Backdated} back-dated so Go marks them when used");
            return ExitCodes.Ok;
        });
        return prepare;
    }

    private static Command Trim(TextWriter stdout, HostEnvironment host, IProcessRunner processRunner)
    {
        var gocache = GoCacheOption();
        var go = GoOption();
        var maxSize = new Option<string?>("--max-size") { Description = "Then remove the least recently used entries until the cache fits, e.g. 500MB or 2GiB." };
        var trim = new Command("trim", "Remove from GOCACHE every entry this job did not use (since `cache prepare`), so that what is saved is the job's working set.") { gocache, go, maxSize };
        trim.SetAction(parse =>
        {
            long? limit = null;
            if (parse.GetValue(maxSize) is { } text)
            {
                limit = BuildCacheTrimmer.ParseSize(text) ?? throw new UsageException($"--max-size {text}: not a size (examples: 500MB, 2GiB, 1000000)");
            }

            var directory = ResolveGoCache(parse.GetValue(gocache), parse.GetValue(go), host, processRunner);
            var since = BuildCacheTrimmer.ReadJobStart(directory, out var problem)
                ?? throw new UsageException($"nothing trimmed: {TextReport.Sanitize(problem!)}");
            var result = BuildCacheTrimmer.Trim(directory, since, limit);
            WriteSkipped(stdout, result.Skipped);
            var sizeText = result.RemovedForSize > 0
                ? $"; {result.RemovedForSize} least recently used ({BuildCacheTrimmer.FormatSize(result.RemovedForSizeBytes)}) removed to fit --max-size {parse.GetValue(maxSize)}"
                : "";
            stdout.WriteLine($"cache trim: {TextReport.Sanitize(directory)}: kept {result.Kept} entries ({BuildCacheTrimmer.FormatSize(result.KeptBytes)}) used since {since:yyyy-MM-ddTHH:mm:ssZ}; "
                + $"removed {result.Removed} not used in this job ({BuildCacheTrimmer.FormatSize(result.RemovedBytes)}){sizeText}");
            return ExitCodes.Ok;
        });
        return trim;
    }

    private static Option<string?> GoCacheOption() =>
        new("--gocache") { Description = "The build cache directory (default: the GOCACHE the go command uses here)." };

    private static Option<string?> GoOption() =>
        new("--go") { Description = "The go executable that says where GOCACHE is, when --gocache is not given (default: the first go on PATH)." };

    /// <summary>The directory to work on: --gocache, else the GOCACHE Go reports (refused when Go does not use one).</summary>
    private static string ResolveGoCache(string? given, string? go, HostEnvironment host, IProcessRunner processRunner)
    {
        if (given is { Length: > 0 })
        {
            return Path.GetFullPath(given, host.WorkingDirectory);
        }

        var snapshot = SnapshotBuilder.Build(host, new CheckOptions { GoExecutable = go, ProcessRunner = processRunner });
        if (!snapshot.GoEnvSucceeded)
        {
            // Name what Go said (an unknown GOEXPERIMENT, a bad GOFLAGS…), not only that it failed.
            var why = snapshot.Go is null ? "no go found" : snapshot.Probe.Message.Trim() is { Length: > 0 } message ? $"`go env` failed: {message.Split('\n')[0]}" : "no working go found";
            throw new UsageException($"cannot ask Go where GOCACHE is ({TextReport.Sanitize(snapshot.Redactor.Redact(why))}); give --gocache");
        }

        var value = snapshot.Value(GoVariableNames.GoCache);
        if (value is "" or "off" || !Path.IsPathFullyQualified(value))
        {
            throw new UsageException($"GOCACHE is \"{TextReport.Sanitize(value)}\": Go keeps no build cache here, so there is nothing to keep or trim");
        }

        // Go 1.21–1.23 read GOCACHEPROG only with GOEXPERIMENT=cacheprog; otherwise they use GOCACHE as if it were unset.
        if (snapshot.Value(GoVariableNames.GoCacheProg).Length > 0 && CacheProgHandshake.UsedBy(snapshot.Version, snapshot.Value(GoVariableNames.GoExperiment)))
        {
            throw new UsageException("GOCACHEPROG is set: Go asks the cache program, not GOCACHE, so GOCACHE shows nothing of what the job used; give --gocache to work on a directory anyway");
        }

        return value;
    }

    private static void WriteSkipped(TextWriter stdout, IReadOnlyList<string> skipped)
    {
        foreach (var line in skipped)
        {
            stdout.WriteLine("note: " + TextReport.Sanitize(line));
        }
    }
}
