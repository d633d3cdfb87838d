using System.IO.Compression;
using System.Text;
using GoEnv.Core.Modules;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// A module version served from a <c>file://</c> GOPROXY directory (<c>path/@v/{list, .info, .mod, .zip}</c>), with
/// the go.sum lines real Go computes for it, so that no checksum database is ever contacted.
/// </summary>
internal sealed class ProxyModule
{
    private readonly Lazy<byte[]> _zip;

    /// <param name="goLine">go.mod's go line, e.g. "1.19" or "1.30".</param>
    /// <param name="files">The module's files besides go.mod, by path inside the module (e.g. "dep.go", "sub/sub.go").</param>
    /// <param name="requires">go.mod's requirements, e.g. "example.org/mid v1.0.0".</param>
    public ProxyModule(string path, string version, string goLine, IReadOnlyDictionary<string, string> files, params string[] requires)
    {
        Path = path;
        Version = version;
        GoMod = $"module {path}\n\ngo {goLine}\n" + string.Concat(requires.Select(r => $"\nrequire {r}\n"));
        Files = files;
        _zip = new Lazy<byte[]>(BuildZip);
    }

    /// <summary>example.org/dep@v1.0.0 (go 1.19): the sandbox module's one dependency.</summary>
    public static ProxyModule Dep { get; } = new("example.org/dep", "v1.0.0", "1.19", new Dictionary<string, string>
    {
        ["dep.go"] = "package dep\n\n// Answer is what the sandbox module imports.\nconst Answer = 42\n",
    });

    /// <summary>A module whose go line no installed Go reaches.</summary>
    public static ProxyModule NewGo { get; } = Simple("example.org/newgo", "1.30");

    /// <summary>A module at go 1.21.5: above a go.mod at 1.19–1.21, within every Go 1.21+.</summary>
    public static ProxyModule Go1215 { get; } = Simple("example.org/g1215", "1.21.5");

    /// <summary>A module at go 1.20: never raises the main module's go line.</summary>
    public static ProxyModule Go120 { get; } = Simple("example.org/g120", "1.20");

    /// <summary>A module the sandbox's go.mod does not require.</summary>
    public static ProxyModule Other { get; } = Simple("example.org/other", "1.19");

    /// <summary>A module (go 1.19) whose package imports <see cref="NewGo"/>: a dependency reached only through another.</summary>
    public static ProxyModule Via { get; } = new("example.org/via", "v1.0.0", "1.19", new Dictionary<string, string>
    {
        ["via.go"] = "package via\n\nimport \"example.org/newgo\"\n\n// V re-exports newgo's value.\nconst V = newgo.Value\n",
    }, "example.org/newgo v1.0.0");

    public string Path { get; }

    public string Version { get; }

    public string GoMod { get; }

    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>The <c>h1:</c> hash of the zip's content (go.sum's first line for the module).</summary>
    public string ZipHash => ModuleHash.Hash1(ZipFiles());

    /// <summary>The <c>h1:</c> hash of the go.mod alone, named plain "go.mod" as cmd/go's goModSum does.</summary>
    public string GoModHash => ModuleHash.OfGoMod(Encoding.UTF8.GetBytes(GoMod));

    public string ZipSumLine => $"{Path} {Version} {ZipHash}\n";

    public string GoModSumLine => $"{Path} {Version}/go.mod {GoModHash}\n";

    public string GoSumLines => ZipSumLine + GoModSumLine;

    /// <summary>`require path version`.</summary>
    public string Require => $"require {Path} {Version}\n";

    /// <summary>Adds the module to a proxy directory (its @v/list gains the version).</summary>
    public void WriteTo(string proxyRoot)
    {
        string versions = System.IO.Path.Combine(proxyRoot, Path, "@v");
        Directory.CreateDirectory(versions);
        File.AppendAllText(System.IO.Path.Combine(versions, "list"), Version + "\n");
        File.WriteAllText(System.IO.Path.Combine(versions, Version + ".info"), $"{{\"Version\":\"{Version}\",\"Time\":\"2024-01-01T00:00:00Z\"}}\n");
        File.WriteAllText(System.IO.Path.Combine(versions, Version + ".mod"), GoMod);
        File.WriteAllBytes(System.IO.Path.Combine(versions, Version + ".zip"), _zip.Value);
    }

    private static ProxyModule Simple(string path, string goLine) => new(path, "v1.0.0", goLine, new Dictionary<string, string>
    {
        [path[(path.LastIndexOf('/') + 1)..] + ".go"] = $"package {path[(path.LastIndexOf('/') + 1)..]}\n\n// Value is what importers use.\nconst Value = 1\n",
    });

    private IEnumerable<KeyValuePair<string, byte[]>> ZipFiles() =>
        Files.Select(f => new KeyValuePair<string, byte[]>($"{Path}@{Version}/{f.Key}", Encoding.UTF8.GetBytes(f.Value)))
            .Prepend(new($"{Path}@{Version}/go.mod", Encoding.UTF8.GetBytes(GoMod)));

    private byte[] BuildZip()
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
