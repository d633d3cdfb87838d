using System.Diagnostics.CodeAnalysis;

namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>
/// GoEnv.Tasks packed once into a temp local feed under a version unique to this run, so no NuGet cache anywhere can
/// hold a stale package of that version. Built from the task project output the test run already built (--no-build).
/// </summary>
internal sealed class PackedFeed : IDisposable
{
    private readonly TempTree _tree = new("goenv-tasks-feed-");

    private PackedFeed(string version) => Version = version;

    public string Version { get; }

    public string Directory => _tree.PathTo("feed");

    public string Package => Path.Combine(Directory, $"GoEnv.Tasks.{Version}.nupkg");

    public static PackedFeed Create()
    {
        var feed = new PackedFeed("0.1.0-e2e" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepositoryRoot(), "src", "GoEnv.Tasks", "GoEnv.Tasks.csproj");
        var pack = DotNet.Run(
            ["pack", project, "--no-build", "-c", Configuration, "-o", feed.Directory, "-p:PackageVersion=" + feed.Version, "-nologo", "-v:q"],
            RepositoryRoot(),
            DotNet.Environment(feed._tree.Home, feed._tree.PathTo("nuget-packages"), goBin: null));
        if (pack.ExitCode != 0 || !File.Exists(feed.Package))
        {
            feed.Dispose();
            throw new InvalidOperationException("dotnet pack GoEnv.Tasks failed: " + pack);
        }

        return feed;
    }

    public void Dispose() => _tree.Dispose();

    [SuppressMessage("Style", "IDE0025", Justification = "Compile-time constant per build configuration.")]
    private static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GoEnv.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GoEnv.slnx not found above " + AppContext.BaseDirectory);
    }
}
