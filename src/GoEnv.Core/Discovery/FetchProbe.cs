using System.Diagnostics;
using System.Text.Json;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;
using GoEnv.Core.Security;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Asks for real, the way the build would, whether the private modules it must fetch can be fetched: for each
/// repository root (or, through a private proxy, each module) one `go mod download -json MODULE@VERSION` under the
/// checked environment (its GOPROXY, GONOPROXY, GOPRIVATE, GOVCS, GOINSECURE, GOAUTH, NETRC, HOME, git settings),
/// with terminal prompts off, into a scratch module cache that is deleted afterwards (nothing of the user's changes),
/// outside any module (go.mod and go.sum are not touched) and with GOSUMDB=off (the checksum settings are judged
/// without network). Each probe is killed at its limit; the total is bounded.
/// </summary>
internal static class FetchProbe
{
    /// <summary>Probes the graph's private fetches and records each result on the modules it covers.</summary>
    public static void Run(GoSnapshot snapshot, FetchProbeOptions options, IProcessRunner runner, SecretRedactor redactor)
    {
        if (snapshot.Go is null)
        {
            return;
        }

        var groups = snapshot.Graph.ToFetch
            .Where(m => IsPrivateFetch(m) && (options.AllPrivate || m.Access is { NoVisibleCredentials: true }))
            .GroupBy(m => m.Repository is { } r && m.Access is not null ? r.Root : m.SourcePath)
            .ToList();
        if (groups.Count == 0)
        {
            return;
        }

        var scratch = Path.Combine(Path.GetTempPath(), "goenv-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var budget = Stopwatch.StartNew();
            foreach (var group in groups)
            {
                var module = group.First();
                var remaining = options.Budget - budget.Elapsed;
                var result = remaining <= TimeSpan.Zero
                    ? new FetchProbeResult(Target(module), FetchProbeOutcome.NotRun, null, TimeSpan.Zero)
                    : Probe(snapshot, module, remaining < options.PerProbe ? remaining : options.PerProbe, scratch, runner, redactor);
                foreach (var covered in group)
                {
                    covered.Probe = result;
                }
            }
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    /// <summary>
    /// A module fetched from its origin whose path is private (GOPRIVATE, or evidence such as a private-network host),
    /// or one fetched from a proxy that is not a public one (a company proxy may want credentials).
    /// </summary>
    public static bool IsPrivateFetch(GraphModule module) =>
        (module.Access is not null && (module.RepositoryIsPrivate || module.PrivateEvidence is not null))
        || (module.Origin == ModuleOrigin.Download && module.DirectBecause is null && Uri.TryCreate(module.OriginDetail, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && !GoProxyList.IsPublicProxy(module.OriginDetail));

    private static string Target(GraphModule module) => module.SourcePath + "@" + module.SourceVersion;

    private static FetchProbeResult Probe(GoSnapshot snapshot, GraphModule module, TimeSpan limit, string scratch, IProcessRunner runner, SecretRedactor redactor)
    {
        var directory = Path.Combine(scratch, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var environment = new Dictionary<string, string>(snapshot.Host.Variables, snapshot.Host.Os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var name in new[] { GoVariableNames.GoProxy, GoVariableNames.GoNoProxy, GoVariableNames.GoPrivate, GoVariableNames.GoVcs, GoVariableNames.GoInsecure, GoVariableNames.GoAuth, GoVariableNames.GoPath })
        {
            environment[name] = snapshot.Value(name);
        }

        environment[GoVariableNames.GoFlags] = "-modcacherw";
        environment[GoVariableNames.GoModCache] = Path.Combine(directory, "mod");
        environment[GoVariableNames.GoWork] = "off";
        environment[GoVariableNames.GoSumDb] = "off";
        environment[GoVariableNames.GoToolchain] = "local";
        environment[GoVariableNames.Go111Module] = "on";
        environment[GoVariableNames.GoEnv] = "off";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GCM_INTERACTIVE"] = "never";

        var target = Target(module);
        var clock = Stopwatch.StartNew();
        var outcome = runner.Run(new ProcessRequest(snapshot.Go!.Path, ["mod", "download", "-json", target], environment, directory, limit, 256 * 1024));
        var elapsed = clock.Elapsed;
        if (outcome.TimedOut)
        {
            return new FetchProbeResult(target, FetchProbeOutcome.TimedOut, null, elapsed);
        }

        var error = outcome.Started ? ErrorOf(outcome) : outcome.StartError ?? "go could not be started";
        return error is null
            ? new FetchProbeResult(target, FetchProbeOutcome.Reachable, null, elapsed)
            : new FetchProbeResult(target, FetchProbeOutcome.Failed, redactor.Redact(FirstLines(error).Replace(environment[GoVariableNames.GoModCache], "<scratch module cache>", StringComparison.Ordinal)), elapsed);
    }

    /// <summary>The JSON's Error (go mod download -json reports there and exits 1), else stderr when it failed; null when it worked.</summary>
    private static string? ErrorOf(ProcessOutcome outcome)
    {
        try
        {
            using var json = JsonDocument.Parse(outcome.StandardOutput.Length == 0 ? "{}" : outcome.StandardOutput);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("Error", out var error) && error.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // Not JSON (an older go, a crash): stderr says it.
        }

        return outcome.ExitCode == 0 ? null : outcome.StandardError.Trim() is { Length: > 0 } stderr ? stderr : $"go exited {outcome.ExitCode}";
    }

    /// <summary>The error's first line, and git's own `fatal:` line when the first does not say it (Go puts git's output on the lines after).</summary>
    internal static string FirstLines(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = lines.Length == 0 ? error.Trim() : lines[0];
        var fatal = lines.Skip(1).FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal));
        return fatal is null ? first : first + " " + fatal;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A scratch directory under the temp directory; a leftover does no harm.
        }
    }
}
