using GoEnv.Core.Go;

namespace GoEnv.Core.Discovery;

/// <summary>
/// The C compiler's identity as cmd/go takes it for its own build cache (work/buildid.go, gccToolID): the first
/// line of `$CC -### -x c -c -` (run with LC_ALL=C) that has the word "version" followed by a field starting with
/// a digit. Two runners whose compilers print the same line produce interchangeable cgo objects as far as Go is
/// concerned, so the build cache key takes exactly that line.
/// </summary>
public static class CCompilerIdentity
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    /// <summary>The version line, or a short "unavailable: …" text when the compiler cannot be asked.</summary>
    /// <param name="cc">The effective CC (`go env CC`): a command, possibly with arguments, split as Go splits it; like
    /// cmd/go, only the command is asked (its arguments are part of CC's value, which the key takes as well).</param>
    public static string Probe(HostEnvironment host, string cc, IProcessRunner runner)
    {
        var words = GoFlagsTokenizer.Split(cc, null, out var splitError).Select(w => w.Text).ToList();
        if (splitError is not null || words.Count == 0)
        {
            return "unavailable: CC is not a command";
        }

        var compiler = GoLocator.FindCommand(host, words[0]);
        if (compiler is null)
        {
            return $"unavailable: {words[0]} is not on PATH";
        }

        var environment = new Dictionary<string, string>(host.Variables, host.Os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
        {
            ["LC_ALL"] = "C",
        };
        var outcome = runner.Run(new ProcessRequest(compiler, ["-###", "-x", "c", "-c", "-"], environment, host.WorkingDirectory, s_timeout, 256 * 1024));
        if (!outcome.Started || outcome.TimedOut || outcome.ExitCode != 0)
        {
            return $"unavailable: {words[0]} -### failed";
        }

        return VersionLine(outcome.StandardError + "\n" + outcome.StandardOutput) ?? $"unavailable: {words[0]} printed no version";
    }

    /// <summary>gccToolID's search: stop reading a line at its first "name:" field ("Configured with: …").</summary>
    internal static string? VersionLine(string output)
    {
        foreach (var line in output.Split('\n'))
        {
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < fields.Length - 1; i++)
            {
                if (fields[i].EndsWith(':'))
                {
                    break;
                }

                if (fields[i] == "version" && char.IsAsciiDigit(fields[i + 1][0]))
                {
                    return line.TrimEnd('\r');
                }
            }
        }

        return null;
    }
}
