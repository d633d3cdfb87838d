namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// A throw-away world for one scenario on one toolchain, in a fresh temp directory:
/// <code>
///   home/            HOME (so the default GOENV file, GOPATH, GOCACHE and GOMODCACHE all live here)
///   proxy/           a file:// GOPROXY serving example.org/dep@v1.0.0
///   app/             module example.com/app (a library importing example.org/dep), go.mod, go.sum
/// </code>
/// The environment is built from scratch, like <c>env -i</c>: HOME, PATH (the toolchain's bin, /usr/bin, /bin),
/// GOPROXY=file://…/proxy and GOTOOLCHAIN=local, plus whatever the scenario sets. Nothing is inherited from the
/// developer's or the CI's environment.
/// </summary>
internal sealed class GoSandbox : IDisposable
{
    public const string ModulePath = "example.com/app";

    private static readonly TimeSpan s_goTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    /// <summary>Loopback servers the scenario started (stopped at disposal).</summary>
    private readonly List<IDisposable> _servers = [];
    private string _goDirective = "1.19";

    private GoSandbox(GoToolchain toolchain, string root)
    {
        Toolchain = toolchain;
        Root = root;
        Home = Path.Combine(root, "home");
        ProxyDirectory = Path.Combine(root, "proxy");
        ModuleDirectory = Path.Combine(root, "app");
        WorkingDirectory = ModuleDirectory;
    }

    public GoToolchain Toolchain { get; }

    public string Root { get; }

    public string Home { get; }

    public string ProxyDirectory { get; }

    public string ProxyUrl => "file://" + ProxyDirectory;

    public string ModuleDirectory { get; }

    /// <summary>Where RunGo and RunCheck start; the module directory unless a scenario moves it.</summary>
    public string WorkingDirectory { get; set; }

    /// <summary>The default location of the GOENV file for this sandbox's HOME (no XDG_CONFIG_HOME).</summary>
    public string DefaultGoEnvFile => Path.Combine(Home, ".config", "go", "env");

    public IReadOnlyDictionary<string, string> Environment => _environment;

    public static GoSandbox Create(GoToolchain toolchain)
    {
        string root = Directory.CreateTempSubdirectory("goenv-sandbox-").FullName;
        var sandbox = new GoSandbox(toolchain, root);
        try
        {
            sandbox.Populate();
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }

        return sandbox;
    }

    public void Set(string name, string value) => _environment[name] = value;

    public void Unset(string name) => _environment.Remove(name);

