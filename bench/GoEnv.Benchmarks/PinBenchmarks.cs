using BenchmarkDotNet.Attributes;
using GoEnv.Core;
using GoEnv.Core.Pinning;

namespace GoEnv.Benchmarks;

/// <summary>
/// The in-process part of `pin`: resolving the pinned set from the checked healthy snapshot, and rendering that pin
/// in each env-file format (writing it is one atomic file replace, left out here).
/// </summary>
[MemoryDiagnoser]
public class PinBenchmarks
{
    private GoSandbox _sandbox = null!;
    private GoSnapshot _snapshot = null!;
    private PinnedEnvironment _pinned = null!;
    private PinnedEnvironment _pinnedForGoEnvFile = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sandbox = new GoSandbox();
        _snapshot = _sandbox.Snapshot();
        _pinned = PinResolver.Resolve(_snapshot).Environment;

        // As Pinner does: GOENV cannot be set from a go env file, so that format leaves it out.
        _pinnedForGoEnvFile = new PinnedEnvironment(_pinned.GoVersion, _pinned.Variables.Where(v => v.Key != "GOENV"));
        foreach (var format in Enum.GetValues<EnvFileFormat>())
        {
            _ = EnvFileWriter.Render(format == EnvFileFormat.GoEnv ? _pinnedForGoEnvFile : _pinned, format, out var problems);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException($"The pin cannot be rendered as {format}: {string.Join("; ", problems.Select(p => p.Message))}");
            }
        }

        Console.WriteLine($"// pinned: {_pinned.Count} variables ({string.Join(", ", _pinned.Variables.Keys)})");
    }

    [GlobalCleanup]
    public void Cleanup() => _sandbox.Dispose();

    [Benchmark]
    public PinnedEnvironment PinResolve() => PinResolver.Resolve(_snapshot).Environment;

    [Benchmark]
    public byte[] RenderDotenv() => EnvFileWriter.Render(_pinned, EnvFileFormat.Dotenv, out _);

    [Benchmark]
    public byte[] RenderSh() => EnvFileWriter.Render(_pinned, EnvFileFormat.Sh, out _);

    [Benchmark]
    public byte[] RenderPwsh() => EnvFileWriter.Render(_pinned, EnvFileFormat.Pwsh, out _);

    [Benchmark]
    public byte[] RenderJson() => EnvFileWriter.Render(_pinned, EnvFileFormat.Json, out _);

    [Benchmark]
    public byte[] RenderGoEnv() => EnvFileWriter.Render(_pinnedForGoEnvFile, EnvFileFormat.GoEnv, out _);
}
