using System.IO.Compression;
using System.Text;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// <c>example.org/dep@v1.0.0</c>, the one dependency of the sandbox module, served from a <c>file://</c> GOPROXY
/// directory, with the go.sum lines real Go computes for it (so the checksum database is never contacted).
/// </summary>
internal static class DependencyModule
{
    public const string Path = "example.org/dep";
    public const string Version = "v1.0.0";

    private const string GoMod = "module example.org/dep\n\ngo 1.19\n";
    private const string Source = "package dep\n\n// Answer is what the sandbox module imports.\nconst Answer = 42\n";
    private const string Info = "{\"Version\":\"v1.0.0\",\"Time\":\"2024-01-01T00:00:00Z\"}\n";

    private static readonly Lazy<byte[]> s_zip = new(BuildZip);

    private static string ZipPrefix => Path + "@" + Version + "/";

    /// <summary>The <c>h1:</c> hash of the module zip's content (go.sum's first line for the module).</summary>
    public static string ZipHash => ModuleHash.Hash1(ZipFiles());

    /// <summary>
    /// The <c>h1:</c> hash of the go.mod alone (go.sum's <c>/go.mod</c> line). cmd/go's <c>goModSum</c> names the file
    /// plain <c>go.mod</c>, not <c>example.org/dep@v1.0.0/go.mod</c> as inside the zip (observed: the prefixed name
    /// gives a hash every Go version rejects with "checksum mismatch").
    /// </summary>
    public static string GoModHash => ModuleHash.Hash1([new("go.mod", Encoding.UTF8.GetBytes(GoMod))]);

    public static string GoSumLines =>
        $"{Path} {Version} {ZipHash}\n{Path} {Version}/go.mod {GoModHash}\n";

    /// <summary>Writes the proxy layout: <c>example.org/dep/@v/{list, v1.0.0.info, .mod, .zip}</c>.</summary>
    public static void WriteProxy(string proxyRoot)
    {
        string versions = System.IO.Path.Combine(proxyRoot, "example.org", "dep", "@v");
        Directory.CreateDirectory(versions);
        File.WriteAllText(System.IO.Path.Combine(versions, "list"), Version + "\n");
        File.WriteAllText(System.IO.Path.Combine(versions, Version + ".info"), Info);
        File.WriteAllText(System.IO.Path.Combine(versions, Version + ".mod"), GoMod);
        File.WriteAllBytes(System.IO.Path.Combine(versions, Version + ".zip"), s_zip.Value);
    }

    private static IEnumerable<KeyValuePair<string, byte[]>> ZipFiles() =>
    [
        new(ZipPrefix + "go.mod", Encoding.UTF8.GetBytes(GoMod)),
        new(ZipPrefix + "dep.go", Encoding.UTF8.GetBytes(Source)),
    ];

    private static byte[] BuildZip()
    {
        // File entries only: Go rejects a directory entry ("zip for … has unexpected file example.org/").
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] content) in ZipFiles())
            {
                ZipArchiveEntry entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using Stream stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
