namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>A Go module without dependencies in a <see cref="TempTree"/>, and an environment built from scratch for it.</summary>
internal sealed class GoModule : IDisposable
{
    private readonly TempTree _tree = new("goenv-tasks-");

    public GoModule(string goDirective = "1.22")
    {
        _tree.Write("app/go.mod", $"module example.com/app\n\ngo {goDirective}\n");
        _tree.Write("app/app.go", "package app\n\n// Answer is the answer.\nconst Answer = 42\n");
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["HOME"] = _tree.Home,
            ["PATH"] = GoToolchain.BinDirectory + ":/usr/bin:/bin",
            ["GOTOOLCHAIN"] = "local",
        };
    }

    public string Directory => _tree.PathTo("app");

    public string GoMod => _tree.PathTo("app/go.mod");

    public string ProjectFile => _tree.PathTo("app/app.csproj");

    /// <summary>The complete environment the tasks see (nothing inherited from the test process).</summary>
    public Dictionary<string, string> Environment { get; }

    public string PathTo(string relative) => _tree.PathTo(relative);

    public T Task<T>(RecordingBuildEngine engine)
        where T : GoEnvTask, new() =>
        new() { BuildEngine = engine, WorkingDirectory = Directory, ProjectFullPath = ProjectFile, ProcessEnvironment = Environment };

    public void Dispose() => _tree.Dispose();
}
