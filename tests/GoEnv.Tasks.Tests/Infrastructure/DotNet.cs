namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>The real dotnet CLI, in an environment built from scratch: no developer HOME, NuGet cache or Go settings.</summary>
internal static class DotNet
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public static string Executable => File.Exists("/usr/share/dotnet/dotnet") ? "/usr/share/dotnet/dotnet" : "/usr/bin/dotnet";

    public static ProcessResult Run(IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment) =>
        ChildProcess.Run(Executable, arguments.ToList(), workingDirectory, environment, s_timeout);

    /// <param name="goBin">The one Go put on PATH; null for none.</param>
    public static Dictionary<string, string> Environment(string home, string nugetPackages, string? goBin) => new(StringComparer.Ordinal)
    {
        ["HOME"] = home,
        ["DOTNET_CLI_HOME"] = home,
        ["NUGET_PACKAGES"] = nugetPackages,
        ["PATH"] = (goBin is null ? "" : goBin + ":") + Path.GetDirectoryName(Executable) + ":/usr/bin:/bin",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["NUGET_CERT_REVOCATION_MODE"] = "offline",
        ["GOTOOLCHAIN"] = "local",
        ["GOTELEMETRY"] = "off",
    };
}
