using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class CCompilerIdentityTests
{
    [TestMethod]
    public void VersionLine_GccOutput_TakesTheVersionLineNotConfiguredWith()
    {
        const string output = "Using built-in specs.\nCOLLECT_GCC=gcc\nTarget: x86_64-linux-gnu\n"
            + "Configured with: ../src/configure -v --with-pkgversion='Debian 12.2.0-14' --version 1.2\n"
            + "Thread model: posix\ngcc version 12.2.0 (Debian 12.2.0-14) \n COLLECT_GCC_OPTIONS='-c'\n";

        Assert.AreEqual("gcc version 12.2.0 (Debian 12.2.0-14) ", CCompilerIdentity.VersionLine(output));
    }

    [TestMethod]
    [DataRow("Debian clang version 14.0.6\nTarget: x86_64-pc-linux-gnu\n", "Debian clang version 14.0.6")]
    [DataRow("zig version 0.11.0\r\n", "zig version 0.11.0")]
    [DataRow("cc version unknown\n", null)]
    [DataRow("", null)]
    public void VersionLine_Others_AsGccToolIdReadsThem(string output, string? expected) =>
        Assert.AreEqual(expected, CCompilerIdentity.VersionLine(output));

    [TestMethod]
    public void Probe_RealCompilerOnPath_GivesItsVersionLine()
    {
        var gcc = new[] { "/usr/bin/gcc", "/usr/bin/cc" }.FirstOrDefault(File.Exists);
        if (gcc is null)
        {
            Assert.Inconclusive("no C compiler in /usr/bin");
        }

        var host = new HostEnvironment([new("PATH", "/usr/bin:/bin")], Path.GetTempPath(), HostOs.Linux);

        var identity = CCompilerIdentity.Probe(host, Path.GetFileName(gcc) + " -O2", ProcessRunner.Instance);

        StringAssert.Contains(identity, " version ");
        Assert.IsFalse(identity.StartsWith("unavailable", StringComparison.Ordinal), identity);
    }

    [TestMethod]
    public void Probe_CompilerNotOnPath_SaysUnavailable()
    {
        var host = new HostEnvironment([new("PATH", "/nonexistent")], Path.GetTempPath(), HostOs.Linux);

        Assert.AreEqual("unavailable: gcc is not on PATH", CCompilerIdentity.Probe(host, "gcc", ProcessRunner.Instance));
        Assert.AreEqual("unavailable: CC is not a command", CCompilerIdentity.Probe(host, "", ProcessRunner.Instance));
    }
}
