using System.Collections;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// The <c>goenv-action</c> executable as users run it: published once per test run (Native AOT, linux-x64) into
/// <c>artifacts/test-publish/linux-x64</c>, or the file named by <c>GOENV_ACTION_BINARY</c>.
/// </summary>
internal static class PublishedBinary
{
    public const string BinaryVariable = "GOENV_ACTION_BINARY";
    public const string ExecutableName = "goenv-action";

    private static readonly Lock s_lock = new();
    private static string? s_path;
    private static string? s_failure;

    /// <summary>The executable's path; publishes on first use. Fails the calling test (with the full publish output) when publishing fails.</summary>
    public static string Path
    {
        get
        {
            lock (s_lock)
            {
                if (s_path is null && s_failure is null)
                {
                    (s_path, s_failure) = Resolve();
                }
            }

            if (s_failure is not null)
            {
                Assert.Fail(s_failure);
            }

            return s_path!;
        }
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

        string root = RepositoryRoot;
        string project = System.IO.Path.Combine(root, "src", "GoEnv.Actions", "GoEnv.Actions.csproj");
        string output = System.IO.Path.Combine(root, "artifacts", "test-publish", "linux-x64");
        string[] arguments = ["publish", project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo"];
        ProcessResult publish = ChildProcess.Run(DotnetHost(), arguments, root, PublishEnvironment(), TimeSpan.FromMinutes(15));
        string binary = System.IO.Path.Combine(output, ExecutableName);
        if (publish.ExitCode != 0 || publish.TimedOut || publish.StartError is not null)
        {
            return (null, "Publishing goenv-action failed; every test of the CLI needs it." + Environment.NewLine + publish.Describe(maxChars: 20000));
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
