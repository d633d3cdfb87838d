namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>
/// A temp directory with a HOME (Go telemetry off, so no detached child keeps writing into it) and helpers to write
/// files; deleted on dispose, Go's read-only module cache included.
/// </summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(string prefix)
    {
        Root = Directory.CreateTempSubdirectory(prefix).FullName;
        Home = Path.Combine(Root, "home");

        // Go 1.23+ in telemetry mode "local" forks a child that keeps writing under $HOME/.config/go/telemetry.
        Write("home/.config/go/telemetry/mode", "off\n");
    }

    public string Root { get; }

    public string Home { get; }

    public string PathTo(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string content)
    {
        var path = PathTo(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        try
        {
            foreach (var directory in Directory.EnumerateDirectories(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true }))
            {
                File.SetUnixFileMode(directory, File.GetUnixFileMode(directory) | UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory must not turn a verdict into a failure.
        }
    }
}
