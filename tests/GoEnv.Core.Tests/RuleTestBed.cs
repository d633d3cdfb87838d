using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;

namespace GoEnv.Core.Tests;

/// <summary>
/// A temp directory with a fake Go installation (bin/go, pkg/tool, src/runtime, VERSION) and an environment built
/// from scratch, so rules can be checked without a real Go and without the developer's HOME.
/// </summary>
internal sealed class RuleTestBed : IDisposable
{
    public RuleTestBed(string version = "go1.22.12")
    {
        Root = Directory.CreateTempSubdirectory("goenv-rules-").FullName;
        GoRoot = Path.Combine(Root, "goroot");
        Directory.CreateDirectory(Path.Combine(GoRoot, "bin"));
        Directory.CreateDirectory(Path.Combine(GoRoot, "pkg", "tool", "linux_amd64"));
        Directory.CreateDirectory(Path.Combine(GoRoot, "src", "runtime"));
        File.WriteAllText(Path.Combine(GoRoot, "VERSION"), version + "\n");
        File.WriteAllText(Path.Combine(GoRoot, "go.env"), "GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n");
        GoExe = Path.Combine(GoRoot, "bin", "go");
        File.WriteAllText(GoExe, "#!/bin/sh\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(GoExe, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
        WorkDir = Path.Combine(Root, "work");
        Directory.CreateDirectory(WorkDir);
        Version = version;
        Env = new Dictionary<string, string> { ["HOME"] = Home, ["PATH"] = Path.Combine(GoRoot, "bin") + ":/usr/bin:/bin" };
        GoEnv = new Dictionary<string, string>
        {
            ["GOROOT"] = GoRoot,
            ["GOPATH"] = Path.Combine(Home, "go"),
            ["GOCACHE"] = Path.Combine(Home, ".cache", "go-build"),
            ["GOMODCACHE"] = Path.Combine(Home, "go", "pkg", "mod"),
            ["GOVERSION"] = version,
            ["GOOS"] = "linux",
            ["GOARCH"] = "amd64",
            ["GOPROXY"] = "https://proxy.golang.org,direct",
            ["GOSUMDB"] = "sum.golang.org",
            ["CGO_ENABLED"] = "1",
            ["GOAMD64"] = "v1",
        };
    }

    public string Root { get; }

    public string GoRoot { get; }

    public string GoExe { get; }

    public string Home { get; }

    public string WorkDir { get; set; }

    public string Version { get; }

    /// <summary>The process environment the check sees.</summary>
    public Dictionary<string, string> Env { get; }

    /// <summary>What the fake `go env -json` answers (set a variable in both for a consistent picture).</summary>
    public Dictionary<string, string> GoEnv { get; }

    /// <summary>Sets a variable in the process environment and in what `go env` reports.</summary>
    public RuleTestBed Set(string name, string value)
    {
        Env[name] = value;
        GoEnv[name] = value;
        return this;
    }

    public CheckResult Check(bool ci = false, IProcessRunner? runner = null)
    {
        if (ci)
        {
            Env["CI"] = "true";
        }

        var host = new HostEnvironment(Env, WorkDir, HostOs.Linux);
        return GoEnvChecker.Check(host, new CheckOptions { ProcessRunner = runner ?? FakeGo.Answering(GoEnv) });
    }

    public IReadOnlyList<Finding> Findings(string ruleId, bool ci = false) => Check(ci).Findings.Where(f => f.RuleId == ruleId).ToList();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
