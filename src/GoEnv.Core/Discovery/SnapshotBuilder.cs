using GoEnv.Core.Go;
using GoEnv.Core.Modules;
using GoEnv.Core.Security;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Gathers one <see cref="GoSnapshot"/>: locate `go`, ask it once (`go env -json NAME…`), and work out where every
/// value came from. When `go env` fails, the values are derived from the process environment and the go/env files
/// the way cmd/go does, so every problem can still be reported.
/// </summary>
public static class SnapshotBuilder
{
    public static GoSnapshot Build(HostEnvironment host, CheckOptions options)
    {
        var redactor = new SecretRedactor();
        foreach (var (_, value) in host.Variables)
        {
            redactor.LearnFrom(value);
        }

        var onPath = GoLocator.FindOnPath(host);
        GoExecutable? go;
        string? goProblem = null;
        if (options.GoExecutable is { Length: > 0 } given)
        {
            go = GoLocator.FromCommandLine(host, given, out goProblem);
        }
        else
        {
            go = onPath.FirstOrDefault();
            if (go is null)
            {
                goProblem = $"no '{GoLocator.ExecutableName(host.Os)}' executable on PATH";
            }
        }

        var probe = GoEnvProbeResult.NotRun;
        if (go is not null && goProblem is null)
        {
            probe = GoEnvProbe.Run(options.ProcessRunner, ProbeRequest(host, go.Path, options.Timeout));
        }

        // A go first on PATH that fails for reasons of its own (not a variable Go names): is there a working one behind it?
        var workingBehind = go is not null && goProblem is null && options.GoExecutable is not { Length: > 0 } && !probe.Succeeded && probe.Status != GoEnvProbeStatus.NotRun
            && GoMessages.VariableOf(probe.Message) is null
            ? onPath.Skip(1).FirstOrDefault(next => GoEnvProbe.Run(options.ProcessRunner, ProbeRequest(host, next.Path, options.Timeout)).Succeeded)
            : null;

        // The Go version decides how some things are read, so settle it first.
        var versionText = probe.Succeeded && probe.Values.TryGetValue(GoVariableNames.GoVersion, out var gv) ? gv : "";
        var exeRoot = go is null ? null : FindGoRootFromExecutable(go);
        if (versionText.Length == 0 && go is not null && goProblem is null)
        {
            versionText = ReadVersionFile(exeRoot) ?? RunGoVersion(options, host, go) ?? "";
        }

        var version = GoVersion.Parse(versionText.StartsWith("devel ", StringComparison.Ordinal) ? versionText[6..] : versionText);

        // The user file location depends on the version (relative XDG_CONFIG_HOME is refused from 1.24).
        var userEnvFile = LocateUserEnvFile(host, version, out var userEnvProblem);
        var userFile = userEnvFile is null ? null : GoEnvFile.Read(userEnvFile);

        var resolver = new SourceResolver(host, userFile, null);
        var goRoot = probe.Succeeded && probe.Values.TryGetValue(GoVariableNames.GoRoot, out var pr) && pr.Length > 0
            ? pr
            : resolver.Raw(GoVariableNames.GoRoot) ?? exeRoot ?? "";
        GoEnvFile? goRootEnv = null;
        if (goRoot.Length > 0 && (version is null || version.AtLeast(1, 21)))
        {
            var path = Path.Combine(goRoot, "go.env");
            goRootEnv = GoEnvFile.Read(path);
        }

        resolver = new SourceResolver(host, userFile, goRootEnv);

        // Every place a value can come from: the process environment (above), both env files, and what Go reported.
        foreach (var entry in (userFile?.Entries.Values ?? []).Concat(goRootEnv?.Entries.Values ?? []))
        {
            redactor.LearnFrom(entry.Value);
        }

        foreach (var (_, value) in probe.Values)
        {
            redactor.LearnFrom(value);
        }

        var variables = new Dictionary<string, GoVariable>(StringComparer.Ordinal);
        var defaults = new GoDefaults(host, version, goRoot, exeRoot, resolver);
        foreach (var name in GoVariableNames.Probed.Concat(GoVariableNames.Settable).Concat(GoVariableNames.CgoFlags).Distinct())
        {
            var source = resolver.Source(name, out var raw);
            string value;
            if (name is GoVariableNames.GoToolchain or GoVariableNames.GoWork or GoVariableNames.GoFlags)
            {
                // The probe runs with GOTOOLCHAIN=local (no downloads during a check), a neutral GOFLAGS, and
                // outside the module: these values are GoEnv's own reading.
                value = raw ?? defaults.Get(name);
            }
            else if (probe.Succeeded && probe.Values.TryGetValue(name, out var probed))
            {
                value = probed;
            }
            else
            {
                value = raw ?? defaults.Get(name);
            }

            variables[name] = new GoVariable(name, value, source, raw);
        }

        if (versionText.Length > 0)
        {
            variables[GoVariableNames.GoVersion] = new GoVariable(GoVariableNames.GoVersion, versionText, ValueSource.Default, null);
        }

        var (goMod, goWork) = FindModule(host, variables[GoVariableNames.GoWork].Value, options.ModuleTree);
        var cacheProgValue = variables[GoVariableNames.GoCacheProg].Value;
        if (cacheProgValue.Length > 0)
        {
            // Its arguments may carry a token: learned before anything is reported or pinned.
            redactor.LearnFromArguments([.. GoFlagsTokenizer.Split(cacheProgValue, null, out _).Select(w => w.Text)]);
        }

        foreach (var command in variables[GoVariableNames.GoAuth].Value.Split(';'))
        {
            redactor.LearnFromArguments(command.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }

        var cacheProg = cacheProgValue.Length > 0 && go is not null && CacheProgHandshake.UsedBy(version, variables[GoVariableNames.GoExperiment].Value)
            ? CacheProgHandshake.Run(options.ProcessRunner, host, cacheProgValue)
            : null;
        var workspaceModules = goWork is null ? [] : WorkspaceModule.ReadAll(goWork, options.ModuleTree);
        var toolchain = go is null || goProblem is not null ? ToolchainResolution.Unknown : ToolchainResolver.Resolve(new ToolchainResolver.Inputs(host, version, variables, goMod, goWork));
        var graph = go is null || goProblem is not null
            ? ModuleGraph.None
            : ModuleGraphResolver.Resolve(new ModuleGraphResolver.Inputs(host, toolchain.Switches ? toolchain.Version : version, variables, goMod, goWork, workspaceModules, options.ModuleTree));
        foreach (var secret in graph.Secrets)
        {
            redactor.LearnSecret(secret);
        }

        var snapshot = new GoSnapshot
        {
            Host = host,
            Go = go,
            GoProblem = goProblem,
            InstalledElsewhere = go is null && options.GoExecutable is not { Length: > 0 } ? ToolchainFinder.Find(host, PredictModuleCache(host)) : [],
            GoOnPath = onPath,
            WorkingGoBehind = workingBehind,
            Version = version,
            VersionText = versionText,
            Probe = probe,
            UserEnvFile = userFile,
            UserEnvFileProblem = userEnvProblem,
            GoRootEnvFile = goRootEnv,
            Variables = variables,
            GoMod = goMod,
            GoWork = goWork,
            WorkspaceModules = workspaceModules,
            Godebugs = variables[GoVariableNames.GoDebug].Value.Length > 0 || new[] { goMod, goWork }.Concat(workspaceModules.Select(m => m.GoMod)).Any(f => f?.Godebugs.Count > 0)
                ? GodebugSettings.Read(toolchain.Switches ? toolchain.GoRoot : goRoot)
                : null,
            Toolchain = toolchain,
            CacheProg = cacheProg,
            Graph = graph,
            Git = options.GitFacts(host.WorkingDirectory),
            Redactor = redactor,
        };
        if (options.FetchProbe is { } fetchProbe && goProblem is null)
        {
            FetchProbe.Run(snapshot, fetchProbe, options.ProcessRunner, redactor);
        }

        return snapshot;
    }

    /// <summary>The one `go env -json NAME…` call a snapshot makes, for a go executable already located.</summary>
    public static ProcessRequest ProbeRequest(HostEnvironment host, string goExecutable, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(host);
        return GoEnvProbe.Request(goExecutable, ProbeEnvironment(host), NeutralDirectory(host), timeout, GoVariableNames.Probed);
    }

    /// <summary>
    /// The probe request for the go a snapshot with these options will use (the first on PATH unless one is given),
    /// or null when there is none: what the CLI can start before it has even parsed its command line.
    /// </summary>
    public static ProcessRequest? PredictProbe(HostEnvironment host, string? goExecutable, TimeSpan timeout) =>
        PredictGo(host, goExecutable) is { } go ? ProbeRequest(host, go.Path, timeout) : null;

    /// <summary>The release of the go a snapshot with these options will use, as its VERSION file names it (null when unknown).</summary>
    public static GoVersion? PredictVersion(HostEnvironment host, string? goExecutable) =>
        PredictGo(host, goExecutable) is { } go && ReadVersionFile(FindGoRootFromExecutable(go)) is { } text ? GoVersion.Parse(text) : null;

    private static GoExecutable? PredictGo(HostEnvironment host, string? goExecutable)
    {
        ArgumentNullException.ThrowIfNull(host);
        string? problem = null;
        var go = goExecutable is { Length: > 0 } given ? GoLocator.FromCommandLine(host, given, out problem) : GoLocator.FindOnPath(host).FirstOrDefault();
        return problem is null ? go : null;
    }

    /// <summary>
    /// The probe's environment: the user's, with GOTOOLCHAIN=local so that asking `go env` can never download a
    /// toolchain (GoEnv validates GOTOOLCHAIN itself).
    /// </summary>
    private static Dictionary<string, string> ProbeEnvironment(HostEnvironment host)
    {
        // GOFLAGS is replaced too: `go env` applies the GOFLAGS flags it defines itself, so a user's
        // GOFLAGS="-ldflags=-s -w" would turn the probe into `go env -w …` ("cannot use -json with -w"), and "-u"
        // into `go env -u`. "-a" is a flag every Go version knows and `go env` skips. GoEnv reads GOFLAGS itself.
        var env = new Dictionary<string, string>(host.Variables, StringComparer.Ordinal)
        {
            [GoVariableNames.GoToolchain] = "local",
            [GoVariableNames.GoFlags] = "-a",
        };
        return env;
    }

    /// <summary>
    /// The probe runs at the filesystem root, outside any module: what `go env` says of the variables GoEnv asks for
    /// does not depend on the module, and toolchain selection then has no go.mod to act on.
    /// </summary>
    private static string NeutralDirectory(HostEnvironment host) => Path.GetPathRoot(host.WorkingDirectory) is { Length: > 0 } root ? root : "/";

    /// <summary>
    /// Where Go reads the user's go/env file: $GOENV (OS environment only; "off" = none), else
    /// os.UserConfigDir()/go/env.
    /// </summary>
    /// <summary>
    /// The module cache Go would use, before any go has run (to find the toolchains Go downloaded there): GOMODCACHE,
    /// else the first GOPATH entry's pkg/mod, else the default GOPATH's, from the environment and the user's go env
    /// file as cmd/go reads them; null when there is none.
    /// </summary>
    public static string? PredictModuleCache(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var userEnvFile = LocateUserEnvFile(host, null, out _);
        var resolver = new SourceResolver(host, userEnvFile is null ? null : GoEnvFile.Read(userEnvFile), null);
        var value = resolver.Raw(GoVariableNames.GoModCache) ?? new GoDefaults(host, null, "", null, resolver).Get(GoVariableNames.GoModCache);
        return value.Length == 0 ? null : value;
    }

    public static string? LocateUserEnvFile(HostEnvironment host, GoVersion? version, out string? problem)
    {
        problem = null;
        var goEnv = host.GetNonEmpty(GoVariableNames.GoEnv);
        if (goEnv is not null)
        {
            return goEnv == "off" ? null : Path.GetFullPath(goEnv, host.WorkingDirectory);
        }

        var configDir = UserConfigDir(host, version, out problem);
        return configDir is null ? null : Path.Combine(configDir, "go", "env");
    }

    /// <summary>os.UserConfigDir as the running Go version implements it.</summary>
    public static string? UserConfigDir(HostEnvironment host, GoVersion? version, out string? problem)
    {
        problem = null;
        switch (host.Os)
        {
            case HostOs.Windows:
                var appData = host.GetNonEmpty("AppData");
                if (appData is null)
                {
                    problem = "%AppData% is not defined";
                }

                return appData;
            case HostOs.MacOS:
                var macHome = host.GetNonEmpty("HOME");
                if (macHome is null)
                {
                    problem = "$HOME is not defined";
                    return null;
                }

                return Path.Combine(macHome, "Library", "Application Support");
            default:
                var xdg = host.GetNonEmpty("XDG_CONFIG_HOME");
                if (xdg is not null)
                {
                    if (!Path.IsPathRooted(xdg) && (version is null || version.AtLeast(1, 24)))
                    {
                        problem = "path in $XDG_CONFIG_HOME is relative";
                        return null;
                    }

                    return xdg;
                }

                var home = host.GetNonEmpty("HOME");
                if (home is null)
                {
                    problem = "neither $XDG_CONFIG_HOME nor $HOME are defined";
                    return null;
                }

                return Path.Combine(home, ".config");
        }
    }

    /// <summary>cmd/go's findGOROOT: exe/../.. (and from 1.21 exe/../../..) holding a pkg/tool directory, before and after resolving links.</summary>
    public static string? FindGoRootFromExecutable(GoExecutable go)
    {
        foreach (var exe in new[] { Path.GetFullPath(go.Path), go.ResolvedPath }.Distinct())
        {
            var dir = Path.GetDirectoryName(exe);
            for (var up = 0; up < 2 && dir is not null; up++)
            {
                dir = Path.GetDirectoryName(dir);
                if (dir is not null && Directory.Exists(Path.Combine(dir, "pkg", "tool")))
                {
                    return dir;
                }
            }
        }

        return null;
    }

    /// <summary>The first line of $GOROOT/VERSION (what a release install carries), e.g. "go1.19.8".</summary>
    public static string? ReadVersionFile(string? goRoot)
    {
        if (goRoot is null)
        {
            return null;
        }

        try
        {
            var path = Path.Combine(goRoot, "VERSION");
            if (!File.Exists(path))
            {
                return null;
            }

            using var reader = new StreamReader(path);
            var first = reader.ReadLine()?.Trim();
            return first is { Length: > 0 } && first.StartsWith("go", StringComparison.Ordinal) ? first : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>`go version` in a clean environment, used only when `go env` failed and there is no VERSION file.</summary>
    private static string? RunGoVersion(CheckOptions options, HostEnvironment host, GoExecutable go)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["GOTOOLCHAIN"] = "local", ["GOENV"] = "off", ["GOFLAGS"] = "" };
        foreach (var name in new[] { "PATH", "HOME", "SystemRoot", "USERPROFILE", "AppData", "LocalAppData" })
        {
            if (host.Get(name) is { } v)
            {
                env[name] = v;
            }
        }

        var outcome = options.ProcessRunner.Run(new ProcessRequest(go.Path, ["version"], env, NeutralDirectory(host), options.Timeout, 64 * 1024));
        if (!outcome.Started || outcome.TimedOut || outcome.ExitCode != 0)
        {
            return null;
        }

        // "go version go1.21.13 linux/amd64"
        var parts = outcome.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 && parts[0] == "go" && parts[1] == "version" ? parts[2] : null;
    }

    internal static (ModuleFile? GoMod, ModuleFile? GoWork) FindModule(HostEnvironment host, string goWork, ModuleTreeFiles files)
    {
        var modPath = ModuleFile.FindUpward(host.WorkingDirectory, "go.mod");
        var mod = modPath is null ? null : files.ModuleFile(modPath);
        var workPath = goWork switch
        {
            "off" => null,
            "" or "auto" => ModuleFile.FindUpward(host.WorkingDirectory, "go.work"),
            // A relative or missing GOWORK is an error GOENV0110 reports; there is no workspace to read then.
            _ => Path.IsPathFullyQualified(goWork) && File.Exists(goWork) ? goWork : null,
        };
        var work = workPath is null ? null : files.ModuleFile(workPath);
        return (mod, work);
    }
}
