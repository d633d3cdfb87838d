using System.Text;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// Windows programs on this Linux machine: Debian's Wine 8.0, one prefix and one wine server for the whole test run.
/// Every program runs through <c>envrun.exe</c> (Data/windows/envrun.c), which starts it with exactly the environment
/// block, working directory and command line a case gives: Wine would otherwise hand the Unix environment (GOPATH,
/// HOME, …) to Windows programs, and its own launcher cannot clear USERPROFILE or set both <c>Path</c> and <c>PATH</c>.
/// Set-up (lazily, once): a prefix made by <c>wineboot -i</c>, the persistent server, <c>envrun.exe</c> and the
/// <c>bcryptprimitives.dll</c> that Go 1.22+ needs and Wine 8 lacks (Data/windows/bcryptprimitives.c), both built
/// with mingw-w64. Without wine, mingw-w64 or a Windows Go (.ci/install-wine.sh), every Windows test is inconclusive
/// with a message starting "skipped: no wine", which .ci/run counts and prints.
/// </summary>
internal static class Wine
{
    public const string SkipPrefix = "skipped: no wine";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<(WineSetup? Setup, string? Skip, string? Failure)> s_setup = new(SetUp, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running set-up; marks the calling test inconclusive (no wine) or failed (set-up broke).</summary>
    public static WineSetup Require()
    {
        (WineSetup? setup, string? skip, string? failure) = s_setup.Value;
        if (skip is not null)
        {
            Assert.Inconclusive(SkipPrefix + ": " + skip);
        }

        if (failure is not null)
        {
            Assert.Fail(failure);
        }

        return setup!;
    }

    /// <summary>Stops the wine server of this run and removes its prefix (assembly clean-up).</summary>
    public static void ShutDown()
    {
        if (s_setup.IsValueCreated && s_setup.Value.Setup is { } setup)
        {
            setup.Dispose();
        }
    }

    /// <summary>A Unix path as Windows programs see it under Wine (drive Z: is the Unix root).</summary>
    public static string ToWindows(string unixPath) => "Z:" + Path.GetFullPath(unixPath).Replace('/', '\\');

    private static (WineSetup?, string?, string?) SetUp()
    {
        string? wine = FindOnPath("wine");
        string? server = FindOnPath("wineserver");
        string? gcc = FindOnPath("x86_64-w64-mingw32-gcc");
        if (wine is null || server is null || gcc is null)
        {
            return (null, "wine, wineserver or x86_64-w64-mingw32-gcc is not on PATH (run .ci/install-wine.sh as root)", null);
        }

        IReadOnlyList<WindowsToolchain> toolchains = WindowsToolchain.Discover();
        if (toolchains.Count == 0)
        {
            return (null, $"no Windows Go under {WindowsToolchain.InstallRoot} (run .ci/install-wine.sh as root)", null);
        }

        string root = Directory.CreateTempSubdirectory("goenv-wine-").FullName;
        var setup = new WineSetup(wine, server, root, toolchains);
        try
        {
            return (setup, null, setup.Start(gcc));
        }
        catch
        {
            setup.Dispose();
            throw;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    /// <summary>The prefix, server and helpers of one test run.</summary>
    internal sealed class WineSetup : IDisposable
    {
        private readonly string _wine;
        private readonly string _server;

        public WineSetup(string wine, string server, string root, IReadOnlyList<WindowsToolchain> toolchains)
        {
            _wine = wine;
            _server = server;
            Root = root;
            Toolchains = toolchains;
        }

        public string Root { get; }

        public IReadOnlyList<WindowsToolchain> Toolchains { get; }

        private string Prefix => Path.Combine(Root, "prefix");

        private string Launcher => Path.Combine(Root, "envrun.exe");

        /// <summary>Null when the prefix, server and helpers are ready; otherwise why not, with the output.</summary>
        public string? Start(string gcc)
        {
            string sources = Path.Combine(AppContext.BaseDirectory, "Data", "windows");
            string system32 = Path.Combine(Prefix, "drive_c", "windows", "system32");
            foreach ((string source, string output, string[] options) in new[]
            {
                ("envrun.c", Launcher, new[] { "-municode" }),
                ("bcryptprimitives.c", Path.Combine(Root, "bcryptprimitives.dll"), new[] { "-shared", "-ladvapi32" }),
            })
            {
                ProcessResult built = ChildProcess.Run(gcc, ["-O2", "-s", "-o", output, Path.Combine(sources, source), .. options], Root, UnixEnvironment(), s_timeout);
                if (built.ExitCode != 0)
                {
                    return $"mingw-w64 could not build {source}: " + built.Describe();
                }
            }

            // mscoree/mshtml empty: no prompt to install Wine Mono or Gecko (neither is needed, none is reachable).
            // Its output goes to a file, not to our pipes, which the services it starts would otherwise hold open.
            var bootEnvironment = new Dictionary<string, string>(UnixEnvironment()) { ["WINEDLLOVERRIDES"] = "mscoree,mshtml=" };
            string bootLog = Path.Combine(Root, "wineboot.log");
            ProcessResult boot = ChildProcess.Run("/bin/sh", ["-c", "exec \"$0\" wineboot -i </dev/null >\"$1\" 2>&1", _wine, bootLog], Root, bootEnvironment, TimeSpan.FromMinutes(3));
            if (boot.ExitCode != 0 || !Directory.Exists(system32))
            {
                return "wineboot -i could not make a prefix: " + boot.Describe() + Environment.NewLine + (File.Exists(bootLog) ? File.ReadAllText(bootLog) : "");
            }

            File.Copy(Path.Combine(Root, "bcryptprimitives.dll"), Path.Combine(system32, "bcryptprimitives.dll"), overwrite: true);

            // One server for the run: each call then costs ~0.3 s instead of ~2.5 s. Stopped by Dispose.
            ChildProcess.Run(_server, ["-k"], Root, UnixEnvironment(), s_timeout);
            // The server, and the services (services.exe, explorer.exe, …) that the first program of a session starts,
            // live as long as the server: they must not inherit a pipe a test reads, or that read never ends. So both
            // start here with their output going nowhere.
            ProcessResult server = ChildProcess.Run("/bin/sh", ["-c", "\"$0\" -p </dev/null >/dev/null 2>&1 && exec \"$1\" cmd /c exit </dev/null >/dev/null 2>&1", _server, _wine], Root, UnixEnvironment(), s_timeout);
            return server.ExitCode == 0 ? null : "wineserver -p or the session's services did not start: " + server.Describe();
        }

        /// <summary>
        /// Runs <paramref name="commandLine"/> (a Windows command line; its program named by full path) in
        /// <paramref name="workingDirectory"/> (Unix path) with exactly <paramref name="environment"/>, in that order.
        /// </summary>
        public ProcessResult Run(string commandLine, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment)
        {
            string spec = Path.Combine(Root, "spec-" + Guid.NewGuid().ToString("N"));
            var fields = new List<string> { ToWindows(workingDirectory), commandLine };
            fields.AddRange(environment.Select(v => v.Key + "=" + v.Value));
            File.WriteAllBytes(spec, Encoding.UTF8.GetBytes(string.Join('\0', fields)));
            try
            {
                ProcessResult result = Launch(spec);
                // Under load, a client of the persistent server sometimes loses its socket at start-up; once more then.
                return result.StandardError.Contains("wine client error", StringComparison.Ordinal)
                    && result.StandardError.Contains("Connection reset by peer", StringComparison.Ordinal)
                    ? Launch(spec)
                    : result;
            }
            finally
            {
                File.Delete(spec);
            }
        }

        public void Dispose()
        {
            ChildProcess.Run(_server, ["-k"], Root, UnixEnvironment(), s_timeout);
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A program still closing a file: the temp directory is left behind.
            }
        }

        private ProcessResult Launch(string spec) =>
            ChildProcess.Run(_wine, [Launcher, ToWindows(spec)], Root, UnixEnvironment(), s_timeout);

        /// <summary>Only what wine itself needs: nothing of the developer's environment reaches the Windows side.</summary>
        private Dictionary<string, string> UnixEnvironment() => new(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = Root,
            ["WINEPREFIX"] = Prefix,
            ["WINEDEBUG"] = "-all",
        };
    }
}
