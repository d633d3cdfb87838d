using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Ci;

/// <summary>
/// The published linux-x64 binary is what the action and the GitLab component download: it must run on a runner
/// with no .NET at all. The test hides every .NET install with a private mount namespace (an empty directory bound
/// over each), and runs `check` and `pin` there.
/// </summary>
[TestClass]
public sealed class NoDotnetTests
{
    private static readonly string[] s_dotnetRoots = ["/usr/share/dotnet", "/usr/lib/dotnet", "/opt/dotnet", "/root/.dotnet"];

    [TestMethod]
    public void PublishedBinary_RunsWithEveryDotnetInstallHidden()
    {
        var go = GoToolchains.Require()[^1];
        using var sandbox = GoSandbox.Create(go);
        var empty = Directory.CreateTempSubdirectory("goenv-empty-").FullName;
        try
        {
            var hidden = s_dotnetRoots.Where(Directory.Exists).ToList();
            Assert.IsNotEmpty(hidden, "no .NET install found to hide: the test would prove nothing");

            // unshare -r maps the caller to root in a new user namespace, so the bind mounts need no privileges;
            // they vanish with the namespace. DOTNET_ROOT is not set: the sandbox environment is built from scratch.
            var mounts = string.Join(" && ", hidden.Select(d => $"mount --bind '{empty}' '{d}'"));
            var script = $"{mounts} && ! command -v dotnet && ! ls {string.Join(' ', hidden.Select(d => $"'{d}'/dotnet"))} 2>/dev/null"
                + $" && '{PublishedBinary.Path}' check --ci none && '{PublishedBinary.Path}' pin --ci none --env-file pinned.env";
            var env = new Dictionary<string, string>(sandbox.Environment) { ["PATH"] = go.BinDirectory + ":/usr/bin:/bin" };
            var result = ChildProcess.Run("/usr/bin/unshare", ["-r", "-m", "/bin/sh", "-c", script], sandbox.ModuleDirectory, env, TimeSpan.FromSeconds(60));

            Assert.AreEqual(0, result.ExitCode, result.Describe());
            StringAssert.Contains(result.StandardOutput, "OK:");
            Assert.IsTrue(File.Exists(Path.Combine(sandbox.ModuleDirectory, "pinned.env")), result.Describe());
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
