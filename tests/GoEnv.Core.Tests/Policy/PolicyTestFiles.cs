namespace GoEnv.Core.Tests.Policy;

/// <summary>A temp directory for policy files; each test gets its own.</summary>
internal sealed class PolicyTestFiles : IDisposable
{
    public PolicyTestFiles()
    {
        Root = Directory.CreateTempSubdirectory("goenv-policy-").FullName;
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to Root/<paramref name="relativePath"/> (directories created) and returns the full path.</summary>
    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string MakeDirectory(string relativePath)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
