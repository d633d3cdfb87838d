using System.Diagnostics;
using System.Text.Json;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Runs ONE `go env -json NAME…`. Named variables keep it at a few milliseconds: a bare `go env -json` also
/// computes the costly ones (CGO_CFLAGS, GOGCCFLAGS…) and runs the C compiler (~100 ms).
/// </summary>
public static class GoEnvProbe
{
    public static ProcessRequest Request(string goExe, IReadOnlyDictionary<string, string> environment, string workingDirectory, TimeSpan timeout, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var args = new List<string>(names.Count + 2) { "env", "-json" };
        args.AddRange(names);
        return new ProcessRequest(goExe, args, environment, workingDirectory, timeout);
    }

    public static GoEnvProbeResult Run(IProcessRunner runner, ProcessRequest request)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(request);
        var timeout = request.Timeout;
        var clock = Stopwatch.StartNew();
        var outcome = runner.Run(request);
        var elapsed = clock.Elapsed;

        if (!outcome.Started)
        {
            return new GoEnvProbeResult { Status = GoEnvProbeStatus.CouldNotStart, Message = outcome.StartError ?? "could not start", ExitCode = -1, Elapsed = elapsed };
        }

        if (outcome.TimedOut)
        {
            return new GoEnvProbeResult
            {
                Status = GoEnvProbeStatus.TimedOut,
                Message = $"`go env` did not answer within {timeout.TotalSeconds:0.###} s and was stopped",
                ExitCode = -1,
                Elapsed = elapsed,
            };
        }

        var stderr = outcome.StandardError.Trim();
        if (outcome.ExitCode != 0)
        {
            var crashed = outcome.ExitCode < 0 || outcome.ExitCode > 128 || stderr.Contains("panic:", StringComparison.Ordinal) || stderr.StartsWith("SIGSEGV", StringComparison.Ordinal);
            return new GoEnvProbeResult
            {
                Status = crashed ? GoEnvProbeStatus.Crashed : GoEnvProbeStatus.GoFailed,
                Message = stderr.Length > 0 ? FirstLines(stderr, 20) : $"exit status {outcome.ExitCode}",
                ExitCode = outcome.ExitCode,
                Elapsed = elapsed,
            };
        }

        var values = ParseJson(outcome.StandardOutput, outcome.OutputTruncated);
        if (values is null)
        {
            return new GoEnvProbeResult
            {
                Status = GoEnvProbeStatus.BadOutput,
                Message = outcome.OutputTruncated ? "`go env -json` printed far more output than any Go version does" : "`go env -json` did not print a JSON object of strings",
                ExitCode = 0,
                Elapsed = elapsed,
            };
        }

        return new GoEnvProbeResult { Status = GoEnvProbeStatus.Succeeded, Values = values, ExitCode = 0, Elapsed = elapsed, Warnings = stderr };
    }

    internal static Dictionary<string, string>? ParseJson(string json, bool truncated = false)
    {
        if (truncated)
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    return null;
                }

                values[property.Name] = property.Value.GetString() ?? "";
            }

            return values;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string FirstLines(string text, int max)
    {
        var lines = text.Split('\n');
        return lines.Length <= max ? text : string.Join('\n', lines.Take(max)) + $"\n… ({lines.Length - max} more lines)";
    }
}
