namespace GoEnv.Core.Discovery;

/// <summary>Finds `go` executables: the one given with --go, and every one on PATH.</summary>
public static class GoLocator
{
    public static string ExecutableName(HostOs os) => os == HostOs.Windows ? "go.exe" : "go";

    /// <summary>Every `go` on PATH, in PATH order, without repeats of the same real file.</summary>
    public static List<GoExecutable> FindOnPath(HostEnvironment host)
    {
        var found = new List<GoExecutable>();
        var seen = new HashSet<string>(host.Os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        var name = ExecutableName(host.Os);
        foreach (var entry in host.SplitList(host.Get("PATH") ?? ""))
        {
            // An empty PATH entry means the current directory to execvp, but Go's exec.LookPath refuses it; so do we.
            if (entry.Length == 0 || !Path.IsPathFullyQualified(entry))
            {
                continue;
            }

            var candidate = Path.Combine(entry, name);
            if (!IsExecutableFile(candidate, host.Os))
            {
                continue;
            }

            var resolved = TryResolve(candidate, out _) ?? candidate;
            if (seen.Add(resolved))
            {
                found.Add(new GoExecutable(candidate, resolved, ValueSource.ProcessEnvironment));
            }
        }

        return found;
    }

    /// <summary>Resolves --go as os/exec resolves a command (<see cref="FindCommand"/>): a path, or a name on PATH.</summary>
    public static GoExecutable? FromCommandLine(HostEnvironment host, string given, out string? problem)
    {
        problem = null;
        var path = FindCommand(host, given);
        if (path is null)
        {
            problem = $"--go {given}: no executable named '{given}' on PATH";
            return null;
        }

        var resolved = TryResolve(path, out var resolveProblem);
        if (resolveProblem is not null)
        {
            problem = $"--go {given}: {resolveProblem}";
            return new GoExecutable(path, path, ValueSource.CommandLine);
        }

        if (Directory.Exists(resolved ?? path))
        {
            problem = $"--go {given}: '{path}' is a directory; give the go executable (e.g. {Path.Combine(path, "bin", ExecutableName(host.Os))})";
            return null;
        }

        if (!File.Exists(resolved ?? path))
        {
            problem = $"--go {given}: '{path}' does not exist";
            return null;
        }

        if (!IsExecutableFile(path, host.Os))
        {
            problem = $"--go {given}: '{path}' is not executable";
        }

        return new GoExecutable(path, resolved ?? path, ValueSource.CommandLine);
    }

    /// <summary>The first executable of that name in an absolute PATH entry, or null.</summary>
    public static string? LookPath(HostEnvironment host, string name) =>
        host.SplitList(host.Get("PATH") ?? "")
            .Where(e => e.Length > 0 && Path.IsPathFullyQualified(e))
            .Select(e => Path.Combine(e, name))
            .FirstOrDefault(p => IsExecutableFile(p, host.Os));

    /// <summary>
    /// Where Go's os/exec finds the program of a command word (exec.LookPath / exec.Command), as cmd/go runs CC or
    /// GOCACHEPROG: a word with a path separator (on Windows also '\' or a drive colon) is a path, resolved against
    /// the working directory; any other word is searched on PATH. On Windows each candidate is also tried with
    /// PATHEXT's extensions (default .com;.exe;.bat;.cmd). Returns the path to run (a path word as given,
    /// resolved, even when it is not there), or null when PATH has no such program.
    /// </summary>
    public static string? FindCommand(HostEnvironment host, string word)
    {
        var windows = host.Os == HostOs.Windows;
        // os/exec's findExecutable on Windows: a word with an extension as it is first, then with each of PATHEXT's.
        IReadOnlyList<string> extensions = !windows ? [""]
            : Path.GetExtension(word).Length > 0 ? ["", .. WindowsExtensions(host)]
            : WindowsExtensions(host);
        if (word.Contains('/', StringComparison.Ordinal) || (windows && (word.Contains('\\', StringComparison.Ordinal) || word.Contains(':', StringComparison.Ordinal))))
        {
            var given = Path.GetFullPath(word, host.WorkingDirectory);
            return extensions.Select(e => given + e).FirstOrDefault(p => IsExecutableFile(p, host.Os)) ?? given;
        }

        return extensions.Select(e => LookPath(host, word + e)).FirstOrDefault(p => p is not null);
    }

    private static string[] WindowsExtensions(HostEnvironment host) =>
        host.GetNonEmpty("PATHEXT") is { } pathExt
            ? [.. pathExt.ToLowerInvariant().Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.StartsWith('.') ? e : "." + e)]
            : [".com", ".exe", ".bat", ".cmd"];

    /// <summary>The real path behind symbolic links; null with a problem on a loop or a dangling link.</summary>
    public static string? TryResolve(string path, out string? problem)
    {
        problem = null;
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return Path.GetFullPath(path);
            }

            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists)
            {
                problem = $"'{path}' is a symbolic link to '{info.LinkTarget}', which does not exist";
                return null;
            }

            return RealDirectory(target.FullName);
        }
        catch (IOException e)
        {
            // Too many levels of symbolic links (ELOOP) and the like.
            problem = $"'{path}' cannot be resolved: {e.Message}";
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            problem = $"'{path}' cannot be read: {e.Message}";
            return null;
        }
    }

    /// <summary>Resolves links in the directories of a path, like filepath.EvalSymlinks.</summary>
    public static string RealDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? "/";
        var result = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(result, part);
            try
            {
                var info = new FileInfo(next);
                if (info.LinkTarget is not null)
                {
                    next = info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? next;
                }
            }
            catch (IOException)
            {
                return full;
            }

            result = next;
        }

        return result;
    }

    public static bool IsExecutableFile(string path, HostOs os)
    {
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            if (os == HostOs.Windows || OperatingSystem.IsWindows())
            {
                return true;
            }

            var mode = File.GetUnixFileMode(path);
            return (mode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