    /// <summary>An absolute path under the sandbox root (nothing is created).</summary>
    public string PathTo(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file under the sandbox root, creating its directory; returns its absolute path.</summary>
    public string WriteFile(string relative, string content)
    {
        string path = Path.IsPathRooted(relative) ? relative : PathTo(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Rewrites go.mod with another <c>go</c> line (e.g. "1.99", "1.21.0").</summary>
    public void SetGoDirective(string version)
    {
        _goDirective = version;
        WriteGoMod();
    }

    /// <summary>Writes an executable file (mode 0755) under the sandbox root; returns its absolute path.</summary>
    public string WriteExecutable(string relative, string content)
    {
        string path = WriteFile(relative, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return path;
    }

    /// <summary>Appends lines (directives) to go.mod after the require line, e.g. "godebug panicnil=1\n".</summary>
    public void AppendToGoMod(string text) => File.AppendAllText(Path.Combine(ModuleDirectory, "go.mod"), "\n" + text);

    /// <summary>Writes a go.work at the sandbox root (the module's parent), which Go finds from the module directory.</summary>
    public string WriteGoWork(string content) => WriteFile("go.work", content);

    /// <summary>
    /// Puts golang.org/toolchain@v0.0.1-<paramref name="toolchain"/>.linux-amd64 into the file:// proxy: a stand-in whose
    /// bin/go prints its arguments and exits 0 (what Go runs after switching; the layout Exec needs: bin, lib, pkg/tool).
    /// </summary>
    public void AddToolchainToProxy(string toolchain)
    {
        string version = $"v0.0.1-{toolchain}.linux-{HostArchitecture}";
        string dir = Path.Combine(ProxyDirectory, "golang.org", "toolchain", "@v");
        Directory.CreateDirectory(dir);
        string prefix = $"golang.org/toolchain@{version}/";
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(dir, version + ".zip"), System.IO.Compression.ZipArchiveMode.Create))
        {
            foreach ((string name, string content) in new[]
            {
                ("bin/go", "#!/bin/sh\necho \"stand-in " + toolchain + " $*\"\n"),
                ("bin/gofmt", "#!/bin/sh\n"),
                ("lib/README", "stand-in\n"),
                ("pkg/tool/README", "stand-in\n"),
                ("VERSION", toolchain + "\n"),
            })
            {
                using var writer = new StreamWriter(zip.CreateEntry(prefix + name).Open());
                writer.Write(content);
            }
        }

        File.WriteAllText(Path.Combine(dir, version + ".mod"), "module golang.org/toolchain\n");
        File.WriteAllText(Path.Combine(dir, version + ".info"), $"{{\"Version\":\"{version}\"}}\n");
        File.AppendAllText(Path.Combine(dir, "list"), version + "\n");
    }

    /// <summary>GOARCH of this machine, as Go names it in toolchain module versions.</summary>
    public static string HostArchitecture => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        _ => "amd64",
    };

    /// <summary>The default module cache of this sandbox's HOME (GOPATH unset).</summary>
    public string ModuleCache => Path.Combine(Home, "go", "pkg", "mod");

    /// <summary>Serves <paramref name="module"/> from the sandbox proxy and, as asked, requires it in go.mod, adds its go.sum lines and imports it.</summary>
    public void AddModule(ProxyModule module, bool require = true, bool sums = true, bool import = true)
    {
        module.WriteTo(ProxyDirectory);
        if (require)
        {
            AppendToGoMod(module.Require);
        }

        if (sums)
        {
            File.AppendAllText(Path.Combine(ModuleDirectory, "go.sum"), module.GoSumLines);
        }

        if (import)
        {
            Import(module.Path);
        }
    }

    /// <summary>Adds a file to the sandbox module that imports <paramref name="importPath"/> (blank import).</summary>
    public void Import(string importPath) =>
        File.WriteAllText(Path.Combine(ModuleDirectory, "import_" + importPath.Replace('/', '_').Replace('.', '_') + ".go"), $"package app\n\nimport _ \"{importPath}\"\n");

    /// <summary>The "private" module <see cref="AddPrivateGitModule"/> serves: a path with a .git element, so Go needs no go-get lookup.</summary>
    public const string PrivateModule = "git.corp.example/team/lib.git";

    /// <summary>
    /// Serves <see cref="PrivateModule"/>@v1.0.0 (package lib) from a bare git repository under the sandbox, reached
    /// through url.&lt;file URL&gt;.insteadOf (and protocol.file.allow) in HOME/.gitconfig, without network; app imports
    /// it, real Go adds the requirement and go.sum's lines (`go get` with GOPRIVATE set), and the module cache is
    /// emptied again, so a build must fetch it with git.
    /// </summary>
    public void AddPrivateGitModule()
    {
        var source = PathTo("gitsrc/lib");
        Directory.CreateDirectory(source);
        File.WriteAllText(Path.Combine(source, "go.mod"), $"module {PrivateModule}\n\ngo 1.19\n");
        File.WriteAllText(Path.Combine(source, "lib.go"), "package lib\n\n// Name is the module's own.\nconst Name = \"lib\"\n");
        var bare = PathTo("git/lib.git");
        RunGitOrThrow(source, "init", "-q");
        RunGitOrThrow(source, "add", "-A");
        RunGitOrThrow(source, "-c", "user.name=sandbox", "-c", "user.email=sandbox@example.com", "commit", "-qm", "v1.0.0");
        RunGitOrThrow(source, "tag", "v1.0.0");
        RunGitOrThrow(Root, "clone", "-q", "--bare", source, bare);

        // Go runs `git ls-remote https://git.corp.example/team/lib` (the root without .git): the prefix to rewrite.
        WriteFile("home/.gitconfig", $"[url \"file://{bare}\"]\n\tinsteadOf = https://git.corp.example/team/lib\n[protocol \"file\"]\n\tallow = always\n");
        Import(PrivateModule);
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal) { ["GOPRIVATE"] = "git.corp.example", ["GOFLAGS"] = "-mod=mod" };
        var result = ChildProcess.Run(Toolchain.GoBinary, ["get", PrivateModule + "@v1.0.0"], ModuleDirectory, environment, s_goTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Sandbox set-up `go get` of the private module failed: " + result.Describe());
        }

        ClearModuleCache();
    }

    /// <summary>
    /// Serves the bare repository of <see cref="PrivateModule"/> (<see cref="AddPrivateGitModule"/> first) over git's
    /// smart HTTP on loopback, behind basic authentication when <paramref name="user"/> is given, and points the
    /// insteadOf rewrite at it (with <paramref name="userInfo"/> in the URL when given), followed by
    /// <paramref name="gitConfig"/> (a credential helper, an extra header). The server stops with the sandbox.
    /// </summary>
    public LoopbackGitServer ServePrivateModuleOverHttp(string? user = null, string? password = null, string? userInfo = null, string gitConfig = "", bool hang = false)
    {
        var server = new LoopbackGitServer(PathTo("git"), user, password, hang);
        _servers.Add(server);
        var at = userInfo is null ? "" : userInfo + "@";
        WriteFile("home/.gitconfig", $"[url \"http://{at}127.0.0.1:{server.Port}/lib.git\"]\n\tinsteadOf = https://git.corp.example/team/lib\n{gitConfig}");
        return server;
    }

