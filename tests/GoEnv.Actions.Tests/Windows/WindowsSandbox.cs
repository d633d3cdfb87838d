using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// One case's Windows world under Wine: a user profile (USERPROFILE, %LocalAppData%, %AppData%), TEMP, a module that
/// imports <see cref="DependencyModule"/> from a <c>file:///Z:/…</c> GOPROXY (so real Go downloads into GOMODCACHE
/// and compiles into GOCACHE), and the environment block, in order: names are kept as written, so a block may hold
/// <c>gopath</c>, or both <c>Path</c> and <c>PATH</c>, as Windows allows.
/// </summary>
internal sealed class WindowsSandbox : IDisposable
{
    private static readonly string[] s_checkArguments = ["check", "--format", "json"];

    private readonly List<KeyValuePair<string, string>> _environment = [];

    private WindowsSandbox(Wine.WineSetup wine, WindowsToolchain toolchain, string root)
    {
        Wine = wine;
        Toolchain = toolchain;
        Root = root;
    }

    public Wine.WineSetup Wine { get; }

    public WindowsToolchain Toolchain { get; }

    /// <summary>The Unix directory holding everything of this case.</summary>
    public string Root { get; }

    public string ModuleDirectory => Path.Combine(Root, "work");

    public string Profile => Path.Combine(Root, "profile");

    /// <summary>%AppData%\go\env, where Go reads its go env file (os.UserConfigDir).</summary>
    public string GoEnvFile => Path.Combine(Profile, "AppData", "Roaming", "go", "env");

    public IReadOnlyList<KeyValuePair<string, string>> Environment => _environment;

    public static WindowsSandbox Create(Wine.WineSetup wine, WindowsToolchain toolchain)
    {
        var sandbox = new WindowsSandbox(wine, toolchain, Directory.CreateTempSubdirectory("goenv-windows-").FullName);
        sandbox.Populate();
        return sandbox;
    }

    /// <summary>A Unix path under the root, as Windows programs name it.</summary>
    public string WindowsPath(string relative) => Windows.Wine.ToWindows(Path.Combine(Root, relative));

    /// <summary>Replaces the variable named exactly <paramref name="name"/>, or appends it.</summary>
    public void Set(string name, string value)
    {
        int index = _environment.FindIndex(v => v.Key == name);
        if (index >= 0)
        {
            _environment[index] = new(name, value);
        }
        else
        {
            _environment.Add(new(name, value));
        }
    }

    /// <summary>Removes every variable of that name, in any letter case (Windows names are case-insensitive).</summary>
    public void Unset(string name) => _environment.RemoveAll(v => string.Equals(v.Key, name, StringComparison.OrdinalIgnoreCase));

    public string WriteFile(string relative, string content)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>This toolchain's go.exe, run by full path with the sandbox's block, in the module.</summary>
    public ProcessResult RunGo(params string[] arguments) => Wine.Run(CommandLine(Toolchain.WindowsGoExe, arguments), ModuleDirectory, _environment);

    /// <summary>A command as cmd.exe runs it (so <c>go</c> is found the way a Windows shell finds it).</summary>
    public ProcessResult RunCmd(string command) => Wine.Run(@"C:\windows\system32\cmd.exe /d /c " + command, ModuleDirectory, _environment);

    /// <summary>goenv-action.exe (win-x64) with the sandbox's block, in the module.</summary>
    public ProcessResult RunGoEnv(params string[] arguments) =>
        Wine.Run(CommandLine(Windows.Wine.ToWindows(PublishedBinary.WindowsPath), arguments), ModuleDirectory, _environment);

    public CheckRun RunCheck() => CheckRun.From(RunGoEnv(s_checkArguments));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner: Go's module cache is read-only, which Directory.Delete copes with; anything else is rare.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A Windows command line: arguments with spaces or quotes quoted as CommandLineToArgvW reads them.</summary>
    private static string CommandLine(string program, IEnumerable<string> arguments) =>
        string.Join(' ', new[] { program }.Concat(arguments).Select(a => a.Length > 0 && !a.Any(c => c is ' ' or '\t' or '"') ? a : "\"" + a.Replace("\"", "\\\"") + "\""));

    private void Populate()
    {
        foreach (string directory in new[] { "profile/AppData/Local", "profile/AppData/Roaming", "tmp", "work" })
        {
            Directory.CreateDirectory(Path.Combine(Root, directory));
        }

        // Go 1.23+ keeps a telemetry child alive after exiting unless the mode file (under %AppData%) says off.
        WriteFile("profile/AppData/Roaming/go/telemetry/mode", "off\n");
        DependencyModule.WriteProxy(Path.Combine(Root, "proxy"));
        WriteFile("work/go.mod", $"module example.com/app\n\ngo 1.19\n\nrequire {DependencyModule.Path} {DependencyModule.Version}\n");
        WriteFile("work/go.sum", DependencyModule.GoSumLines);
        WriteFile("work/app.go", $"package app\n\nimport \"{DependencyModule.Path}\"\n\n// Answer comes from the dependency.\nconst Answer = dep.Answer\n");

        // What a Windows runner's process has, with this case's profile; nothing of this machine's environment.
        Set("SystemRoot", @"C:\windows");
        Set("windir", @"C:\windows");
        Set("SystemDrive", "C:");
        Set("ComSpec", @"C:\windows\system32\cmd.exe");
        Set("PATHEXT", ".COM;.EXE;.BAT;.CMD");
        Set("USERPROFILE", WindowsPath("profile"));
        Set("LocalAppData", WindowsPath(@"profile/AppData/Local"));
        Set("APPDATA", WindowsPath(@"profile/AppData/Roaming"));
        Set("TEMP", WindowsPath("tmp"));
        Set("TMP", WindowsPath("tmp"));
        Set("Path", Toolchain.WindowsBinDirectory + @";C:\windows\system32;C:\windows");
        Set("GOPROXY", "file:///" + WindowsPath("proxy").Replace('\\', '/'));
    }
}
