using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Windows;

/// <summary>
/// The Windows environments the suite tries, with go.exe's outcome as observed under Wine 8.0 on Windows builds of
/// go1.19.8 and go1.27.3 (cross-built from Debian's sources, see .ci/install-wine.sh).
/// </summary>
internal static class WindowsCases
{
    private const string RelativeGopath = "GOPATH entry is relative; must be absolute path";
    private const string NoLocalAppData = "GOCACHE is not defined and %LocalAppData% is not defined";

    public static IReadOnlyList<WindowsCase> All { get; } =
    [
        new() { Name = "defaults: a Windows runner's profile", Variable = "GOPATH", Go = _ => WindowsGo.Succeeds() },

        // GOPATH: filepath.SplitList (';', double quotes group) and filepath.IsAbs (a volume and a separator, or UNC).
        new()
        {
            Name = "GOPATH: two entries separated by ';'",
            Variable = "GOPATH",
            Arrange = s => s.Set("GOPATH", s.WindowsPath("gp1") + ";" + s.WindowsPath("gp2")),
            Go = _ => WindowsGo.Succeeds(),
        },
        new()
        {
            Name = "GOPATH: a quoted entry holding ';'",
            Variable = "GOPATH",
            Arrange = s => s.Set("GOPATH", "\"" + s.WindowsPath("gp;1") + "\";" + s.WindowsPath("gp2")),
            Go = _ => WindowsGo.Succeeds(),
        },
        new() { Name = "GOPATH: relative", Variable = "GOPATH", Arrange = s => s.Set("GOPATH", "go"), Go = _ => WindowsGo.Fails(RelativeGopath + ": \"go\"") },
        new() { Name = @"GOPATH: rooted without a drive (\go)", Variable = "GOPATH", Arrange = s => s.Set("GOPATH", @"\go"), Go = _ => WindowsGo.Fails(RelativeGopath) },
        new() { Name = "GOPATH: drive-relative (C:go)", Variable = "GOPATH", Arrange = s => s.Set("GOPATH", "C:go"), Go = _ => WindowsGo.Fails(RelativeGopath + ": \"C:go\"") },
        new() { Name = "GOPATH: a Unix path", Variable = "GOPATH", Arrange = s => s.Set("GOPATH", "/home/runner/go"), Go = _ => WindowsGo.Fails(RelativeGopath) },
        new()
        {
            Name = @"GOPATH: ~\go",
            Variable = "GOPATH",
            Arrange = s => s.Set("GOPATH", @"~\go"),
            Go = _ => WindowsGo.Fails("GOPATH entry cannot start with shell metacharacter '~'"),
        },
        new()
        {
            // One entry on Windows (':' separates nothing), absolute; the module cache is set apart so only the parse is tried.
            Name = @"GOPATH: C:\a:C:\b is one absolute entry",
            Variable = "GOPATH",
            Arrange = s =>
            {
                s.Set("GOPATH", s.WindowsPath("a") + ":" + s.WindowsPath("b"));
                s.Set("GOMODCACHE", s.WindowsPath("modcache"));
            },
            Go = _ => WindowsGo.Succeeds(),
        },
        new()
        {
            Name = "GOPATH: a UNC path, module cache elsewhere",
            Variable = "GOPATH",
            Arrange = s =>
            {
                s.Set("GOPATH", @"\\server\share\go");
                s.Set("GOMODCACHE", s.WindowsPath("modcache"));
            },
            Go = _ => WindowsGo.Succeeds(),
        },
        new()
        {
            // The share is not there (none is, under Wine): the module cache under it cannot be made, and the first
            // download fails. On a runner that reaches the share, both succeed.
            Name = "GOPATH: a UNC path on an unreachable share, module cache under it",
            Variable = "GOMODCACHE",
            AlsoOn = ["GOPATH"],
            Arrange = s => s.Set("GOPATH", @"\\server\share\go"),
            Go = _ => WindowsGo.Fails("could not create module cache"),
            GoEnvSays = @"the share \\server\share cannot be reached",
        },
        new()
        {
            Name = "GOMODCACHE: on a drive that does not exist",
            Variable = "GOMODCACHE",
            Arrange = s => s.Set("GOMODCACHE", @"Q:\go\pkg\mod"),
            Go = _ => WindowsGo.Fails("could not create module cache"),
            GoEnvSays = @"the drive Q:\ does not exist",
        },
        new()
        {
            // cmd/go compares filepath.Clean(GOPATH) with GOROOT exactly: another letter case is another directory to it.
            Name = "GOPATH: GOROOT in other letter case",
            Variable = "GOPATH",
            Arrange = s => s.Set("GOPATH", s.Toolchain.WindowsGoRoot.ToUpperInvariant()),
            Go = _ => WindowsGo.Succeeds(),
        },
        new()
        {
            // Up to 1.23 Go compares with runtime.GOROOT(): $GOROOT, else the path baked in at build time (none in
            // these -trimpath builds), so GOROOT is set to make the outcome the same as an installed Go's.
            Name = @"GOPATH: GOROOT with a trailing \",
            Variable = "GOPATH",
            Arrange = s =>
            {
                s.Set("GOROOT", s.Toolchain.WindowsGoRoot);
                s.Set("GOPATH", s.Toolchain.WindowsGoRoot + @"\");
                s.Set("GOMODCACHE", s.WindowsPath("modcache"));
            },
            Go = t => WindowsGo.Warns(t.Version.IsAtLeast(24) ? "both GOPATH and GOROOT are the same directory" : "GOPATH set to GOROOT"),
        },

        // Names: Windows looks variables up without regard to case, and so do Go and GoEnv.
        new() { Name = "gopath (lower case): relative", Variable = "GOPATH", Arrange = s => s.Set("gopath", "rel"), Go = _ => WindowsGo.Fails(RelativeGopath + ": \"rel\"") },
        new() { Name = "goflags (lower case): an unknown flag", Variable = "GOFLAGS", Arrange = s => s.Set("goflags", "-notaflag"), Go = _ => WindowsGo.Fails("unknown flag -notaflag") },

        // Caches.
        new() { Name = "GOCACHE: relative", Variable = "GOCACHE", Arrange = s => s.Set("GOCACHE", @"rel\cache"), Go = _ => WindowsGo.Fails("GOCACHE is not an absolute path") },
        new() { Name = @"GOCACHE: rooted without a drive (\cache)", Variable = "GOCACHE", Arrange = s => s.Set("GOCACHE", @"\cache"), Go = _ => WindowsGo.Fails("GOCACHE is not an absolute path") },
        new() { Name = "GOMODCACHE: relative", Variable = "GOMODCACHE", Arrange = s => s.Set("GOMODCACHE", "rel"), Go = _ => WindowsGo.Fails("GOMODCACHE entry is relative; must be absolute path: \"rel\"") },
        new() { Name = @"GOMODCACHE: rooted without a drive (\modcache)", Variable = "GOMODCACHE", Arrange = s => s.Set("GOMODCACHE", @"\modcache"), Go = _ => WindowsGo.Fails("GOMODCACHE entry is relative") },

        // GOCACHEPROG (Go 1.24+; older Go ignores it): found as os/exec finds a command on Windows (PATHEXT).
        new()
        {
            Name = "GOCACHEPROG: a program that is not on Path",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", "no-such-cacheprog"),
            Go = t => t.Version.IsAtLeast(24) ? WindowsGo.Fails("error starting GOCACHEPROG program") : WindowsGo.Succeeds(),
        },
        new()
        {
            // whoami.exe, named without its extension, starts (PATHEXT) but does not speak the protocol.
            Name = "GOCACHEPROG: a program on Path named without .exe, not a cache program",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", "whoami"),
            Go = t => t.Version.IsAtLeast(24) ? WindowsGo.Fails("GOCACHEPROG") : WindowsGo.Succeeds(),
        },

        // The profile variables a service account or a stripped environment lacks.
        new()
        {
            Name = "USERPROFILE, LocalAppData and APPDATA unset",
            Variable = "GOCACHE",
            AlsoOn = ["GOMODCACHE"],
            Arrange = s =>
            {
                s.Unset("USERPROFILE");
                s.Unset("LocalAppData");
                s.Unset("APPDATA");
            },
            Go = _ => WindowsGo.Fails("module cache not found: neither GOMODCACHE nor GOPATH is set"),
            GoEnvSays = "%LocalAppData% is not defined",
        },
        new() { Name = "LocalAppData unset", Variable = "GOCACHE", Arrange = s => s.Unset("LocalAppData"), Go = _ => WindowsGo.Fails(NoLocalAppData), GoEnvSays = NoLocalAppData },
        new() { Name = "LocalAppData empty", Variable = "GOCACHE", Arrange = s => s.Set("LocalAppData", ""), Go = _ => WindowsGo.Fails(NoLocalAppData), GoEnvSays = NoLocalAppData },
        new()
        {
            Name = "USERPROFILE unset: no GOPATH, no module cache",
            Variable = "GOMODCACHE",
            AlsoOn = ["GOPATH"],
            Arrange = s => s.Unset("USERPROFILE"),
            Go = _ => WindowsGo.Fails("module cache not found: neither GOMODCACHE nor GOPATH is set"),
            GoEnvSays = @"no USERPROFILE to derive %USERPROFILE%\go from",
        },
        new()
        {
            Name = "USERPROFILE empty: no GOPATH, no module cache",
            Variable = "GOMODCACHE",
            AlsoOn = ["GOPATH"],
            Arrange = s => s.Set("USERPROFILE", ""),
            Go = _ => WindowsGo.Fails("module cache not found: neither GOMODCACHE nor GOPATH is set"),
        },
        new() { Name = "APPDATA unset: no go env file", Variable = "GOENV", Arrange = s => s.Unset("APPDATA"), Go = _ => WindowsGo.Succeeds() },

        // The go env file: %AppData%\go\env.
        new()
        {
            Name = @"go env file in %AppData%: GOFLAGS with an unknown flag",
            Variable = "GOFLAGS",
            Arrange = s => s.WriteFile("profile/AppData/Roaming/go/env", "GOFLAGS=-notaflag\n"),
            Go = _ => WindowsGo.Fails("unknown flag -notaflag"),
            Check = s => GoEnvVerdict.Error("GOFLAGS").At(Wine.ToWindows(s.GoEnvFile), 1),
        },
        new()
        {
            Name = @"go env file in %AppData%: relative GOPATH",
            Variable = "GOPATH",
            Arrange = s => s.WriteFile("profile/AppData/Roaming/go/env", "GOPROXY=off\nGOPATH=rel\n"),
            Go = _ => WindowsGo.Fails(RelativeGopath),
            Check = s => GoEnvVerdict.Error("GOPATH").At(Wine.ToWindows(s.GoEnvFile), 2),
        },
        new()
        {
            // Written by Notepad or checked out with core.autocrlf: Go splits the file at \n only, so every value
            // keeps its \r. Go 1.21+ refuses the GOTOOLCHAIN; 1.19 does not know GOTOOLCHAIN and says nothing, where
            // GoEnv warns: the file breaks the first newer Go.
            Name = @"go env file in %AppData%: CRLF line endings",
            Variable = "GOTOOLCHAIN",
            Arrange = s => s.WriteFile("profile/AppData/Roaming/go/env", "GOTOOLCHAIN=local\r\n"),
            Go = t => t.Version.IsAtLeast(21) ? WindowsGo.Fails(@"invalid GOTOOLCHAIN ""local\r""") : WindowsGo.Succeeds(),
            Check = s => s.Toolchain.Version.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN").At(Wine.ToWindows(s.GoEnvFile), 1) : GoEnvVerdict.Warning("GOTOOLCHAIN"),
        },
        new()
        {
            Name = "GOENV: a file named in other letter case than on disk",
            Variable = "GOENV",
            Arrange = s =>
            {
                s.WriteFile("settings/GoEnv.txt", "GOFLAGS=-mod=mod\n");
                s.Set("GOENV", s.WindowsPath("settings/goenv.TXT"));
            },
            Go = _ => WindowsGo.Succeeds(),
        },
    ];

    public static WindowsCase Get(string name) => All.Single(c => c.Name == name);
}
