using GoEnv.Core.Ci.Azure;

namespace GoEnv.Core.Tests.Ci.Azure;

[TestClass]
public sealed class AzureLoggingCommandTests
{
    [TestMethod]
    public void Format_ValuesWithSeparators_AreEscapedAsTaskLibDoes()
    {
        var line = AzureLoggingCommand.Format(
            "task.logissue",
            [new("type", "error"), new("sourcepath", "/w/a;b]c%d.mod"), new("linenumber", null), new("code", "GOENV0101")],
            "50% done\r\nnext ##vso[task.complete result=Failed]x");

        Assert.AreEqual(
            "##vso[task.logissue type=error;sourcepath=/w/a%3Bb%5Dc%AZP25d.mod;code=GOENV0101]50%AZP25 done%0D%0Anext ##vso[task.complete result=Failed]x",
            line);
        Assert.DoesNotContain("\n", line);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("task setvariable")]
    [DataRow("task.setvariable]x")]
    public void Format_CommandNotAPlainName_Throws(string command) =>
        Assert.ThrowsExactly<ArgumentException>(() => AzureLoggingCommand.Format(command, [], "x"));

    [TestMethod]
    public void Format_KeyNotAPlainName_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => AzureLoggingCommand.Format("task.setvariable", [new("variable;issecret", "x")], "x"));
}
