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
    ];

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
