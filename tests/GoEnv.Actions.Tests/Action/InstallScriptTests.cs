using GoEnv.Actions.Tests.Infrastructure;
using GoEnv.Tests.Ci;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// scripts/install-goenv-action.sh run directly with POSIX sh (dash on Debian), as action.yml and the GitLab
/// component run it, against archives served from a file:// URL.
/// </summary>
[TestClass]
public sealed class InstallScriptTests
{
    private const string Archive = "goenv-action-linux-x64.tar.gz";
    private const string FakeGoenv = "#!/bin/sh\necho fake goenv-action \"$@\"\n";

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(1);

    private readonly List<ActionCheckout> _checkouts = [];

    [TestCleanup]
    public void RemoveCheckouts()
    {
        foreach (var checkout in _checkouts)
        {
            checkout.Dispose();
        }
    }

    [TestMethod]
    public void Install_NoPinnedChecksum_RefusesWithoutDownloading()
    {
        var (checkout, env) = Checkout();
        checkout.AddFakeArchive(FakeGoenv);
        File.WriteAllText(checkout.Checksums, "# no release yet\n");

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, "no pinned checksum for linux-x64 in this action version", result.Describe());
        Assert.AreEqual(string.Empty, result.StandardOutput, result.Describe());
        Assert.IsFalse(Directory.Exists(Dest(checkout)), "nothing may be downloaded without a pinned checksum");
    }

    [TestMethod]
    public void Install_ChecksumMismatch_RefusesAndKeepsNothing()
    {
        var (checkout, env) = Checkout();
        var actual = checkout.AddFakeArchive(FakeGoenv);
        var wrong = new string('0', 64);
        checkout.PinChecksums((Archive, wrong));

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, $"checksum mismatch for {Archive}", result.Describe());
        StringAssert.Contains(result.StandardError, $"expected {wrong}, got {actual}", result.Describe());
        Assert.AreEqual(string.Empty, result.StandardOutput, result.Describe());
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(Dest(checkout)), "a download that failed verification must not stay behind");
    }

    [TestMethod]
    public void Install_Verified_PrintsOnlyThePathAndWritesTheStepOutput()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        var output = Path.Combine(checkout.Root, "github_output");
        File.WriteAllText(output, string.Empty);
        env["GITHUB_OUTPUT"] = output;

        var result = Install(checkout, env);

        var binary = Path.Combine(Dest(checkout), "bin", "goenv-action");
        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.AreEqual(binary + "\n", result.StandardOutput, "stdout is the path and nothing else");
        CollectionAssert.AreEqual(new[] { ("path", binary) }, GitHubRunner.ParseEnvFile(File.ReadAllText(output)).ToArray());
        var run = ChildProcess.Run(binary, ["pin"], checkout.Root, env, s_timeout);
        Assert.AreEqual("fake goenv-action pin\n", run.StandardOutput, run.Describe());
    }

    [TestMethod]
    public void Install_CachedArchive_IsReusedWithoutDownloading()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        Assert.AreEqual(0, Install(checkout, env).ExitCode);
        File.Delete(Path.Combine(checkout.ReleaseDirectory, Archive));

        var again = Install(checkout, env);

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        StringAssert.Contains(again.StandardError, "reusing", again.Describe());
    }

    [TestMethod]
    public void Install_CachedArchiveTampered_IsDownloadedAgain()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        Assert.AreEqual(0, Install(checkout, env).ExitCode);
        File.WriteAllText(Path.Combine(Dest(checkout), Archive), "tampered");

        var again = Install(checkout, env);

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        StringAssert.Contains(again.StandardError, "downloading", again.Describe());
        Assert.AreEqual(ActionCheckout.Sha256(Path.Combine(checkout.ReleaseDirectory, Archive)), ActionCheckout.Sha256(Path.Combine(Dest(checkout), Archive)));
    }

    [TestMethod]
    public void Install_InstalledFilesTampered_AreRestoredFromTheVerifiedArchive()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        Assert.AreEqual(0, Install(checkout, env).ExitCode);
        var binary = Path.Combine(Dest(checkout), "bin", "goenv-action");
        File.WriteAllText(binary, "#!/bin/sh\necho tampered\n");
        File.WriteAllText(Path.Combine(Dest(checkout), "bin", "libextra.so"), "planted");
        File.Delete(Path.Combine(checkout.ReleaseDirectory, Archive));

        var again = Install(checkout, env);

        Assert.AreEqual(0, again.ExitCode, again.Describe());
        Assert.AreEqual(FakeGoenv, File.ReadAllText(binary));
        CollectionAssert.AreEquivalent(new[] { "goenv-action" }, Directory.GetFiles(Path.GetDirectoryName(binary)!).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void Install_ArchiveWithLibrariesBesideTheExecutable_InstallsThemTogether()
    {
        var (checkout, env) = Checkout();
        var sha = checkout.AddArchive("linux-x64", [("goenv-action", "#!/bin/sh\n"u8.ToArray()), ("libgit2-test.so", "lib"u8.ToArray())]);
        checkout.PinChecksums((Archive, sha));

        var result = Install(checkout, env);

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.IsTrue(File.Exists(Path.Combine(Dest(checkout), "bin", "libgit2-test.so")), result.Describe());
    }

    [TestMethod]
    public void Install_ArchiveWithoutTheExecutable_Refuses()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddArchive("linux-x64", [("something-else", "x"u8.ToArray())])));

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, $"{Archive} has no goenv-action at its top level", result.Describe());
    }

    [TestMethod]
    public void Install_OtherVersionWithoutItsChecksums_Refuses()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        env["GOENV_ACTION_VERSION"] = "9.9.9";

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, $"pins the archives of goenv-action {checkout.Version}, not 9.9.9", result.Describe());
    }

    [TestMethod]
    public void Install_OtherVersionWithItsChecksums_InstallsIntoTheToolCache()
    {
        var (checkout, env) = Checkout();
        var sums = Path.Combine(checkout.Root, "SHA256SUMS-9.9.9");
        File.WriteAllText(sums, $"{checkout.AddFakeArchive(FakeGoenv)} *{Archive}\n");
        env.Remove("GOENV_ACTION_DEST");
        env["RUNNER_TOOL_CACHE"] = Path.Combine(checkout.RunnerDirectory, "tool-cache");

        var result = Install(checkout, env, "--version", "v9.9.9", "--checksums", sums);

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.AreEqual(Path.Combine(env["RUNNER_TOOL_CACHE"], "goenv-action", "9.9.9", "linux-x64", "bin", "goenv-action") + "\n", result.StandardOutput);
    }

    [TestMethod]
    [DataRow("Linux", "X64", "linux-x64")]
    [DataRow("Linux", "ARM64", "linux-arm64")]
    [DataRow("macOS", "ARM64", "osx-arm64")]
    [DataRow("Windows", "X64", "win-x64")]
    public void PrintRid_RunnerPlatform_SelectsTheBuild(string os, string arch, string rid)
    {
        var (checkout, env) = Checkout();
        env["RUNNER_OS"] = os;
        env["RUNNER_ARCH"] = arch;

        var result = Install(checkout, env, "--print-rid");

        Assert.AreEqual(0, result.ExitCode, result.Describe());
        Assert.AreEqual(rid + "\n", result.StandardOutput);
    }

    [TestMethod]
    [DataRow("macOS", "X64")]
    [DataRow("Linux", "ARM")]
    [DataRow("Windows", "ARM64")]
    [DataRow("FreeBSD", "X64")]
    public void Install_RunnerPlatformWithoutBuild_Refuses(string os, string arch)
    {
        var (checkout, env) = Checkout();
        env["RUNNER_OS"] = os;
        env["RUNNER_ARCH"] = arch;

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, "no goenv-action build for", result.Describe());
        StringAssert.Contains(result.StandardError, "linux-x64, linux-arm64, linux-musl-x64, osx-arm64, win-x64", result.Describe());
    }

    [TestMethod]
    public void Install_WithoutCurl_CopiesAFileUrl()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        env["PATH"] = RestrictedPath(checkout, "sha256sum");

        var result = Install(checkout, env);

        Assert.AreEqual(0, result.ExitCode, result.Describe());
    }

    [TestMethod]
    public void Install_WithShasumOnly_Verifies()
    {
        if (!File.Exists("/usr/bin/shasum"))
        {
            Assert.Inconclusive("/usr/bin/shasum (Debian: perl) is not installed.");
        }

        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, new string('f', 64)));
        checkout.AddFakeArchive(FakeGoenv);
        env["PATH"] = RestrictedPath(checkout, "curl", "shasum", "perl");

        var result = Install(checkout, env);

        // The mismatch proves shasum computed the real digest.
        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, "got " + ActionCheckout.Sha256(Path.Combine(checkout.ReleaseDirectory, Archive)), result.Describe());
    }

    [TestMethod]
    public void Install_NoHashTool_RefusesWithoutDownloading()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, checkout.AddFakeArchive(FakeGoenv)));
        env["PATH"] = RestrictedPath(checkout, "curl");

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, "none of sha256sum, shasum or openssl is installed", result.Describe());
        Assert.IsFalse(Directory.Exists(Dest(checkout)), result.Describe());
    }

    [TestMethod]
    public void Install_DownloadFails_NamesTheUrlWithoutItsCredentials()
    {
        var (checkout, env) = Checkout();
        checkout.PinChecksums((Archive, new string('a', 64)));
        // Port 9 (discard) on the loopback: nothing listens, so the connection is refused at once.
        env["GOENV_ACTION_DOWNLOAD_URL"] = "https://mirror-user:s3cret-token@127.0.0.1:9/goenv";

        var result = Install(checkout, env);

        Assert.AreEqual(1, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, $"downloading https://***@127.0.0.1:9/goenv/{Archive} failed", result.Describe());
        Assert.DoesNotContain("s3cret-token", result.Output, "credentials in the download URL must never be printed");
    }

    [TestMethod]
    public void Install_FailsOnGitHub_AlsoAnnotatesTheError()
    {
        var (checkout, env) = Checkout();
        File.WriteAllText(checkout.Checksums, "# no release yet\n");
        env["GITHUB_ACTIONS"] = "true";

        var result = Install(checkout, env);

        var errors = GitHubRunner.ReadLines(result.StandardError)
            .Select(line => GitHubRunner.TryParseCommand(line, out var command) ? command : null)
            .Where(command => command is not null && command.Command == "error")
            .ToList();
        Assert.HasCount(1, errors, result.Describe());
        StringAssert.StartsWith(errors[0]!.Data, "no pinned checksum for linux-x64");
    }

    [TestMethod]
    public void Install_UnknownArgument_IsAUsageError()
    {
        var (checkout, env) = Checkout();

        var result = Install(checkout, env, "--bogus");

        Assert.AreEqual(2, result.ExitCode, result.Describe());
        StringAssert.Contains(result.StandardError, "unknown argument: --bogus");
    }

    private (ActionCheckout Checkout, Dictionary<string, string> Env) Checkout()
    {
        var checkout = ActionCheckout.Create();
        _checkouts.Add(checkout);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/bin:/bin",
            ["HOME"] = checkout.Root,
            ["RUNNER_OS"] = "Linux",
            ["RUNNER_ARCH"] = "X64",
            ["GOENV_ACTION_DOWNLOAD_URL"] = checkout.DownloadUrl,
            ["GOENV_ACTION_DEST"] = Dest(checkout),
        };
        return (checkout, env);
    }

    private static string Dest(ActionCheckout checkout) => Path.Combine(checkout.RunnerDirectory, "dest");

    private static ProcessResult Install(ActionCheckout checkout, Dictionary<string, string> env, params string[] args) =>
        ChildProcess.Run("/bin/sh", [checkout.InstallScript, .. args], checkout.Root, env, s_timeout);

    /// <summary>A PATH directory with the tools the installer always needs plus <paramref name="optional"/> (symbolic links).</summary>
    private static string RestrictedPath(ActionCheckout checkout, params string[] optional)
    {
        var directory = Path.Combine(checkout.Root, "restricted-bin-" + string.Join('-', optional));
        Directory.CreateDirectory(directory);
        string[] basics = ["sh", "dirname", "uname", "grep", "tr", "sed", "mkdir", "rm", "mv", "cp", "tar", "gzip", "chmod", "ls", "cat"];
        foreach (var tool in basics.Concat(optional))
        {
            var target = new[] { "/usr/bin/" + tool, "/bin/" + tool }.FirstOrDefault(File.Exists)
                ?? throw new AssertFailedException($"The test needs {tool}, which is not installed.");
            File.CreateSymbolicLink(Path.Combine(directory, tool), target);
        }

        return directory;
    }
}
