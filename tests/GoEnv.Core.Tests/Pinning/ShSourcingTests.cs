using System.Text;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

/// <summary>Sources the sh file in real shells and compares every exported value byte for byte.</summary>
[TestClass]
public sealed class ShSourcingTests
{
    [TestMethod]
    [DataRow("/bin/sh")]
    [DataRow("/bin/bash")]
    [DataRow("/usr/bin/dash")]
    public void Source_NastyValues_ShellSeesExactlyThePinnedBytes(string shell)
    {
        if (!File.Exists(shell))
        {
            Assert.Inconclusive($"{shell} is not installed");
        }

        using var box = new PinningSandbox();
        // Payloads that leave a mark if the shell ever executes a value (never a destructive command: a regression would run it).
        var values = NastyValues.MultiLine();
        values["SUBST"] = "$(touch pwned-subst)";
        values["BACKTICK"] = "`touch pwned-tick` ${HOME} $HOME";
        values["SEMICOLON"] = "'; touch pwned-semi; '";
        var env = new PinnedEnvironment("go1.22.12", values);
        var bytes = EnvFileWriter.Render(env, EnvFileFormat.Sh, out var problems);
        Assert.IsEmpty(problems);
        AtomicFile.Write(box.PathOf("pin.sh"), bytes);

        // `set -e -u` so a quoting slip that makes the shell run or expand something fails loudly.
        var output = box.Run(shell, ["-c", "set -eu; . ./pin.sh; exec env -0"], new Dictionary<string, string> { ["HOME"] = box.Home, ["PATH"] = "/usr/bin:/bin" });
        var seen = PinningSandbox.ParseEnvNul(output);

        foreach (var (name, value) in env.Variables)
        {
            Assert.IsTrue(seen.TryGetValue(name, out var actual), $"{name} is not exported by {shell}");
            CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(value), actual, $"{shell} {name}: '{Encoding.UTF8.GetString(actual)}'");
        }

        Assert.IsEmpty(Directory.GetFiles(box.Root, "pwned-*"), "a value was executed");
    }

    [TestMethod]
    [DataRow(EnvFileFormat.GoEnv, "grep -v '^#' pin | sha256sum")]
    [DataRow(EnvFileFormat.Dotenv, "tail -n +2 pin | sha256sum")]
    public void Sha256sum_BodyWithoutHeader_ReproducesTheRecordedHash(EnvFileFormat format, string command)
    {
        using var box = new PinningSandbox();
        var env = new PinnedEnvironment("go1.22.12", new Dictionary<string, string> { ["GOFLAGS"] = "-mod=readonly", ["GOPROXY"] = "https://proxy.example.com,direct", ["GOPRIVATE"] = "é" });
        AtomicFile.Write(box.PathOf("pin"), EnvFileWriter.Render(env, format, out _));

        var output = Encoding.ASCII.GetString(box.Run("/bin/sh", ["-c", command], new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = box.Home }));

        Assert.AreEqual(env.ContentHash(), output.Split(' ')[0]);
        Assert.AreEqual(env.ContentHash(), EnvFileReader.Read(box.PathOf("pin"), format).Sha256);
    }
}