    /// <summary>
    /// Serves <see cref="PrivateModule"/> (<see cref="AddPrivateGitModule"/> first) from a module proxy over HTTPS on
    /// loopback behind basic authentication: real Go downloads it once (from git) into a directory laid out as a
    /// GOPROXY, the module cache is emptied again, and SSL_CERT_FILE is set to the proxy's certificate. The proxy stops
    /// with the sandbox.
    /// </summary>
    public LoopbackHttpsProxy ServePrivateModuleOverHttpsProxy(string user, string password)
    {
        var environment = new Dictionary<string, string>(_environment, StringComparer.Ordinal) { ["GOPRIVATE"] = "git.corp.example", ["GOMODCACHE"] = PathTo("proxycache") };
        var download = ChildProcess.Run(Toolchain.GoBinary, ["mod", "download", PrivateModule + "@v1.0.0"], ModuleDirectory, environment, s_goTimeout);
        if (download.ExitCode != 0)
        {
            throw new InvalidOperationException("Sandbox set-up `go mod download` of the private module failed: " + download.Describe());
        }

        var proxy = new LoopbackHttpsProxy(PathTo("proxycache/cache/download"), user, password, PathTo("proxy-cert.pem"));
        _servers.Add(proxy);
        Set("SSL_CERT_FILE", proxy.CertificateFile);
        return proxy;
    }

    /// <summary>A module proxy on loopback answering every request with <paramref name="status"/> (0: never answering); it stops with the sandbox.</summary>
    public LoopbackModuleProxy ServeModuleProxy(int status)
    {
        var proxy = new LoopbackModuleProxy(status);
        _servers.Add(proxy);
        return proxy;
    }

    /// <summary>Leaves HOME/.gitconfig without the insteadOf rewrite: nothing sends git from https://git.corp.example to the bare repository.</summary>
    public void RemovePrivateModuleRewrite() => WriteFile("home/.gitconfig", "[protocol \"file\"]\n\tallow = always\n");

    /// <summary>Removes <see cref="PrivateModule"/>'s lines from go.sum.</summary>
    public void RemovePrivateModuleSums()
    {
        var goSum = Path.Combine(ModuleDirectory, "go.sum");
        File.WriteAllLines(goSum, File.ReadAllLines(goSum).Where(l => !l.StartsWith(PrivateModule + " ", StringComparison.Ordinal)));
    }

