namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>The real Go the tests run (installed at a fixed place on the build machines).</summary>
internal static class GoToolchain
{
    public const string GoRoot = "/usr/lib/go-1.22";

    public static string BinDirectory => Path.Combine(GoRoot, "bin");

    public static string Go => Path.Combine(BinDirectory, "go");
}
