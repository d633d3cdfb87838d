namespace GoEnv.Core.Tests.Modules;

/// <summary>A temp directory for one test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory() => Path = Directory.CreateTempSubdirectory("goenv-modules-").FullName;

    public string Path { get; }

    /// <summary>Writes a file under the directory (creating its parents); returns its absolute path.</summary>
    public string Write(string relative, string content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
