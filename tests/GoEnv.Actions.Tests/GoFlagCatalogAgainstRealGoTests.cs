using System.Diagnostics;
using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Core.Go;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Differential tests: the GOFLAGS tables against the real `go` of every installed toolchain. Each go run gets a
/// fresh temp HOME and working directory and an explicit environment; nothing comes from the developer's.
/// </summary>
[TestClass]
public sealed class GoFlagCatalogAgainstRealGoTests
{
    // Names no release defines, that people do write.
    private static readonly string[] s_neverKnown =
        ["typo", "ldflag", "tag", "verbose", "debug", "gcflag", "help", "h", "Race", "gotags", "cgo", "test.vv", "X", "s"];

    // The commands to try a flag with, in order; `go bug` is left out (it opens a browser when it gets that far).
    private static readonly string[] s_probeCommands =
    [
        "version", "env", "build", "list", "test", "vet", "clean", "install", "run", "generate", "get", "fmt", "fix",
        "tool", "telemetry", "mod edit", "mod download", "mod graph", "mod tidy", "mod vendor", "mod why", "mod verify",
        "mod init", "work edit", "work use", "work sync", "work init", "work vendor",
    ];

    private static readonly Lazy<IReadOnlyList<(string Go, GoFlagTable Table)>> s_toolchains = new(FindToolchains);

    [TestMethod]
    public void KnownFlags_RealGo_AcceptsEveryOne() => ExpectAll(Toolchains(), toolchain =>
    {
        var (go, table) = toolchain;

        // hasFlag checks every word before any is applied, and go version applies only its own (-m, -v, -json, -C),
        // so one run covers the whole table. -C is left out: every command that defines it rejects any value.
        var goflags = string.Join(' ', table.All.Where(f => f.Name != "C").Select(f => $"-{f.Name}=1"));
        var result = RunGo(go, "version", goflags);
        return result.ExitCode == 0 && !result.Output.Contains("unknown flag", StringComparison.Ordinal) ? null : $"{go}: {result.Output}";
    });

    [TestMethod]
    public void ChdirFlag_RealGo_KnownFrom121AndAlwaysRejected() => ExpectAll(Toolchains(), toolchain =>
    {
        var (go, table) = toolchain;
        var expected = table.IsKnown("C")
            ? "go: invalid value \"dir\" for flag -C (from $GOFLAGS): -C flag must be first flag on command line"
            : "go: parsing $GOFLAGS: unknown flag -C";
        return Expect(go, "version", "-C=dir", expected);
    });

    [TestMethod]
    public void UnknownFlags_RealGo_RejectsEachOne()
    {
        // Typos, plus every name of another release's table this release lacks (analyzer flags: see below).
        var everyName = s_toolchains.Value
            .SelectMany(t => t.Table.All)
            .Select(f => f.Name)
            .Concat(s_neverKnown)
            .ToHashSet(StringComparer.Ordinal);
        var probes = Toolchains().SelectMany(t => everyName.Where(n => !t.Table.IsKnown(n)).Select(n => (t.Go, Name: n))).ToList();

        ExpectAll(probes, probe => Expect(probe.Go, "version", $"-{probe.Name}=1", $"go: parsing $GOFLAGS: unknown flag -{probe.Name}"));
    }

    [TestMethod]
    public void FlagKinds_RealGo_ParsesValuesAsTheTableSays()
    {
        var probes = Toolchains().SelectMany(t => t.Table.All.Select(f => (t.Go, Flag: f, Command: ProbeCommand(f)))).ToList();

        ExpectAll(probes, probe =>
        {
            var (go, flag, command) = probe;

            // SetFromGOFLAGS reports "invalid boolean value" only for a flag.Value whose IsBoolFlag() is true, and
            // "flag needs an argument" only for one whose IsBoolFlag() is false.
            if (flag.TakesBareNameIn(command))
            {
                return Expect(go, command, $"-{flag.Name}=goenv-bad", $"go: invalid boolean value \"goenv-bad\" for flag -{flag.Name} (from $GOFLAGS)");
            }

            return Expect(go, command, $"-{flag.Name}", $"go: flag needs an argument: -{flag.Name} (from $GOFLAGS)")
                ?? flag.KindIn(command) switch
                {
                    GoFlagKind.Int => Expect(go, command, $"-{flag.Name}=goenv-bad", $"go: invalid value \"goenv-bad\" for flag -{flag.Name} (from $GOFLAGS)"),
                    GoFlagKind.String => ExpectNoFlagError(go, command, $"-{flag.Name}=goenv-bad"),
                    _ => null,
                };
        });
    }

