using System.Diagnostics;
using System.Text;

namespace GoEnv.Core.Tests.Pinning;

/// <summary>A temp directory of its own and a way to run a program there with an environment built from scratch.</summary>
internal sealed class PinningSandbox : IDisposable
{
    public PinningSandbox()
    {
        Root = Directory.CreateTempSubdirectory("goenv-pin-").FullName;
        Home = Path.Combine(Root, "home");
        Directory.CreateDirectory(Home);
    }

    public string Root { get; }

    public string Home { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Runs a program with exactly <paramref name="environment"/> (nothing inherited) and returns stdout bytes.</summary>
    public byte[] Run(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within 60 s");
        }

        Assert.AreEqual(0, process.ExitCode, $"{fileName} {string.Join(' ', arguments)} failed: {stderr.Result}");
        return stdout.ToArray();
    }

    /// <summary>Splits `env -0` output into name → raw value bytes (UTF-8 text compared byte for byte by the caller).</summary>
    public static Dictionary<string, byte[]> ParseEnvNul(byte[] output)
    {
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var start = 0;
        for (var i = 0; i < output.Length; i++)
        {
            if (output[i] != 0)
            {
                continue;
            }

            var entry = output.AsSpan(start, i - start);
            var eq = entry.IndexOf((byte)'=');
            result[Encoding.UTF8.GetString(entry[..eq])] = entry[(eq + 1)..].ToArray();
            start = i + 1;
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir must not fail a test that passed.
        }
    }
}
