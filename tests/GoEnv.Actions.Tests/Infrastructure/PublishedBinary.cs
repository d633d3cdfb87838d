using System.Collections;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// The <c>goenv-action</c> executable as users run it: published once per test run (Native AOT, linux-x64) into
/// <c>artifacts/test-publish/linux-x64</c>, or the file named by <c>GOENV_ACTION_BINARY</c>; and, for the Windows
/// suite, once as the self-contained win-x64 build into <c>artifacts/test-publish/win-x64</c>.
/// </summary>
internal static class PublishedBinary
{
    public const string BinaryVariable = "GOENV_ACTION_BINARY";
    public const string ExecutableName = "goenv-action";

    private static readonly Lazy<(string? Path, string? Failure)> s_linux = new(Resolve, LazyThreadSafetyMode.ExecutionAndPublication);

    // Self-contained, single file with everything extracted at first start: a plain single file (the release's
    // IncludeNativeLibrariesForSelfExtract) does not start under Wine 8 ("Failed to load System.Private.CoreLib.dll",
    // E_INVALIDARG), a file-per-assembly publish does, and so does this one, which is one file like the release's.
    private static readonly Lazy<(string? Path, string? Failure)> s_windows = new(
        () => Publish("win-x64", ExecutableName + ".exe", ["-p:PublishAot=false", "-p:SelfContained=true", "-p:PublishSingleFile=true",
            "-p:IncludeAllContentForSelfExtract=true", "-p:DisableTransitiveFrameworkReferenceDownloads=true"]),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The executable's path; publishes on first use. Fails the calling test (with the full publish output) when publishing fails.</summary>
    public static string Path => Require(s_linux.Value);

    /// <summary>goenv-action.exe for win-x64 (run under Wine by the Windows suite); publishes on first use.</summary>
    public static string WindowsPath => Require(s_windows.Value);

    private static string Require((string? Path, string? Failure) published)
    {
        if (published.Failure is not null)
        {
            Assert.Fail(published.Failure);
        }

        return published.Path!;
    }

    /// <summary>The directory holding GoEnv.slnx, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "GoEnv.slnx")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No GoEnv.slnx above {AppContext.BaseDirectory}.");
        }
    }

    private static (string? Path, string? Failure) Resolve()
    {
        string? given = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given)
                ? (System.IO.Path.GetFullPath(given), null)
                : (null, $"{BinaryVariable}={given} does not name an existing file.");
        }

        return Publish("linux-x64", ExecutableName, []);
    }

    private static (string? Path, string? Failure) Publish(string rid, string executable, string[] properties)
    {
        string root = RepositoryRoot;
        string project = System.IO.Path.Combine(root, "src", "GoEnv.Actions", "GoEnv.Actions.csproj");
        string output = System.IO.Path.Combine(root, "artifacts", "test-publish", rid);
        string[] arguments = ["publish", project, "-c", "Release", "-r", rid, "-o", output, "-nologo", .. properties];
        ProcessResult publish = ChildProcess.Run(DotnetHost(), arguments, root, PublishEnvironment(), TimeSpan.FromMinutes(15));
        string binary = System.IO.Path.Combine(output, executable);
        if (publish.ExitCode != 0 || publish.TimedOut || publish.StartError is not null)
        {
            return (null, $"Publishing goenv-action for {rid} failed; the tests of that build need it." + Environment.NewLine + publish.Describe(maxChars: 20000));
        }

        return File.Exists(binary)
            ? (binary, null)
            : (null, $"`dotnet publish` succeeded but {binary} does not exist." + Environment.NewLine + publish.Describe(maxChars: 20000));
    }

    private static string DotnetHost()
    {
        // The test host knows which dotnet runs it; the same one publishes.
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    private static Dictionary<string, string> PublishEnvironment()
    {
        // dotnet needs the developer's environment (PATH, HOME, NuGet configuration), but not the MSBuild and test
        // platform variables of the `dotnet test` that runs us: they would point the nested build at the wrong SDK pieces.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            string name = (string)entry.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            environment[name] = (string?)entry.Value ?? string.Empty;
        }

        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        return environment;
    }
}
