using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class CacheProgHandshakeTests
{
    [TestMethod]
    public void Run_ProgramThatEndsOnClose_GetsGosCloseRequestAndAnswers()
    {
        // A cache program that ignores the end of input and only leaves on cmd/go's close request: it must get one.
        var dir = Directory.CreateTempSubdirectory("goenv-cacheprog-").FullName;
        try
        {
            var received = Path.Combine(dir, "received");
            var program = Path.Combine(dir, "prog");
            File.WriteAllText(program, $$"""
                #!/bin/sh
                echo '{"ID":0,"KnownCommands":["get","put","close"]}'
                while read -r line; do
                  printf '%s\n' "$line" >> '{{received}}'
                  case $line in *'"Command":"close"'*) echo '{"ID":1}'; exit 0 ;; esac
                done
                exec sleep 30
                """.Replace("\r", ""));
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var host = new HostEnvironment([new("PATH", "/usr/bin:/bin")], dir, HostOs.Linux);

            var handshake = CacheProgHandshake.Run(ProcessRunner.Instance, host, program);

            Assert.IsNull(handshake.Problem);
            CollectionAssert.AreEqual(new[] { "get", "put", "close" }, handshake.KnownCommands.ToArray());
            Assert.AreEqual("{\"ID\":1,\"Command\":\"close\"}", File.ReadAllText(received).Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("Usage: cacheprog -dir DIR", "invalid character 'U' looking for beginning of value")]
    [DataRow("'quoted'", @"invalid character '\'' looking for beginning of value")]
    [DataRow("{\"ID\":0,]", null)]
    public void Run_ProgramPrintingNoJson_FailsWithGosJsonError(string output, string? detail)
    {
        var dir = Directory.CreateTempSubdirectory("goenv-cacheprog-").FullName;
        try
        {
            var program = Path.Combine(dir, "prog");
            File.WriteAllText(Path.Combine(dir, "out"), output + "\n");
            File.WriteAllText(program, $"#!/bin/sh\nexec cat '{Path.Combine(dir, "out")}'\n");
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var host = new HostEnvironment([new("PATH", "/usr/bin:/bin")], dir, HostOs.Linux);

            var handshake = CacheProgHandshake.Run(ProcessRunner.Instance, host, program);

            Assert.AreEqual("error reading JSON from GOCACHEPROG" + (detail is null ? "" : ": " + detail), handshake.Problem);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("/opt/tools/cacheprog", "/opt/tools/cacheprog")]
    [DataRow("./cacheprog", "/work/cacheprog")]
    public void FindCommand_WordWithASlash_IsAPathFromTheWorkingDirectory(string word, string expected) =>
        Assert.AreEqual(expected, GoLocator.FindCommand(new HostEnvironment([new("PATH", "/usr/bin:/bin")], "/work", HostOs.Linux), word));

    [TestMethod]
    public void FindCommand_BareWord_IsSearchedOnPath()
    {
        var host = new HostEnvironment([new("PATH", "relative:/usr/bin:/bin")], "/", HostOs.Linux);
        Assert.AreEqual("/usr/bin/env", GoLocator.FindCommand(host, "env"));
        Assert.IsNull(GoLocator.FindCommand(host, "no-such-command-anywhere"));
    }
}
