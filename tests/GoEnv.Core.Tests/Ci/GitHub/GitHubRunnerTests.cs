using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitHub;

/// <summary>The runner ports behave as ci-protocols.md §2.1–2.4 and §7.2 record for the real runner.</summary>
[TestClass]
public sealed class GitHubRunnerTests
{
    [TestMethod]
    [DataRow("A=v\n", "v")]
    [DataRow("A=v", "v")]
    [DataRow("A=v\r\n", "v\r")]
    [DataRow("A<<D\r\nv\r\nD\r\n", "v\r")]
    [DataRow("A<<D\nv\nD\n", "v")]
    [DataRow("A<<D\nv\nD", "v")]
    [DataRow("A<<D\n\nD\n", "")]
    [DataRow("A<<D\nD\n", "")]
    [DataRow("A<<D\nv\n\nD\n", "v\n")]
    [DataRow("A<<D\na\r\nb\nD\n", "a\r\nb")]
    [DataRow("A=x<<y\n", "x<<y")]
    [DataRow("A<<x=y\nv\nx=y\n", "v")]
    [DataRow("\n\nA=v\n\n", "v")]
    public void ParseEnvFile_LinuxRunner_ReadsTheValue(string content, string value) =>
        CollectionAssert.AreEqual(new[] { ("A", value) }, GitHubRunner.ParseEnvFile(content).ToArray());

    [TestMethod]
    public void ParseEnvFile_EqualsInAName_InjectsASecondVariable()
    {
        // §7.2: a name holding '=' turns the header into a one-line assignment; what follows becomes new records.
        var records = GitHubRunner.ParseEnvFile("EVIL=1\nNODE_X<<D\nv\nD\n");

        CollectionAssert.AreEqual(new[] { ("EVIL", "1"), ("NODE_X", "v") }, records.ToArray());
    }

    [TestMethod]
    public void ParseEnvFile_DuplicateNames_LastWinsAtTheFirstPosition()
    {
        const string content = "A=1\nB=2\nA<<D\n3\nD\n";

        Assert.HasCount(3, GitHubRunner.ParseEnvFileRecords(content));
        CollectionAssert.AreEqual(new[] { ("A", "3"), ("B", "2") }, GitHubRunner.ParseEnvFile(content).ToArray());
    }

    [TestMethod]
    public void ParseEnvFile_EmptyNameInOneLineForm_PassesTheParser()
    {
        // The runner's check tests the line, not the name; SetEnvContext then fails the step.
        CollectionAssert.AreEqual(new[] { ("", "x") }, GitHubRunner.ParseEnvFile("=x\n").ToArray());
    }

    [TestMethod]
    [DataRow("A<<D\nv\n", "Matching delimiter not found")]
    [DataRow("A<<D\nv\nD \n", "Matching delimiter not found")]
    [DataRow("A<<D\nv", "EOF marker missing new line")]
    [DataRow("garbage\n", "Invalid format")]
    [DataRow("<<D\nv\nD\n", "Invalid format")]
    [DataRow("A<<\nv\n\n", "Invalid format")]
    public void ParseEnvFile_Malformed_ThrowsTheRunnersError(string content, string message)
    {
        var e = Assert.ThrowsExactly<InvalidDataException>(() => GitHubRunner.ParseEnvFile(content));

        Assert.Contains(message, e.Message);
    }

    [TestMethod]
    public void ParsePathFile_LinesInAnyEnding_PrependedLastFirstAndRepeatsMoved()
    {
        var path = GitHubRunner.ParsePathFile("/a\n/b\r\n/c\r/d\n\n/a\n");

        CollectionAssert.AreEqual(new[] { "/a", "/d", "/c", "/b" }, path.ToArray());
    }

    [TestMethod]
    [DataRow("", new string[0])]
    [DataRow("a", new[] { "a" })]
    [DataRow("a\n", new[] { "a" })]
    [DataRow("a\nb\r\nc\rd", new[] { "a", "b", "c", "d" })]
    [DataRow("\n\n", new[] { "", "" })]
    [DataRow("x\r::error::y", new[] { "x", "::error::y" })]
    public void ReadLines_LikeStreamReader_SplitsAtLfCrLfAndBareCr(string output, string[] lines) =>
        CollectionAssert.AreEqual(lines, GitHubRunner.ReadLines(output).ToArray());

    [TestMethod]
    public void TryParseCommand_IndentedCommandWithProperties_ParsedLikeTheRunner()
    {
        Assert.IsTrue(GitHubRunner.TryParseCommand(" \t::ERROR  FILE=a%2Cb%3Ac , line=1,LINE=2,,col,bogus==x,title=%253A ::data::with %25 colons%0A", out var command));

        Assert.AreEqual("ERROR", command.Command);
        Assert.AreEqual("a,b:c ", command.Properties["file"], "only the whole property list is trimmed");
        Assert.AreEqual("1", command.Properties[" line"], "nor are keys");
        Assert.AreEqual("2", command.Properties["Line"], "keys are case-insensitive");
        Assert.IsFalse(command.Properties.ContainsKey("col"), "a property without '=' is dropped");
        Assert.AreEqual("x", command.Properties["bogus"], "a value's leading '=' is dropped");
        Assert.AreEqual("%3A", command.Properties["title"], "%25 is decoded last");
        Assert.AreEqual("data::with % colons\n", command.Data);
    }

    [TestMethod]
    [DataRow("x ::error::y")]
    [DataRow("::error")]
    [DataRow("::not-a-command::y")]
    [DataRow("│ ::error::y")]
    [DataRow(": :error::y")]
    [DataRow("")]
    public void TryParseCommand_NotACommandLine_False(string line) =>
        Assert.IsFalse(GitHubRunner.TryParseCommand(line, out _));

    [TestMethod]
    public void TryParseLegacyCommand_AnywhereInTheLine_Parsed()
    {
        Assert.IsTrue(GitHubRunner.TryParseLegacyCommand("progress 50% ##[set-env name=NODE_OPTIONS;x=%5D]--require evil", out var command));

        Assert.AreEqual("set-env", command.Command);
        Assert.AreEqual("NODE_OPTIONS", command.Properties["name"]);
        Assert.AreEqual("]", command.Properties["x"]);
        Assert.AreEqual("--require evil", command.Data);
        Assert.IsTrue(GitHubRunner.ContainsLegacyCommand("a ##[b"));
        Assert.IsTrue(GitHubRunner.IsCommand("text ##[group]title"));
        Assert.IsFalse(GitHubRunner.IsCommand("text ##[unknown]title"));
    }
}