    private void RunGitOrThrow(string directory, params string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = Home, ["PATH"] = "/usr/bin:/bin", ["GIT_CONFIG_NOSYSTEM"] = "1" };
        var result = ChildProcess.Run("git", args, directory, environment, s_goTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Sandbox set-up `git {string.Join(' ', args)}` failed: " + result.Describe());
        }
    }

    /// <summary>Adds a test file to the sandbox module that imports <paramref name="importPath"/> (blank import): `go test` and `go vet` load it, `go build` does not.</summary>
    public void ImportInTest(string importPath) =>
        File.WriteAllText(Path.Combine(ModuleDirectory, "import_" + importPath.Replace('/', '_').Replace('.', '_') + "_test.go"), $"package app\n\nimport _ \"{importPath}\"\n");

    /// <summary>Rewrites app.go without its import of example.org/dep (go.mod still requires it).</summary>
    public void StopImportingDependency() => File.WriteAllText(Path.Combine(ModuleDirectory, "app.go"), "package app\n\n// Value is the module's own.\nconst Value = 1\n");

    /// <summary>Replaces go.sum's content.</summary>
    public void WriteGoSum(string content) => File.WriteAllText(Path.Combine(ModuleDirectory, "go.sum"), content);

    /// <summary>
    /// Real Go (this sandbox's, or <paramref name="with"/>) downloads every required module into the module cache
    /// (before the scenario breaks something); throws when it cannot.
    /// </summary>
    public void FillModuleCache(GoToolchain? with = null) => RunGoOrThrow(with ?? Toolchain, "mod", "download");

    /// <summary>Real Go empties the module cache (`go clean -modcache`: its files are read-only); throws when it cannot.</summary>
    public void ClearModuleCache() => RunGoOrThrow(Toolchain, "clean", "-modcache");

    /// <summary>Real Go writes vendor/ (`go mod vendor`) with this sandbox's toolchain; throws when it cannot.</summary>
    public void Vendor() => RunGoOrThrow(Toolchain, "mod", "vendor");

    /// <summary>Real Go (<paramref name="with"/>, 1.22+) writes the workspace's vendor/ (`go work vendor`); throws when it cannot.</summary>
    public void WorkVendor(GoToolchain with) => RunGoOrThrow(with, "work", "vendor");

    private void RunGoOrThrow(GoToolchain toolchain, params string[] args)
    {
        ProcessResult result = ChildProcess.Run(toolchain.GoBinary, args, WorkingDirectory, _environment, s_goTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Sandbox set-up `go {string.Join(' ', args)}` failed: " + result.Describe());
        }
    }

    /// <summary>
    /// Deletes go.sum, so the dependency's hashes must come from the checksum database (or GONOSUMDB/GOSUMDB=off) when
    /// `go mod download` fetches it. The module stops importing it: `go build` under -mod=readonly would otherwise fail
    /// on the missing go.sum line (GOENV0152) whatever the checksum settings, and these scenarios are about the settings.
    /// </summary>
    public void RemoveDependencySums()
    {
        File.Delete(Path.Combine(ModuleDirectory, "go.sum"));
        StopImportingDependency();
    }

    /// <summary>Makes the module directory a git work tree with one commit, optionally with a .gitignore.</summary>
    public void InitGitRepository(string? gitignore = null)
    {
        if (gitignore is not null)
        {
            File.WriteAllText(Path.Combine(ModuleDirectory, ".gitignore"), gitignore);
        }

        RunGit("-c", "user.name=t", "-c", "user.email=t@t", "init", "-q");
        RunGit("add", "-A");
        RunGit("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "sandbox");
    }

    /// <summary>Real <c>go</c> (this sandbox's toolchain), in <see cref="WorkingDirectory"/>, with the sandbox environment.</summary>
    public ProcessResult RunGo(params string[] args) =>
        ChildProcess.Run(Toolchain.GoBinary, args, WorkingDirectory, _environment, s_goTimeout);

    /// <summary>The published <c>goenv-action check --format json</c>, same environment and directory.</summary>
    public CheckRun RunCheck(params string[] extraArgs) =>
        CheckRun.From(ChildProcess.Run(
            PublishedBinary.Path,
            ["check", "--format", "json", .. extraArgs],
            WorkingDirectory,
            _environment,
            s_checkTimeout));

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }

        DeleteTree(Root);
    }

    /// <summary>
    /// Go 1.23+ in its default telemetry mode ("local") forks a detached child that keeps writing under
    /// $HOME/.config/go/telemetry after go exits: it races the cleanup (leaving directories behind) and adds load.
    /// The mode lives in this file, not in the environment; "off" is what `go telemetry off` writes.
    /// </summary>
    public static void TurnTelemetryOff(string home)
    {
        var directory = Path.Combine(home, ".config", "go", "telemetry");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "mode"), "off\n");
    }

    private void Populate()
    {
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(ModuleDirectory);

        TurnTelemetryOff(Home);
        DependencyModule.WriteProxy(ProxyDirectory);
        WriteGoMod();

        // A library, not a main package: building it compiles only the dependency and itself (no runtime, no link),
        // so a build with a fresh GOCACHE stays well under a second.
        File.WriteAllText(
            Path.Combine(ModuleDirectory, "app.go"),
            "package app\n\nimport \"example.org/dep\"\n\n// Value re-exports the dependency's answer.\nconst Value = dep.Answer\n");
        File.WriteAllText(Path.Combine(ModuleDirectory, "go.sum"), DependencyModule.GoSumLines);

        _environment["HOME"] = Home;
        _environment["PATH"] = Toolchain.BinDirectory + ":/usr/bin:/bin";
        _environment["GOPROXY"] = ProxyUrl;
        _environment["GOTOOLCHAIN"] = "local";
    }

    private void WriteGoMod() =>
        File.WriteAllText(
            Path.Combine(ModuleDirectory, "go.mod"),
            $"module {ModulePath}\n\ngo {_goDirective}\n\nrequire {DependencyModule.Path} {DependencyModule.Version}\n");

    private void RunGit(params string[] args)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = Home,
            ["PATH"] = "/usr/bin:/bin",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
        };
        ProcessResult result = ChildProcess.Run("/usr/bin/git", args, ModuleDirectory, environment, TimeSpan.FromSeconds(60));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Sandbox git setup failed: " + result.Describe());
        }
    }

    private static void DeleteTree(string root)
    {
        if (!Directory.Exists(root))
        {
            return;
        }

        // Go writes the module cache read-only (0555 directories); give the owner write access back first.
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        };
        try
        {
            foreach (string directory in Directory.EnumerateDirectories(root, "*", options).Prepend(root))
            {
                File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.Delete(root, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory must not turn a verdict into a failure. One retry covers a straggler
            // process that was still writing.
            Thread.Sleep(200);
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
            }
        }
    }
}
