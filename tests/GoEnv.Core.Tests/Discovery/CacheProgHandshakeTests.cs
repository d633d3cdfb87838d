using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class CacheProgHandshakeTests
{
    [TestMethod]
    public void Run_ProgramThatEndsOnClose_GetsGosCloseRequestAndAnswers() => WithProgram(
        // A cache program that ignores the end of input and only leaves on cmd/go's close request: it must get one.
        dir => $$"""
            #!/bin/sh
            echo '{"ID":0,"KnownCommands":["get","put","close"]}'
            while read -r line; do
              printf '%s\n' "$line" >> '{{Path.Combine(dir, "received")}}'
              case $line in *'"Command":"close"'*) echo '{"ID":1}'; exit 0 ;; esac
            done
            exec sleep 30
            """,
        (dir, handshake) =>
        {
            Assert.IsNull(handshake.Problem);
            CollectionAssert.AreEqual(new[] { "get", "put", "close" }, handshake.KnownCommands.ToArray());
            Assert.AreEqual("{\"ID\":1,\"Command\":\"close\"}", File.ReadAllText(Path.Combine(dir, "received")).Trim());
        });

    [TestMethod]
    [DataRow("Usage: cacheprog -dir DIR", "invalid character 'U' looking for beginning of value")]
    [DataRow("'quoted'", @"invalid character '\'' looking for beginning of value")]
    [DataRow("{\"ID\":0,]", null)]
    public void Run_ProgramPrintingNoJson_FailsWithGosJsonError(string output, string? detail) => WithProgram(
        dir =>
        {
            File.WriteAllText(Path.Combine(dir, "out"), output + "\n");
            return $"#!/bin/sh\nexec cat '{Path.Combine(dir, "out")}'\n";
        },
        (_, handshake) => Assert.AreEqual("error reading JSON from GOCACHEPROG" + (detail is null ? "" : ": " + detail), handshake.Problem));

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

    /// <summary>Runs the handshake with a shell script (written by <paramref name="script"/> in a temp directory) as GOCACHEPROG.</summary>
    private static void WithProgram(Func<string, string> script, Action<string, CacheProgHandshake> assert)
    {
        var dir = Directory.CreateTempSubdirectory("goenv-cacheprog-").FullName;
        try
        {
            var program = Path.Combine(dir, "prog");
            File.WriteAllText(program, script(dir).Replace("\r", "", StringComparison.Ordinal));
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var host = new HostEnvironment([new("PATH", "/usr/bin:/bin")], dir, HostOs.Linux);
            assert(dir, CacheProgHandshake.Run(ProcessRunner.Instance, host, program));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
