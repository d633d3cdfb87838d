using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Every environment the differential tests try, with real Go's outcome per version as OBSERVED on the installed
/// toolchains (Debian builds of go1.19.8, 1.21.13, 1.22.12, 1.23.5, 1.24.4, 1.26.10, 1.27.3; real Go wins over the
/// reference text) and the verdict goenv-action check must give. Severity contract: error = Go will fail (or builds
/// something other than asked); warning = works but unsafe or not reproducible.
/// </summary>
internal static class ScenarioCatalog
{
    private const string GoSumDatabase = "sum.golang.org";

    /// <summary>Must never appear in goenv-action's output.</summary>
    private const string ProxySecret = "s3cr3t-proxy-token-0042";

    private static readonly Lazy<IReadOnlyList<Scenario>> s_all = new(Build);

    public static IReadOnlyList<Scenario> All => s_all.Value;

    public static Scenario Get(string name) =>
        All.SingleOrDefault(s => s.Name == name) ?? throw new ArgumentException($"No scenario named \"{name}\".", nameof(name));

    private static IReadOnlyList<Scenario> Build()
    {
        List<Scenario> scenarios =
        [
            .. Baseline(),
            .. Goroot(),
            .. GopathAndGobin(),
            .. BuildCache(),
            .. ModuleCache(),
            .. GoFlags(),
            .. ModulesAndProxies(),
            .. ChecksumsAndPrivacy(),
            .. Toolchain(),
            .. Workspace(),
            .. ModuleSyntax(),
            .. ToolchainSwitch(),
            .. NewerSettings(),
            .. Platform(),
            .. GoEnvFile(),
            .. ModuleGraphScenarios.All(),
            .. PrivateModuleScenarios.All(),
        ];
        string[] duplicates = [.. scenarios.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key)];
        return duplicates.Length == 0
            ? scenarios
            : throw new InvalidOperationException("Duplicate scenario names: " + string.Join(", ", duplicates));
    }

    private static IEnumerable<Scenario> Baseline() =>
    [
        new()
        {
            Name = "defaults: nothing set",
            Variable = "(none)",
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "no go installed: PATH without go",
            Variable = "PATH",
            Arrange = s => s.Set("PATH", CreateDirectory(s, "empty-bin")),
            GoCommand = null,
            ToolchainIndependent = true,
            Check = (_, _) => GoEnvVerdict.Error(),
        },
    ];

    private static IEnumerable<Scenario> Goroot() =>
    [
        new()
        {
            // The shell runs the first go on PATH; GoEnv names the PATH order, and the go behind it that works.
            Name = "PATH: a broken go first, a working one behind it",
            Variable = "PATH",
            Arrange = s => s.Set("PATH", Path.GetDirectoryName(s.WriteExecutable("broken-bin/go", "#!/bin/sh\necho 'fatal error: unexpected signal' >&2\nexit 2\n")) + ":" + s.Environment["PATH"]),
            GoCommand = null,
            Check = (_, _) => GoEnvVerdict.Error("PATH"),
        },
        new()
        {
            Name = "GOROOT: directory does not exist",
            Variable = "GOROOT",
            Arrange = s => s.Set("GOROOT", s.PathTo("no-such-goroot")),
            Go = _ => GoExpectation.Failure("cannot find GOROOT directory"),
            Check = (_, _) => GoEnvVerdict.Error("GOROOT"),
        },
        new()
        {
            // Go only checks that GOROOT is a directory; the build then fails looking for its tools.
            Name = "GOROOT: an empty directory, not a Go install",
            Variable = "GOROOT",
            Arrange = s => s.Set("GOROOT", CreateDirectory(s, "empty-goroot")),
            Go = _ => GoExpectation.Failure("no such tool \"compile\""),
            Check = (_, _) => GoEnvVerdict.Error("GOROOT"),
        },
        new()
        {
            // No startup check: go env and go list work, compile refuses the foreign tree's version.
            Name = "GOROOT: another installed Go version than the go binary",
            Variable = "GOROOT",
            NotApplicable = t => GoToolchains.OtherThan(t) is null ? "needs a second installed Go version" : null,
            Arrange = s => s.Set("GOROOT", GoToolchains.OtherThan(s.Toolchain)!.GoRoot),
            Go = t => GoExpectation.Failure($"does not match go tool version \"{t.Version}\""),
            Check = (_, _) => GoEnvVerdict.Error("GOROOT"),
        },
    ];

    private static IEnumerable<Scenario> GopathAndGobin() =>
    [
        new()
        {
            Name = "GOPATH: relative entry",
            Variable = "GOPATH",
            Arrange = Env("GOPATH", "relative/gopath"),
            Go = _ => GoExpectation.Failure("GOPATH entry is relative; must be absolute path: \"relative/gopath\""),
            Check = (_, _) => GoEnvVerdict.Error("GOPATH"),
        },
        new()
        {
            Name = "GOPATH: entry starting with ~",
            Variable = "GOPATH",
            Arrange = Env("GOPATH", "~/go"),
            Go = _ => GoExpectation.Failure("GOPATH entry cannot start with shell metacharacter '~'"),
            Check = (_, _) => GoEnvVerdict.Error("GOPATH"),
        },
        new()
        {
            Name = "GOPATH: two absolute entries",
            Variable = "GOPATH",
            Arrange = s => s.Set("GOPATH", s.PathTo("gopath1") + ":" + s.PathTo("gopath2")),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOPATH"),
        },
        new()
        {
            // Only a warning on stderr; GOMODCACHE is moved out so nothing is written into the real GOROOT.
            // Observed: 1.21 prints no warning at all when GOROOT is not set explicitly (it compares with the
            // trimmed binary's empty runtime.GOROOT()); 1.24 changed the text.
            Name = "GOPATH: same directory as GOROOT",
            Variable = "GOPATH",
            Arrange = s =>
            {
                s.Set("GOPATH", s.Toolchain.GoRoot);
                s.Set("GOMODCACHE", s.PathTo("modcache"));
            },
            Go = t => GoExpectation.Success(
                t.IsAtLeast(24) ? "warning: both GOPATH and GOROOT are the same directory"
                : t.Minor is 19 or 22 or 23 ? "warning: GOPATH set to GOROOT"
                : null),
            Check = (_, _) => GoEnvVerdict.Warning("GOPATH"),
        },
        new()
        {
            Name = "GOBIN: relative, with go install",
            Variable = "GOBIN",
            Arrange = Env("GOBIN", "relative/bin"),
            GoCommand = ["install", "./..."],
            Go = _ => GoExpectation.Failure("cannot install, GOBIN must be an absolute path"),
            Check = (_, _) => GoEnvVerdict.Error("GOBIN"),
        },
        new()
        {
            Name = "GOBIN: absolute, with go install",
            Variable = "GOBIN",
            Arrange = s => s.Set("GOBIN", s.PathTo("bin")),
            GoCommand = ["install", "./..."],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOBIN"),
        },
        new()
        {
            Name = "GOTMPDIR: directory does not exist",
            Variable = "GOTMPDIR",
            Arrange = s => s.Set("GOTMPDIR", s.PathTo("no-such-tmp")),
            Go = _ => GoExpectation.Failure("creating work dir"),
            Check = (_, _) => GoEnvVerdict.Error("GOTMPDIR"),
        },
    ];

    private static IEnumerable<Scenario> BuildCache() =>
    [
        new()
        {
            Name = "GOCACHE: off",
            Variable = "GOCACHE",
            Arrange = Env("GOCACHE", "off"),
            Go = _ => GoExpectation.Failure("build cache is disabled by GOCACHE=off"),
            Check = (_, _) => GoEnvVerdict.Error("GOCACHE"),
        },
        new()
        {
            Name = "GOCACHE: relative",
            Variable = "GOCACHE",
            Arrange = Env("GOCACHE", "relative/cache"),
            Go = _ => GoExpectation.Failure("GOCACHE is not an absolute path"),
            Check = (_, _) => GoEnvVerdict.Error("GOCACHE"),
        },
        new()
        {
            Name = "GOCACHE: a regular file",
            Variable = "GOCACHE",
            Arrange = s => s.Set("GOCACHE", s.WriteFile("cache-file", "not a directory\n")),
            Go = _ => GoExpectation.Failure("failed to initialize build cache"),
            Check = (_, _) => GoEnvVerdict.Error("GOCACHE"),
        },
        new()
        {
            // GOPATH is set so the module cache has a home and the build cache is the first thing to fail.
            Name = "GOCACHE: unset, with HOME and XDG_CACHE_HOME unset",
            Variable = "GOCACHE",
            Arrange = s =>
            {
                s.Unset("HOME");
                s.Set("GOPATH", s.PathTo("gopath"));
            },
            Go = _ => GoExpectation.Failure("GOCACHE is not defined and neither $XDG_CACHE_HOME nor $HOME are defined"),
            Check = (_, _) => GoEnvVerdict.Error("GOCACHE", "HOME"),
        },
        new()
        {
            // Before 1.24 the relative default is used as is (observed: 1.19–1.23 build, with the cache under the
            // working directory); 1.24+ refuses it. So an error only from 1.24 on.
            Name = "GOCACHE: unset, XDG_CACHE_HOME relative",
            Variable = "XDG_CACHE_HOME",
            Arrange = Env("XDG_CACHE_HOME", "relative-xdg"),
            Go = t => t.IsAtLeast(24)
                ? GoExpectation.Failure("GOCACHE is not defined and path in $XDG_CACHE_HOME is relative")
                : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOCACHE", "XDG_CACHE_HOME") : GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "GOCACHE: inside the git checkout, not ignored",
            Variable = "GOCACHE",
            Arrange = s =>
            {
                s.Set("GOCACHE", Path.Combine(s.ModuleDirectory, ".gocache"));
                s.InitGitRepository();
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOCACHE"),
        },
        new()
        {
            Name = "GOCACHE: inside the git checkout, git-ignored",
            Variable = "GOCACHE",
            Arrange = s =>
            {
                s.Set("GOCACHE", Path.Combine(s.ModuleDirectory, ".gocache"));
                s.InitGitRepository(gitignore: ".gocache/\n");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOCACHE"),
        },
    ];

    private static IEnumerable<Scenario> ModuleCache() =>
    [
        new()
        {
            Name = "GOMODCACHE: relative",
            Variable = "GOMODCACHE",
            Arrange = Env("GOMODCACHE", "relative/modcache"),
            Go = _ => GoExpectation.Failure("GOMODCACHE entry is relative; must be absolute path"),
            Check = (_, _) => GoEnvVerdict.Error("GOMODCACHE"),
        },
        new()
        {
            // Root ignores permissions, so "not writable" is made with a parent that is a file: mkdir must fail.
            Name = "GOMODCACHE: not creatable (parent is a file)",
            Variable = "GOMODCACHE",
            Arrange = s => s.Set("GOMODCACHE", Path.Combine(s.WriteFile("not-a-dir", "x\n"), "mod")),
            Go = _ => GoExpectation.Failure("could not create module cache"),
            Check = (_, _) => GoEnvVerdict.Error("GOMODCACHE"),
        },
        new()
        {
            // The `sudo go mod download` trap. Go as root writes anyway; any other user would fail. A warning.
            Name = "GOMODCACHE: owned by another user",
            Variable = "GOMODCACHE",
            NotApplicable = _ => HostUser.IsRoot ? null : "needs root to chown a directory to another user",
            Arrange = s =>
            {
                string cache = CreateDirectory(s, "foreign-modcache");
                Chown(cache, "65534:65534");
                s.Set("GOMODCACHE", cache);
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOMODCACHE"),
        },
    ];

    private static IEnumerable<Scenario> GoFlags() =>
    [
        new()
        {
            Name = "GOFLAGS: -mod=bogus",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "-mod=bogus"),
            Go = _ => GoExpectation.Failure("-mod=bogus not supported"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
        new()
        {
            Name = "GOFLAGS: -typo (unknown to every go command)",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "-typo"),
            Go = _ => GoExpectation.Failure("go: parsing $GOFLAGS: unknown flag -typo"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
        new()
        {
            Name = "GOFLAGS: mod (not a flag)",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "mod"),
            Go = _ => GoExpectation.Failure("go: parsing $GOFLAGS: non-flag \"mod\""),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
        new()
        {
            // -w is a real flag (of go env), so it passes validation and go build silently drops it. Observed on
            // every version: `go env -json …` does apply it and fails ("go: cannot use -json with -w"), so a probe
            // through go env must not take that failure for a broken environment.
            Name = "GOFLAGS: -ldflags=-s -w (unquoted, -w dropped)",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "-ldflags=-s -w"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOFLAGS"),
        },
        new()
        {
            // Quoting exists since 1.21; 1.19 splits on spaces and sees a word starting with a quote.
            Name = "GOFLAGS: '-ldflags=-s -w' (quoted)",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "'-ldflags=-s -w'"),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Success() : GoExpectation.Failure("go: parsing $GOFLAGS: non-flag \"'-ldflags=-s\""),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.NoError(quietOn: "GOFLAGS") : GoEnvVerdict.Error("GOFLAGS"),
        },
        new()
        {
            Name = "GOFLAGS: -race with CGO_ENABLED=0",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.Set("GOFLAGS", "-race");
                s.Set("CGO_ENABLED", "0");
            },
            Go = _ => GoExpectation.Failure("-race requires cgo"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS", "CGO_ENABLED"),
        },
        new()
        {
            Name = "GOFLAGS: -p=abc",
            Variable = "GOFLAGS",
            Arrange = Env("GOFLAGS", "-p=abc"),
            Go = _ => GoExpectation.Failure("invalid value \"abc\" for flag -p (from $GOFLAGS)"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
    ];

    private static IEnumerable<Scenario> ModulesAndProxies() =>
    [
        new()
        {
            Name = "GO111MODULE: bogus",
            Variable = "GO111MODULE",
            Arrange = Env("GO111MODULE", "bogus"),
            Go = _ => GoExpectation.Failure("go: unknown environment setting GO111MODULE=bogus"),
            Check = (_, _) => GoEnvVerdict.Error("GO111MODULE"),
        },
        new()
        {
            Name = "GO111MODULE: off with go.mod present",
            Variable = "GO111MODULE",
            Arrange = Env("GO111MODULE", "off"),
            Go = _ => GoExpectation.Failure("cannot find package \"example.org/dep\""),
            Check = (_, _) => GoEnvVerdict.Error("GO111MODULE"),
        },
        new()
        {
            // GOPROXY errors are lazy: the empty module cache forces a download.
            Name = "GOPROXY: garbage-no-scheme",
            Variable = "GOPROXY",
            Arrange = Env("GOPROXY", "garbage-no-scheme"),
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Failure("invalid proxy URL missing scheme: garbage-no-scheme"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
        },
        new()
        {
            Name = "GOPROXY: ftp://x",
            Variable = "GOPROXY",
            Arrange = Env("GOPROXY", "ftp://x"),
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Failure("invalid proxy URL scheme (must be https, http, file): ftp://x"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
        },
        new()
        {
            // Go TrimSpaces every GOPROXY entry (unlike the pattern lists).
            Name = "GOPROXY: space after the comma",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", s.ProxyUrl + ", off"),
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "GOPROXY: off, empty module cache, no vendor",
            Variable = "GOPROXY",
            Arrange = Env("GOPROXY", "off"),
            Go = _ => GoExpectation.Failure("module lookup disabled by GOPROXY=off"),
            // On go.mod's require line: the JSON finding carries the file and line its message names.
            Check = (_, s) => GoEnvVerdict.Error("GOPROXY").At(Path.Combine(s.ModuleDirectory, "go.mod"), 5),
        },
        new()
        {
            Name = "GOPROXY: off, module cache already populated",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                ProcessResult download = s.RunGo("mod", "download");
                if (download.ExitCode != 0)
                {
                    throw new InvalidOperationException("Populating the module cache failed: " + download.Describe());
                }

                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            // The https proxy is unreachable; '|' falls back to the file proxy on any error, so Go succeeds.
            Name = "GOPROXY: credentials in an https URL",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", $"https://ci-user:{ProxySecret}@127.0.0.1:1/|{s.ProxyUrl}"),
            GoCommand = ["mod", "download"],
            Secrets = [ProxySecret],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOPROXY"),
        },
        new()
        {
            Name = "GOPROXY: plain http://",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", $"http://127.0.0.1:1/|{s.ProxyUrl}"),
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOPROXY"),
        },
    ];

    private static IEnumerable<Scenario> ChecksumsAndPrivacy() =>
    [
        new()
        {
            // go.sum lacks the dependency, so the (lazy) checksum database lookup happens.
            Name = "GOSUMDB: bogus-name",
            Variable = "GOSUMDB",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.Set("GOSUMDB", "bogus-name");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Failure("invalid GOSUMDB: malformed verifier id"),
            Check = (_, _) => GoEnvVerdict.Error("GOSUMDB"),
        },
        new()
        {
            Name = "GOSUMDB: sum.golang.org, explicit",
            Variable = "GOSUMDB",
            Arrange = Env("GOSUMDB", GoSumDatabase),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOSUMDB"),
        },
        new()
        {
            Name = "GOSUMDB: off",
            Variable = "GOSUMDB",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.Set("GOSUMDB", "off");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOSUMDB"),
        },
        new()
        {
            // Pattern lists are not trimmed: " example.org" never matches, so the private module goes to the public
            // checksum database, unreachable offline. Go fails only because of what GoEnv warns about.
            Name = "GOPRIVATE: space after the comma",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.Set("GOPRIVATE", "foo.com, example.org");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Failure(GoSumDatabase),
            Check = (_, _) => GoEnvVerdict.Warning("GOPRIVATE"),
        },
        new()
        {
            // The control: the same list without the space keeps the module away from the checksum database
            // (GONOPROXY=none keeps it on the file proxy).
            Name = "GOPRIVATE: well-formed list",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.Set("GOPRIVATE", "foo.com,example.org");
                s.Set("GONOPROXY", "none");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOPRIVATE"),
        },
        new()
        {
            Name = "GONOSUMDB: *",
            Variable = "GONOSUMDB",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.Set("GONOSUMDB", "*");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GONOSUMDB"),
        },
        new()
        {
            // GOVCS is parsed only when a VCS tool is about to run: a direct fetch of a path with a .git suffix.
            Name = "GOVCS: bad",
            Variable = "GOVCS",
            Arrange = s =>
            {
                s.Set("GOVCS", "bad");
                s.Set("GOPROXY", "direct");
            },
            GoCommand = ["mod", "download", "example.org/repo.git@latest"],
            Go = _ => GoExpectation.Failure("malformed entry in GOVCS (missing colon): \"bad\""),
            Check = (_, _) => GoEnvVerdict.Error("GOVCS"),
        },
    ];

    private static IEnumerable<Scenario> Toolchain() =>
    [
        new()
        {
            // Go 1.19 does not know GOTOOLCHAIN and builds: GoEnv must not call that an error.
            Name = "GOTOOLCHAIN: bogus",
            Variable = "GOTOOLCHAIN",
            Arrange = Env("GOTOOLCHAIN", "bogus"),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("go: invalid GOTOOLCHAIN \"bogus\"") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN") : GoEnvVerdict.NoError(),
        },
        new()
        {
            // go.mod says go 1.19: nothing newer to switch to, so auto runs the local toolchain.
            Name = "GOTOOLCHAIN: auto",
            Variable = "GOTOOLCHAIN",
            Arrange = Env("GOTOOLCHAIN", "auto"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            // 1.21+ refuses; 1.19 builds anyway (the issue: error on 1.21+, warning before). The culprit may be
            // reported on GOTOOLCHAIN, GOVERSION or as a go.mod finding without a variable.
            Name = "go.mod: go 1.99 with GOTOOLCHAIN=local",
            Variable = "GOTOOLCHAIN",
            Arrange = s => s.SetGoDirective("1.99"),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("go.mod requires go >= 1.99") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21)
                ? GoEnvVerdict.Error("GOTOOLCHAIN", "GOVERSION", null)
                : GoEnvVerdict.Warning("GOTOOLCHAIN", "GOVERSION", null),
        },
        new()
        {
            // Go 1.19 cannot even parse a three-part go line: real Go fails, so this is an error there, not a warning.
            Name = "go.mod: go 1.21.0",
            Variable = "GOVERSION",
            Arrange = s => s.SetGoDirective("1.21.0"),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Success() : GoExpectation.Failure("invalid go version '1.21.0'"),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error("GOTOOLCHAIN", "GOVERSION", null),
        },
    ];

    private static IEnumerable<Scenario> Workspace() =>
    [
        new()
        {
            Name = "GOWORK: relative/path",
            Variable = "GOWORK",
            Arrange = Env("GOWORK", "relative/path"),
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "go: invalid GOWORK: not an absolute path" : "the path provided to GOWORK must be an absolute path"),
            Check = (_, _) => GoEnvVerdict.Error("GOWORK"),
        },
        new()
        {
            Name = "GOWORK: absolute path to a missing file",
            Variable = "GOWORK",
            Arrange = s => s.Set("GOWORK", s.PathTo("missing.work")),
            Go = _ => GoExpectation.Failure("reading go.work"),
            Check = (_, _) => GoEnvVerdict.Error("GOWORK"),
        },
        new()
        {
            // etcd and prometheus: a go.work at the root, and CI templates that set -mod=mod.
            Name = "go.work: GOFLAGS=-mod=mod in workspace mode",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.WriteGoWork("go 1.19\n\nuse ./app\n");
                s.Set("GOFLAGS", "-mod=mod");
            },
            Go = _ => GoExpectation.Failure("-mod may only be set to readonly"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
            QuotesGo = true,
        },
        new()
        {
            // 1.22+ allow -mod=vendor in workspace mode, with the workspace's vendor directory (`go work vendor`).
            Name = "go.work: GOFLAGS=-mod=vendor without the workspace's vendor directory",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.WriteGoWork("go 1.19\n\nuse ./app\n");
                s.Set("GOFLAGS", "-mod=vendor");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(22) ? null : "-mod may only be set to readonly"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
        new()
        {
            Name = "go.work: GOFLAGS=-mod=readonly in workspace mode",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.WriteGoWork("go 1.19\n\nuse ./app\n");
                s.Set("GOFLAGS", "-mod=readonly");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOFLAGS"),
        },
        new()
        {
            Name = "go.work: a use directory that does not exist",
            Variable = "GOWORK",
            Arrange = s => s.WriteGoWork("go 1.19\n\nuse ./app\nuse ./gone\n"),
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "cannot load module ../gone listed in go.work file" : "gone/go.mod: no such file or directory"),
            Check = (_, s) => GoEnvVerdict.Error("GOWORK").At(s.PathTo("go.work"), 4),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.work: a use directory without go.mod",
            Variable = "GOWORK",
            Arrange = s =>
            {
                CreateDirectory(s, "tools");
                s.WriteGoWork("go 1.19\n\nuse (\n\t./app\n\t./tools\n)\n");
            },
            Go = _ => GoExpectation.Failure("tools/go.mod: no such file or directory"),
            Check = (_, s) => GoEnvVerdict.Error("GOWORK").At(s.PathTo("go.work"), 5),
            QuotesGo = true,
        },
        new()
        {
            // Go 1.19 does not compare the two go lines (it warns that go 1.21 is newer than itself).
            Name = "go.work: a used module needs a newer go than go.work lists",
            Variable = "GOWORK",
            Arrange = s =>
            {
                s.SetGoDirective("1.21");
                s.WriteGoWork("go 1.20\n\nuse ./app\n");
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("listed in go.work file requires go >= 1.21, but go.work lists go 1.20") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOWORK") : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
    ];

    /// <summary>The go line of the release after the toolchain's (go1.N+1.0): what a module like runc asks of an older Go.</summary>
    private static string NextRelease(GoToolchain t) => $"1.{t.Minor + 1}.0";

    private static IEnumerable<Scenario> ModuleSyntax() =>
    [
        // The directives each release knows, as observed: toolchain 1.21, godebug 1.23, tool 1.24, ignore 1.25.
        Directive("godebug line", "go 1.21", "godebug panicnil=1\n", 23, "unknown directive: godebug"),
        Directive("godebug block", "go 1.21", "godebug (\n\tpanicnil=1\n)\n", 23, "unknown block type: godebug"),
        Directive("tool line", "go 1.21", "tool example.org/dep\n", 24, "unknown directive: tool"),
        Directive("ignore line", "go 1.21", "ignore ./testdata\n", 25, "unknown directive: ignore"),
        new()
        {
            Name = "go.mod: repeated go line",
            Variable = "(go.mod)",
            Arrange = s => s.AppendToGoMod("go 1.19\n"),
            Go = _ => GoExpectation.Failure("repeated go statement"),
            Check = (_, s) => GoEnvVerdict.Error([null]).At(Path.Combine(s.ModuleDirectory, "go.mod"), 7),
            QuotesGo = true,
        },
        new()
        {
            // 1.23+ check each key against their own GODEBUG table; older releases cannot parse the line at all.
            Name = "go.mod: godebug key the release does not know",
            Variable = "(go.mod)",
            Arrange = s => s.AppendToGoMod("godebug nosuchsetting=1\n"),
            Go = t => GoExpectation.Failure(t.IsAtLeast(23) ? "unknown godebug \"nosuchsetting\"" : "unknown directive: godebug"),
            Check = (_, s) => GoEnvVerdict.Error([null]).At(Path.Combine(s.ModuleDirectory, "go.mod"), 7),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.mod: godebug default= newer than the release",
            Variable = "(go.mod)",
            Arrange = s => s.AppendToGoMod("godebug default=go1.99\n"),
            Go = t => GoExpectation.Failure(t.IsAtLeast(23) ? "default=go1.99 too new" : "unknown directive: godebug"),
            Check = (_, _) => GoEnvVerdict.Error([null]),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.mod: godebug key every release since 1.21 knows",
            Variable = "(go.mod)",
            Arrange = s =>
            {
                s.SetGoDirective("1.21");
                s.AppendToGoMod("godebug panicnil=1\n");
            },
            Go = t => t.IsAtLeast(23) ? GoExpectation.Success() : GoExpectation.Failure("unknown directive: godebug"),
            Check = (t, _) => t.IsAtLeast(23) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error([null]),
        },
        new()
        {
            // terraform (go 1.26.4, a godebug line) with an older Go and GOTOOLCHAIN=local: 1.21–1.23 print the parse
            // error, 1.24+ retry leniently and print "requires go >=" instead.
            Name = "go.mod: a directive the release cannot parse and a go line newer than it",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.AppendToGoMod("ignore ./testdata\n");
            },
            Go = t => GoExpectation.Failure(!t.IsAtLeast(21) ? "invalid go version" : t.IsAtLeast(24) ? "go.mod requires go >= " : "go.mod:7: unknown directive: ignore"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.work: godebug line",
            Variable = "GOWORK",
            Arrange = s => s.WriteGoWork("go 1.19\n\ngodebug panicnil=1\n\nuse ./app\n"),
            Go = t => t.IsAtLeast(23) ? GoExpectation.Success() : GoExpectation.Failure("unknown directive: godebug"),
            Check = (t, s) => t.IsAtLeast(23) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error("GOWORK").At(s.PathTo("go.work"), 3),
            QuotesGo = true,
        },
    ];

    /// <summary>A go.mod directive introduced in Go 1.<paramref name="since"/>: older releases fail with <paramref name="goError"/>.</summary>
    private static Scenario Directive(string what, string goLine, string text, int since, string goError) => new()
    {
        Name = $"go.mod: {what} (Go 1.{since}+)",
        Variable = "(go.mod)",
        Arrange = s =>
        {
            s.SetGoDirective(goLine[3..]);
            s.AppendToGoMod(text);
        },
        Go = t => t.IsAtLeast(since) ? GoExpectation.Success() : GoExpectation.Failure(goError),
        Check = (t, s) => t.IsAtLeast(since) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error([null]).At(Path.Combine(s.ModuleDirectory, "go.mod"), 7),
        QuotesGo = true,
    };

    private static IEnumerable<Scenario> ToolchainSwitch() =>
    [
        new()
        {
            // runc (go 1.25.0) on an older Go with GOTOOLCHAIN=auto: Go must download the toolchain, and GOPROXY=off
            // forbids it. Go 1.19 cannot parse a patch-level go line at all.
            Name = "toolchain: go.mod asks for the next release, GOTOOLCHAIN=auto, GOPROXY=off",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.Set("GOTOOLCHAIN", "auto");
                s.Set("GOPROXY", "off");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "toolchain not available" : "invalid go version"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            Name = "toolchain: go.mod asks for the next release, GOTOOLCHAIN=auto, file:// proxy without it",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.Set("GOTOOLCHAIN", "auto");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "toolchain not available" : "invalid go version"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            // A single file:// GOPROXY is the one place Go takes a toolchain without the checksum database.
            Name = "toolchain: go.mod asks for the next release, GOTOOLCHAIN=auto, file:// proxy that holds it",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.AddToolchainToProxy("go" + NextRelease(s.Toolchain));
                s.Set("GOTOOLCHAIN", "auto");
                s.Set("GOSUMDB", "off");
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Success("stand-in go" + NextRelease(t)) : GoExpectation.Failure("invalid go version"),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.NoError(quietOn: "GOTOOLCHAIN") : GoEnvVerdict.Error([null]),
        },
        new()
        {
            Name = "toolchain: the proxy holds it, but GOSUMDB=off with a second proxy entry",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.AddToolchainToProxy("go" + NextRelease(s.Toolchain));
                s.Set("GOTOOLCHAIN", "auto");
                s.Set("GOSUMDB", "off");
                s.Set("GOPROXY", s.ProxyUrl + ",off");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "checksum database disabled by GOSUMDB=off" : "invalid go version"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            Name = "toolchain: go.mod asks for the next release, GOTOOLCHAIN=path",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.SetGoDirective(NextRelease(s.Toolchain));
                s.Set("GOTOOLCHAIN", "path");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? $"cannot find \"go{NextRelease(t)}\" in PATH" : "invalid go version"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            Name = "toolchain: go.mod asks for the next release, GOTOOLCHAIN=local",
            Variable = "GOTOOLCHAIN",
            Arrange = s => s.SetGoDirective(NextRelease(s.Toolchain)),
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? $"go.mod requires go >= {NextRelease(t)}" : "invalid go version"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            // The toolchain line only counts when Go may switch; Go 1.19 cannot parse it.
            Name = "toolchain: a toolchain line for the next release, GOTOOLCHAIN=auto, GOPROXY=off",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.AppendToGoMod($"toolchain go{NextRelease(s.Toolchain)}\n");
                s.Set("GOTOOLCHAIN", "auto");
                s.Set("GOPROXY", "off");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "toolchain not available" : "unknown directive: toolchain"),
            Check = (_, _) => GoEnvVerdict.Error("GOTOOLCHAIN", null),
            QuotesGo = true,
        },
        new()
        {
            Name = "toolchain: a toolchain line older than the release, GOTOOLCHAIN=auto",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.AppendToGoMod("toolchain go1.21.0\n");
                s.Set("GOTOOLCHAIN", "auto");
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Success() : GoExpectation.Failure("unknown directive: toolchain"),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.NoError(quietOn: "GOTOOLCHAIN") : GoEnvVerdict.Error([null]),
        },
    ];

    /// <summary>Settings added in Go 1.22–1.27 (GOCACHEPROG, GOAUTH, GODEBUG) and values that parse but cannot build here.</summary>
    private static IEnumerable<Scenario> NewerSettings() =>
    [
        new()
        {
            Name = "GOCACHEPROG: a program that is not installed",
            Variable = "GOCACHEPROG",
            Arrange = Env("GOCACHEPROG", "no-such-cache-prog --dir /tmp"),
            Go = t => t.IsAtLeast(24) ? GoExpectation.Failure("error starting GOCACHEPROG program \"no-such-cache-prog\"") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOCACHEPROG") : GoEnvVerdict.NoError(quietOn: "GOCACHEPROG"),
            QuotesGo = true,
        },
        new()
        {
            Name = "GOCACHEPROG: a program that exits without announcing itself",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", s.WriteExecutable("bin/broken-cache", "#!/bin/sh\nexit 3\n")),
            Go = t => t.IsAtLeast(24) ? GoExpectation.Failure("GOCACHEPROG exited pre-Close") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOCACHEPROG") : GoEnvVerdict.NoError(quietOn: "GOCACHEPROG"),
            QuotesGo = true,
        },
        new()
        {
            // A minimal cache program (announces "close" only); its token argument must never be printed.
            Name = "GOCACHEPROG: a working program with a token argument",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", s.WriteExecutable("bin/cache-prog", CacheProgram) + " --token=" + ProxySecret),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOCACHEPROG"),
            Secrets = [ProxySecret],
        },
        new()
        {
            // Go reads the announcement with a json.Decoder: a value spread over lines is as good as one line.
            Name = "GOCACHEPROG: a working program that announces itself over several lines",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", s.WriteExecutable("bin/cache-prog", CacheProgram.Replace(
                "echo '{\"ID\":0,\"KnownCommands\":[\"close\"]}'", "printf '{\\n  \"ID\": 0,\\n  \"KnownCommands\": [\\n    \"close\"\\n  ]\\n}\\n'", StringComparison.Ordinal))),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOCACHEPROG"),
        },
        new()
        {
            Name = "GOCACHEPROG: a program whose announcement has another ID than 0",
            Variable = "GOCACHEPROG",
            Arrange = s => s.Set("GOCACHEPROG", s.WriteExecutable("bin/cache-prog", CacheProgram.Replace("{\"ID\":0,", "{\"ID\":7,", StringComparison.Ordinal))),
            Go = t => t.IsAtLeast(24) ? GoExpectation.Failure("GOCACHEPROG sent response for unknown request ID 7") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOCACHEPROG") : GoEnvVerdict.NoError(quietOn: "GOCACHEPROG"),
            QuotesGo = true,
        },
        new()
        {
            // Go checks GOAUTH before its first https request, even one that could never connect.
            Name = "GOAUTH: off combined with netrc, https proxy",
            Variable = "GOAUTH",
            Arrange = s =>
            {
                s.Set("GOAUTH", "off;netrc");
                s.Set("GOPROXY", "https://127.0.0.1:9");
            },
            Go = t => t.IsAtLeast(24) ? GoExpectation.Failure("GOAUTH=off cannot be combined with other authentication commands") : GoExpectation.Failure("127.0.0.1:9"),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOAUTH") : GoEnvVerdict.NoError(quietOn: "GOAUTH"),
            QuotesGo = true,
        },
        new()
        {
            Name = "GOAUTH: off combined with netrc, file:// proxy only",
            Variable = "GOAUTH",
            Arrange = Env("GOAUTH", "off;netrc"),
            Go = _ => GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Warning("GOAUTH") : GoEnvVerdict.NoError(quietOn: "GOAUTH"),
        },
        new()
        {
            Name = "GOFIPS140: bogus",
            Variable = "GOFIPS140",
            Arrange = Env("GOFIPS140", "bogus"),
            Go = t => t.IsAtLeast(24) ? GoExpectation.Failure("invalid GOFIPS140: must be off, latest, inprocess, certified, or v") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(24) ? GoEnvVerdict.Error("GOFIPS140") : GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "GODEBUG: cmd/go and unknown keys",
            Variable = "GODEBUG",
            Arrange = Env("GODEBUG", "gocachehash=0,nosuchsetting=1"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GODEBUG"),
        },
        new()
        {
            Name = "GOPROXY: a file:// mirror that does not exist, nothing after it",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", "file://" + s.PathTo("no-such-mirror")),
            Go = _ => GoExpectation.Failure(),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
        },
        new()
        {
            Name = "GOPROXY: a file:// mirror that does not exist, then the real one",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", "file://" + s.PathTo("no-such-mirror") + "," + s.ProxyUrl),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("GOPROXY"),
        },
        new()
        {
            Name = "GOFLAGS: -tags naming another GOOS",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.WriteFile("app/cmd/tool/main.go", "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println() }\n");
                s.Set("GOFLAGS", "-tags=windows");
            },
            Go = _ => GoExpectation.Failure("redeclared in this block"),
            Check = (_, _) => GoEnvVerdict.Error("GOFLAGS"),
        },
        // Go 1.22 added the go command's own refusal; 1.19/1.21 link android internally and fail ios in the linker.
        ExternalLinking("android", "amd64", null, t => t.IsAtLeast(22), t => t.IsAtLeast(22) ? "android/amd64 requires external (cgo) linking" : null),
        ExternalLinking("ios", "arm64", "0", _ => true, t => t.IsAtLeast(22) ? "ios/arm64 requires external (cgo) linking" : "failed"),
        ExternalLinking("ios", "amd64", null, _ => true, t => t.IsAtLeast(22) ? "default PIE binary requires external (cgo) linking, but cgo is not enabled" : "loadinternal: cannot find runtime/cgo"),
        ExternalLinking("android", "arm64", null, _ => false, _ => null),
        ExternalLinking("android", "amd64", "1", _ => true, _ => null),
        new()
        {
            Name = "GO386: bogus while GOARCH=amd64 (not read)",
            Variable = "GO386",
            Arrange = s =>
            {
                s.Set("GOARCH", "amd64");
                s.Set("GO386", "bogus");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            // Checked whatever GOARCH is before 1.23; not at all from 1.23.
            Name = "GOAMD64: v9 while GOARCH=arm64",
            Variable = "GOAMD64",
            Arrange = s =>
            {
                s.Set("GOARCH", "arm64");
                s.Set("GOAMD64", "v9");
            },
            Go = t => t.IsAtLeast(23) ? GoExpectation.Success() : GoExpectation.Failure("invalid GOAMD64"),
            Check = (t, _) => t.IsAtLeast(23) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error("GOAMD64"),
        },
        new()
        {
            Name = "GOMIPS: bogus while GOARCH=amd64 (checked anyway)",
            Variable = "GOMIPS",
            Arrange = s => s.Set("GOMIPS", "bogus"),
            Go = _ => GoExpectation.Failure("invalid GOMIPS"),
            Check = (_, _) => GoEnvVerdict.Error("GOMIPS"),
        },
    ];

    /// <summary>A cross build of a program for a target that may need the C toolchain to link.</summary>
    private static Scenario ExternalLinking(string goos, string goarch, string? cgo, Func<GoToolchain, bool> fails, Func<GoToolchain, string?> goError) => new()
    {
        Name = $"GOOS/GOARCH: a program for {goos}/{goarch}, CGO_ENABLED={cgo ?? "unset"}",
        Variable = "CGO_ENABLED",
        Arrange = s =>
        {
            s.WriteFile("app/cmd/tool/main.go", "package main\n\nfunc main() {}\n");
            s.Set("GOOS", goos);
            s.Set("GOARCH", goarch);
            if (cgo is not null)
            {
                s.Set("CGO_ENABLED", cgo);
            }
        },
        Go = t => fails(t) ? GoExpectation.Failure(goError(t)) : GoExpectation.Success(),
        Check = (t, _) => fails(t) ? GoEnvVerdict.Error("CGO_ENABLED") : GoEnvVerdict.NoError(quietOn: "CGO_ENABLED"),
        QuotesGo = true,
    };

    /// <summary>The smallest cache program Go accepts: announces "close", answers every request, exits on close.</summary>
    internal const string CacheProgram = "#!/bin/sh\necho '{\"ID\":0,\"KnownCommands\":[\"close\"]}'\n"
        + "while read -r line; do\n  id=$(echo \"$line\" | sed -n 's/.*\"ID\":\\([0-9]*\\).*/\\1/p')\n  [ -n \"$id\" ] && echo \"{\\\"ID\\\":$id}\"\n"
        + "  case \"$line\" in *close*) exit 0;; esac\ndone\n";

    private static IEnumerable<Scenario> Platform() =>
    [
        new()
        {
            Name = "GOOS: bogus",
            Variable = "GOOS",
            Arrange = Env("GOOS", "bogus"),
            Go = _ => GoExpectation.Failure("unsupported GOOS/GOARCH pair bogus/"),
            Check = (_, _) => GoEnvVerdict.Error("GOOS"),
        },
        new()
        {
            Name = "GOOS/GOARCH: windows/amd64 cross-compile",
            Variable = "GOOS",
            Arrange = s =>
            {
                s.Set("GOOS", "windows");
                s.Set("GOARCH", "amd64");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            // A port removed in 1.26: fine before, an unsupported pair after.
            Name = "GOOS/GOARCH: windows/arm (dropped in 1.26)",
            Variable = "GOARCH",
            Arrange = s =>
            {
                s.Set("GOOS", "windows");
                s.Set("GOARCH", "arm");
            },
            Go = t => t.IsAtLeast(26) ? GoExpectation.Failure("unsupported GOOS/GOARCH pair windows/arm") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(26) ? GoEnvVerdict.Error("GOOS", "GOARCH") : GoEnvVerdict.NoError(),
        },
        new()
        {
            // Go 1.23+ silently accepts it (buildcfg bug) and builds for the default GOARM: still an error for GoEnv.
            Name = "GOARM: 9 with GOOS=linux GOARCH=arm",
            Variable = "GOARM",
            Arrange = s =>
            {
                s.Set("GOOS", "linux");
                s.Set("GOARCH", "arm");
                s.Set("GOARM", "9");
            },
            Go = t => t.IsAtLeast(23) ? GoExpectation.Success() : GoExpectation.Failure("go: invalid GOARM: must "),
            Check = (_, _) => GoEnvVerdict.Error("GOARM"),
        },
        new()
        {
            // Same bug: 1.23+ exits 0 with a binary built for the default level; GoEnv reports what the user asked for.
            Name = "GOAMD64: v9",
            Variable = "GOAMD64",
            Arrange = Env("GOAMD64", "v9"),
            Go = t => t.IsAtLeast(23) ? GoExpectation.Success() : GoExpectation.Failure("go: invalid GOAMD64: must be v1, v2, v3, v4"),
            Check = (_, _) => GoEnvVerdict.Error("GOAMD64"),
        },
        new()
        {
            Name = "GOAMD64: v3",
            Variable = "GOAMD64",
            Arrange = Env("GOAMD64", "v3"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOAMD64"),
        },
        new()
        {
            Name = "GOEXPERIMENT: nosuch",
            Variable = "GOEXPERIMENT",
            Arrange = Env("GOEXPERIMENT", "nosuch"),
            Go = _ => GoExpectation.Failure("go: unknown GOEXPERIMENT such"),
            Check = (_, _) => GoEnvVerdict.Error("GOEXPERIMENT"),
        },
        new()
        {
            // Anything but 0 and 1 is silently treated as unset.
            Name = "CGO_ENABLED: yes",
            Variable = "CGO_ENABLED",
            Arrange = Env("CGO_ENABLED", "yes"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.Warning("CGO_ENABLED"),
        },
    ];

    private static IEnumerable<Scenario> GoEnvFile() =>
    [
        new()
        {
            // Go keeps the carriage return of a CRLF line, but splits GOFLAGS at white space, \r included: harmless there.
            Name = "GOENV file: a CRLF line GOFLAGS=-modcacherw",
            Variable = "GOFLAGS",
            Arrange = s => s.WriteFile(s.DefaultGoEnvFile, "GOFLAGS=-modcacherw\r\n"),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(quietOn: "GOFLAGS"),
        },
        new()
        {
            // The user file holds a broken GOFLAGS, but GOENV=off means Go never reads it: healthy.
            Name = "GOENV: off, with a broken user env file",
            Variable = "GOENV",
            Arrange = s =>
            {
                s.WriteFile(s.DefaultGoEnvFile, "GOFLAGS=-mod=bogus\n");
                s.Set("GOENV", "off");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "GOENV file (default location): GOFLAGS=-mod=bogus on line 2",
            Variable = "GOFLAGS",
            Arrange = s => s.WriteFile(s.DefaultGoEnvFile, "# managed by CI\nGOFLAGS=-mod=bogus\n"),
            Go = _ => GoExpectation.Failure("-mod=bogus not supported"),
            Check = (_, s) => GoEnvVerdict.Error("GOFLAGS").At(s.DefaultGoEnvFile, 2),
        },
        new()
        {
            Name = "GOENV file (GOENV=path): GOFLAGS=-mod=bogus on line 2",
            Variable = "GOFLAGS",
            Arrange = s => s.Set("GOENV", s.WriteFile("ci.env", "# managed by CI\nGOFLAGS=-mod=bogus\n")),
            Go = _ => GoExpectation.Failure("-mod=bogus not supported"),
            Check = (_, s) => GoEnvVerdict.Error("GOFLAGS").At(s.PathTo("ci.env"), 2),
        },
        new()
        {
            // No trimming in the env file: the line defines the key "GOPRIVATE " and GOPRIVATE stays empty, so the
            // module goes to the public checksum database (unreachable offline).
            Name = "GOENV file: 'GOPRIVATE = example.org' (spaces around '=')",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                s.RemoveDependencySums();
                s.WriteFile(s.DefaultGoEnvFile, "# private modules\nGOPRIVATE = example.org\n");
            },
            GoCommand = ["mod", "download"],
            Go = _ => GoExpectation.Failure(GoSumDatabase),
            Check = (_, s) => GoEnvVerdict.Warning("GOPRIVATE", "GOPRIVATE ").At(s.DefaultGoEnvFile, 2),
        },
    ];

    private static Action<GoSandbox> Env(string name, string value) => s => s.Set(name, value);

    private static string CreateDirectory(GoSandbox sandbox, string relative) =>
        Directory.CreateDirectory(sandbox.PathTo(relative)).FullName;

    private static void Chown(string path, string owner)
    {
        ProcessResult chown = ChildProcess.Run(
            "/bin/chown", [owner, path], "/", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(30));
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException("chown failed: " + chown.Describe());
        }
    }
}