    [TestMethod]
    public void AnalyzerFlags_RealGo_KnownOnlyWhileVetOrFixRuns()
    {
        var probes = Toolchains()
            .SelectMany(t => new[] { "vet", "fix" }.Select(c => (t.Go, t.Table, Command: c, Flags: t.Table.AnalyzerFlags.Where(f => f.Commands.Contains(c)).ToList())))
            .Where(p => p.Flags.Count > 0)
            .ToList();

        ExpectAll(probes, probe =>
        {
            var (go, table, command, flags) = probe;
            var goflags = string.Join(' ', flags.Select(f => f.Kind == GoFlagKind.Bool ? $"-{f.Name}" : $"-{f.Name}=x"));
            var running = RunGo(go, command, goflags);
            if (running.Output.Contains("(from $GOFLAGS)", StringComparison.Ordinal) || running.Output.Contains("unknown flag", StringComparison.Ordinal))
            {
                return $"{go} {command}: {running.Output}";
            }

            var analyzerOnly = flags.First(f => !table.IsKnown(f.Name));
            return Expect(go, "version", $"-{analyzerOnly.Name}", $"go: parsing $GOFLAGS: unknown flag -{analyzerOnly.Name}");
        });
    }

    // A command that defines the flag, where a bad value cannot slip through: go list's -json and go get's -u take
    // any string, so another command that defines them as plain booleans is used.
    private static string ProbeCommand(GoFlagInfo flag) =>
        s_probeCommands.First(c => flag.Commands.Contains(c) && !(flag.Name == "json" && c == "list") && !(flag.Name == "u" && c == "get"));

    // Runs the probes in parallel and reports every failure at once, not just the first.
    private static void ExpectAll<T>(IEnumerable<T> probes, Func<T, string?> probe)
    {
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.ForEach(probes, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, p =>
        {
            if (probe(p) is { } failure)
            {
                failures.Add(failure);
            }
        });

        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal)));
    }

    private static string? Expect(string go, string command, string goflags, string expected)
    {
        var result = RunGo(go, command, goflags);
        return result.Output.Contains(expected, StringComparison.Ordinal)
            ? null
            : $"{go} {command} with GOFLAGS={goflags}: expected \"{expected}\", got: {result.Output.Trim()}";
    }

    private static string? ExpectNoFlagError(string go, string command, string goflags)
    {
        var result = RunGo(go, command, goflags);
        return result.Output.Contains("(from $GOFLAGS)", StringComparison.Ordinal) || result.Output.Contains("parsing $GOFLAGS", StringComparison.Ordinal)
            ? $"{go} {command} with GOFLAGS={goflags}: expected no flag error, got: {result.Output.Trim()}"
            : null;
    }

    private static IReadOnlyList<(string Go, GoFlagTable Table)> Toolchains()
    {
        var toolchains = s_toolchains.Value;
        if (toolchains.Count == 0)
        {
            Assert.Inconclusive("No Go toolchain with a GOFLAGS table of its own is installed.");
        }

        return toolchains;
    }

    /// <summary>The installed toolchains (GoToolchains.Require fails when there are none) whose release has a table of its own.</summary>
    private static List<(string Go, GoFlagTable Table)> FindToolchains()
    {
        var found = new List<(string Go, GoFlagTable Table)>();
        foreach (var toolchain in GoToolchains.Require())
        {
            var version = GoVersion.Parse(toolchain.Version);
            var table = GoFlagCatalog.For(version);
            if (version is not null && table.GoVersion == version.Language)
            {
                found.Add((toolchain.GoBinary, table));
            }
        }

        return found;
    }

    private static (int ExitCode, string Output) RunGo(string go, string command, string goflags)
    {
        var home = Directory.CreateTempSubdirectory("goenv-flags-");
        try
        {
            var work = home.CreateSubdirectory("work");
            var start = new ProcessStartInfo(go)
            {
                WorkingDirectory = work.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var word in command.Split(' '))
            {
                start.ArgumentList.Add(word);
            }

            start.Environment.Clear();
            start.Environment["HOME"] = home.FullName;
            start.Environment["PATH"] = "/usr/bin:/bin";
            start.Environment["GOTOOLCHAIN"] = "local";
            start.Environment["GOENV"] = "off";
            start.Environment["GOPROXY"] = "off";
            start.Environment["GOFLAGS"] = goflags;

            using var process = Process.Start(start)!;

            // Plain threads, not async reads: the probes already block thread-pool threads, and async completions
            // queued behind them would starve.
            var stdout = "";
            var reader = new Thread(() => stdout = process.StandardOutput.ReadToEnd());
            reader.Start();
            var stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{go} {command} with GOFLAGS={goflags} did not finish in a minute.");
            }

            reader.Join();
            return (process.ExitCode, stdout + stderr);
        }
        finally
        {
            try
            {
                home.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A go run may leave a read-only module cache; the temp directory is the system's to clean then.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
