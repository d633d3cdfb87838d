using BenchmarkDotNet.Attributes;
using GoEnv.Core.Go;
using GoEnv.Core.Security;

namespace GoEnv.Benchmarks;

/// <summary>The value parsers the rules lean on, on values a real pipeline sets.</summary>
[MemoryDiagnoser]
public class ParsingBenchmarks
{
    private const string GoFlags = "-mod=readonly -trimpath '-ldflags=-s -w -X main.version=1.4.2' -tags=netgo,osusergo -buildvcs=false -p=4";

    private const string GoProxy = "https://proxy.corp.example.com/go|https://proxy.golang.org,direct";

    /// <summary>A Go error message as it reaches a finding: a credential in a URL, the same token again as free text.</summary>
    private const string WithCredentials =
        "go: example.com/acme/service@v1.4.2: reading https://ci-bot:glpat-Xq3vR8mT2kLp9ZwY4nHc@gitlab.corp.example.com/api/v4/projects/12/packages/go/example.com/acme/service/@v/v1.4.2.info: 401 Unauthorized (token glpat-Xq3vR8mT2kLp9ZwY4nHc)";

    /// <summary>GOPRIVATE-style: 20 globs of every shape path.Match knows.</summary>
    private const string Patterns =
        "corp.example.com,*.corp.example.com,git.internal,github.com/acme,github.com/acme-*/*,gitlab.com/acme/platform,"
        + "gitlab.com/acme/*/internal,bitbucket.org/acme,go.acme.dev,*.acme.dev,example.com/private/[a-m]*,example.com/lab?,"
        + "dev.azure.com/acme,sourcehut.org/~acme,gitea.acme.io,code.acme.net/*/*,vanity.acme.com,github.com/acme-labs,"
        + "golang.acme.org/x/[^a]*,internal.acme.cloud";

    private static readonly GoVersion s_go127 = GoVersion.Parse("1.27.3")!;

    private readonly SecretRedactor _redactor = new();
    private string[] _modulePaths = [];

    [GlobalSetup]
    public void Setup()
    {
        // What the redactor has learned from the environment before any message is redacted.
        _redactor.LearnFrom("https://ci-bot:glpat-Xq3vR8mT2kLp9ZwY4nHc@gitlab.corp.example.com/api/v4/projects/12/packages/go");
        _redactor.LearnFrom("http://deploy:hunter2secret@proxy.corp.example.com");

        // 1,000 module paths of a large go.sum, about one in five private (a fixed seed: the same paths every run).
        var random = new Random(20261124);
        string[] publicHosts = ["github.com", "golang.org/x", "google.golang.org", "gopkg.in", "k8s.io", "go.uber.org", "cloud.google.com/go"];
        string[] privateHosts = ["corp.example.com", "build.corp.example.com", "github.com/acme", "gitlab.com/acme/platform", "go.acme.dev", "example.com/private"];
        _modulePaths = new string[1000];
        for (var i = 0; i < _modulePaths.Length; i++)
        {
            var host = random.Next(5) == 0 ? privateHosts[random.Next(privateHosts.Length)] : publicHosts[random.Next(publicHosts.Length)];
            _modulePaths[i] = $"{host}/{Word(random)}/{Word(random)}{(random.Next(3) == 0 ? "/v" + random.Next(2, 5) : "")}";
        }
    }

    [Benchmark]
    public int GoFlagsSplit() => GoFlagsTokenizer.Split(GoFlags, s_go127, out _).Count;

    [Benchmark]
    public int GoProxyParse() => GoProxyList.Parse(GoProxy).Entries.Count;

    [Benchmark]
    public int ModulePathPatterns20x1000()
    {
        var matched = 0;
        foreach (var path in _modulePaths)
        {
            if (ModulePathPatterns.Matches(Patterns, path))
            {
                matched++;
            }
        }

        return matched;
    }

    [Benchmark]
    public string SecretRedactorRedact() => _redactor.Redact(WithCredentials);

    private static string Word(Random random) => string.Concat(Enumerable.Range(0, random.Next(3, 10)).Select(_ => (char)('a' + random.Next(26))));
}
