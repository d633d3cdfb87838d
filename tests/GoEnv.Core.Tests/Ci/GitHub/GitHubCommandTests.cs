using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitHub;

[TestClass]
public sealed class GitHubCommandTests
{
    /// <summary>Strings that break naive escaping, for round trips through the runner's parser.</summary>
    public static IEnumerable<object[]> Adversarial =>
    [
        ["50% done"],
        ["a\r\nb"],
        ["\rleading CR"],
        ["trailing LF\n"],
        ["C:\\src\\go.mod"],
        ["x,y=z"],
        ["literal %0A and %0D and %25 and %3A and %2C"],
        ["%250A"],
        ["::error::forged"],
        ["a::b::c"],
        ["##[add-path]/tmp/evil"],
        ["x\n::set-env name=NODE_OPTIONS::--require /tmp/evil.js"],
        ["=starts with equals"],
        ["héllo 日本語 😀"],
        ["100%"],
        ["%"],
    ];

    [TestMethod]
    [DataRow("50% done", "50%25 done")]
    [DataRow("a\r\nb", "a%0D%0Ab")]
    [DataRow("C:\\src\\go.mod", "C:\\src\\go.mod")]
    [DataRow("x,y", "x,y")]
    [DataRow("%0A", "%250A")]
    public void EscapeData_ReferenceVectors_MatchTheToolkit(string input, string expected) =>
        Assert.AreEqual(expected, GitHubCommand.EscapeData(input));

    [TestMethod]
    [DataRow("50% done", "50%25 done")]
    [DataRow("a\r\nb", "a%0D%0Ab")]
    [DataRow("C:\\src\\go.mod", "C%3A\\src\\go.mod")]
    [DataRow("x,y", "x%2Cy")]
    [DataRow("%0A", "%250A")]
    public void EscapeProperty_ReferenceVectors_MatchTheToolkit(string input, string expected) =>
        Assert.AreEqual(expected, GitHubCommand.EscapeProperty(input));

    [TestMethod]
    public void Format_NullAndEmptyProperties_AreLeftOut()
    {
        Assert.AreEqual(
            "::warning file=go.mod,title=T::m",
            GitHubCommand.Format("warning", [new("file", "go.mod"), new("line", null), new("col", ""), new("title", "T")], "m"));
        Assert.AreEqual("::error::m", GitHubCommand.Format("error", [new("file", null), new("title", "")], "m"));
        Assert.AreEqual("::notice::", GitHubCommand.Format("notice", [], ""));
    }

    [TestMethod]
    [DynamicData(nameof(Adversarial))]
    public void Format_AdversarialPropertyAndMessage_RunnerReadsOneLineWithTheSameValues(string text)
    {
        // Property values never start with '=' here (see Format_PropertyValueStartingWithEquals_RunnerDropsIt).
        var line = GitHubCommand.Format("error", [new("file", "p" + text), new("title", "T " + text.TrimEnd())], text);

        var lines = GitHubRunner.ReadLines(line);
        Assert.HasCount(1, lines, "one command line, however many line breaks the text had");
        Assert.IsFalse(GitHubRunner.ContainsLegacyCommand(line), "no `##[` for the legacy parser, should the `::` parser ever reject the line");
        Assert.IsTrue(GitHubRunner.TryParseCommand(lines[0], out var command));
        Assert.AreEqual("error", command.Command);
        // Exact, except that `##[` comes back broken by a WORD JOINER (LogText.BreakLegacyCommands).
        Assert.AreEqual(LogText.BreakLegacyCommands("p" + text), command.Properties["file"]);
        Assert.AreEqual(LogText.BreakLegacyCommands("T " + text.TrimEnd()), command.Properties["title"]);
        Assert.AreEqual(LogText.BreakLegacyCommands(text), command.Data);
        Assert.HasCount(2, command.Properties);
    }

    [TestMethod]
    public void Format_PropertyValueStartingWithEquals_RunnerDropsIt()
    {
        // The runner splits each property with Split('=', 2, RemoveEmptyEntries), and nothing escapes '=': a value's
        // leading '=' is lost, and so is trailing white space on the last property (the list is Trim()med).
        Assert.IsTrue(GitHubRunner.TryParseCommand(GitHubCommand.Format("error", [new("file", "=x"), new("title", "t ")], "m"), out var command));

        Assert.AreEqual("x", command.Properties["file"]);
        Assert.AreEqual("t", command.Properties["title"]);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("has space")]
    [DataRow("a::b")]
    [DataRow("a=b")]
    [DataRow("a,b")]
    [DataRow("a\nb")]
    public void Format_CommandOrKeyThatIsNotAPlainName_Throws(string name)
    {
        Assert.ThrowsExactly<ArgumentException>(() => GitHubCommand.Format(name, [], "m"));
        Assert.ThrowsExactly<ArgumentException>(() => GitHubCommand.Format("error", [new(name, "v")], "m"));
    }

    [TestMethod]
    public void AddMask_MultiLineSecret_RunnerReceivesTheWholeValueOnOneLine()
    {
        const string secret = "first%0Aline\nsecond\r\nthird";

        var line = GitHubCommand.AddMask(secret);

        Assert.StartsWith("::add-mask::", line);
        var lines = GitHubRunner.ReadLines(line);
        Assert.HasCount(1, lines);
        Assert.IsTrue(GitHubRunner.TryParseCommand(lines[0], out var command));
        Assert.AreEqual("add-mask", command.Command);
        Assert.AreEqual(secret, command.Data);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("  ")]
    [DataRow("\n")]
    public void AddMask_EmptyOrWhiteSpace_Throws(string secret) =>
        Assert.ThrowsExactly<ArgumentException>(() => GitHubCommand.AddMask(secret));

    [TestMethod]
    public void Group_TitleWithLineBreakAndForgedCommand_StaysOneGroupLine()
    {
        const string title = "go env\n::add-path::/tmp/evil\r::endgroup::";

        var lines = GitHubRunner.ReadLines(GitHubCommand.Group(title) + "\n" + GitHubCommand.EndGroup + "\n");

        Assert.HasCount(2, lines);
        Assert.IsTrue(GitHubRunner.TryParseCommand(lines[0], out var group));
        Assert.AreEqual("group", group.Command);
        Assert.AreEqual(title, group.Data);
        Assert.IsTrue(GitHubRunner.TryParseCommand(lines[1], out var end));
        Assert.AreEqual("endgroup", end.Command);
        Assert.AreEqual("", end.Data);
    }
}
