using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Differential scenarios for modules Go fetches from their origin with a version control tool: a "private" module
/// (<see cref="GoSandbox.PrivateModule"/>) in a bare git repository reached through insteadOf, with go.sum complete and
/// an empty module cache, so `go build ./...` runs git. Truth is real Go's build.
/// </summary>
internal static class PrivateModuleScenarios
{
    public static IEnumerable<Scenario> All() =>
    [
        new()
        {
            Name = "private module: GOPRIVATE, git reached through insteadOf",
            Variable = "GOVCS",
            Arrange = s => Private(s),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError("GOVCS"),
        },
        GovcsForbids("private:off"),
        GovcsForbids("*:off"),
        // A glob rule before Go's default: it matches the root and allows hg only.
        GovcsForbids("git.corp.example:hg"),
        // Not private: GOPROXY=direct fetches it, GONOSUMDB keeps the checksum database out; public:off forbids git.
        GovcsForbids("public:off", s =>
        {
            s.AddPrivateGitModule();
            s.Set("GOPROXY", "direct");
            s.Set("GONOSUMDB", "git.corp.example");
        }),
        new()
        {
            // The healthy neighbour: public:off does not touch a private repository.
            Name = "private module: GOPRIVATE, GOVCS=public:off",
            Variable = "GOVCS",
            Arrange = s => Private(s, ("GOVCS", "public:off")),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError("GOVCS"),
        },
        new()
        {
            // An image without git (slim, distroless, env -i): PATH holds only Go.
            Name = "private module: git not on PATH",
            Variable = "PATH",
            Arrange = s => Private(s, ("PATH", s.Toolchain.BinDirectory)),
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "missing Git command" : "exec: \"git\": executable file not found in $PATH"),
            Check = (_, _) => GoEnvVerdict.Error("PATH"),
            QuotesGo = true,
        },
        new()
        {
            // GOPRIVATE set, but GONOPROXY=none overrides it: the module goes to the GOPROXY list, a mirror without it.
            Name = "private module: GONOPROXY=none, GOPROXY only a file:// mirror without it",
            Variable = "GOPROXY",
            Arrange = s => Private(s, ("GONOPROXY", "none")),
            Go = _ => GoExpectation.Failure("reading file://"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
            QuotesGo = true,
        },
        new()
        {
            // Not private and no `direct`: the module goes to the only GOPROXY entry, a mirror without it.
            Name = "private module: not in GOPRIVATE, GOPROXY only a file:// mirror without it",
            Variable = "GOPROXY",
            Arrange = s => s.AddPrivateGitModule(),
            Go = _ => GoExpectation.Failure("reading file://"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
            QuotesGo = true,
        },
        new()
        {
            // Nothing lets git reach the host: .example never resolves and no insteadOf covers the URLs Go tries.
            Name = "private module: GOPRIVATE, no insteadOf to reach the host",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                Private(s);
                s.RemovePrivateModuleRewrite();
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "no secure protocol found for repository" : "git ls-remote -q origin in"),
            Check = (_, _) => GoEnvVerdict.Error((string?)null),
            QuotesGo = true,
        },
        new()
        {
            // Not private: Go falls through the mirror to `direct`, fetches with git, then asks sum.golang.org for the missing lines.
            Name = "private module: not in GOPRIVATE, GOFLAGS=-mod=mod, go.sum lacks it",
            Variable = "GONOSUMDB",
            Arrange = s => NotPrivateUnderModMod(s),
            Go = _ => GoExpectation.Failure("verifying module: " + GoSandbox.PrivateModule + "@v1.0.0"),
            Check = (_, _) => GoEnvVerdict.Error("GONOSUMDB"),
            QuotesGo = true,
        },
        new()
        {
            // The healthy neighbour: GONOSUMDB keeps the checksum database out; Go adds the lines itself.
            Name = "private module: not in GOPRIVATE, GOFLAGS=-mod=mod, go.sum lacks it, GONOSUMDB covers it",
            Variable = "GONOSUMDB",
            Arrange = s => NotPrivateUnderModMod(s, ("GONOSUMDB", "git.corp.example")),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError("GONOSUMDB"),
        },
        new()
        {
            // GOPRIVATE keeps the checksum database out, but -mod=readonly may not add the missing lines.
            Name = "private module: GOPRIVATE, go.sum lacks it",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                Private(s);
                s.RemovePrivateModuleSums();
            },
            Go = _ => GoExpectation.Failure("missing go.sum entry for module providing package " + GoSandbox.PrivateModule),
            Check = (_, _) => GoEnvVerdict.Error((string?)null),
            QuotesGo = true,
        },
        new()
        {
            // The healthy neighbour: not private, Go asks the mirror (which lacks it), falls through to `direct`, and go.sum is complete.
            Name = "private module: not in GOPRIVATE, GOPROXY=file:// mirror without it,direct",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                s.AddPrivateGitModule();
                s.Set("GOPROXY", s.ProxyUrl + ",direct");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError("GOPRIVATE"),
        },
        // Git over HTTP on loopback with basic authentication: each way git finds the login, then none.
        OverHttp("a .netrc machine", s => s.WriteFile("home/.netrc", $"machine 127.0.0.1 login {HttpUser} password {HttpPassword}\n")),
        OverHttp("a credential helper", gitConfig: $"[credential]\n\thelper = \"!f() {{ echo username={HttpUser}; echo password={HttpPassword}; }}; f\"\n"),
        OverHttp("an http.extraheader", gitConfig: $"[http]\n\textraheader = AUTHORIZATION: basic {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(HttpUser + ":" + HttpPassword))}\n"),
        OverHttp("user-info in the insteadOf URL", userInfo: HttpUser + ":" + HttpPassword),
        new()
        {
            // Nothing gives git the login: git cannot ask (Go turns terminal prompts off), every scheme Go pings fails.
            Name = "private module: GOPRIVATE, git over HTTP with basic authentication, no credentials",
            Variable = "GOPRIVATE",
            Arrange = s =>
            {
                Private(s);
                s.ServePrivateModuleOverHttp(HttpUser, HttpPassword);
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "no secure protocol found for repository" : "git ls-remote -q origin in"),
            Check = (_, _) => GoEnvVerdict.Warning((string?)null),
        },
    ];

    /// <summary>The login of the loopback git server (also the secrets the audit looks for).</summary>
    public const string HttpUser = "ci-bot";

    public const string HttpPassword = "gitHttpS3cret-94c1e7";

    /// <summary>The private module behind basic authentication over HTTP, git given the login through <paramref name="how"/>: it builds, and GoEnv sees the credentials.</summary>
    private static Scenario OverHttp(string how, Action<GoSandbox>? arrange = null, string gitConfig = "", string? userInfo = null) => new()
    {
        Name = $"private module: GOPRIVATE, git over HTTP with basic authentication, login from {how}",
        Variable = "GOPRIVATE",
        Arrange = s =>
        {
            Private(s);
            s.ServePrivateModuleOverHttp(HttpUser, HttpPassword, userInfo, gitConfig);
            arrange?.Invoke(s);
        },
        Go = _ => GoExpectation.Success(),
        Check = (_, _) => GoEnvVerdict.NoError(),
    };

    /// <summary>The private module not in GOPRIVATE, go.sum without its lines, -mod=mod, GOPROXY falling through the mirror to `direct`, and the given settings.</summary>
    private static void NotPrivateUnderModMod(GoSandbox s, params (string Name, string Value)[] settings)
    {
        s.AddPrivateGitModule();
        s.RemovePrivateModuleSums();
        s.Set("GOPROXY", s.ProxyUrl + ",direct");
        s.Set("GOFLAGS", "-mod=mod");
        foreach (var (name, value) in settings)
        {
            s.Set(name, value);
        }
    }

    /// <summary>The private module, GOPRIVATE covering it, and the given settings.</summary>
    private static void Private(GoSandbox s, params (string Name, string Value)[] settings)
    {
        s.AddPrivateGitModule();
        s.Set("GOPRIVATE", "git.corp.example");
        foreach (var (name, value) in settings)
        {
            s.Set(name, value);
        }
    }

    /// <summary>GOVCS forbids git for the repository: private (GOPRIVATE) unless <paramref name="arrange"/> routes it otherwise.</summary>
    private static Scenario GovcsForbids(string govcs, Action<GoSandbox>? arrange = null)
    {
        var what = arrange is null ? "private" : "public";
        return new()
        {
            Name = arrange is null ? $"private module: GOVCS={govcs}" : $"private module: not in GOPRIVATE, GOPROXY=direct, GOVCS={govcs}",
            Variable = "GOVCS",
            Arrange = s =>
            {
                (arrange ?? (x => Private(x)))(s);
                s.Set("GOVCS", govcs);
            },
            Go = _ => GoExpectation.Failure($"GOVCS disallows using git for {what} git.corp.example/team/lib.git; see 'go help vcs'"),
            Check = (_, _) => GoEnvVerdict.Error("GOVCS"),
            QuotesGo = true,
        };
    }
}
