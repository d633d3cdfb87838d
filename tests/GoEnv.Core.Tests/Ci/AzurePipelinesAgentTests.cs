using CsCheck;
using GoEnv.Core.Tests.Properties;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci;

/// <summary>
/// The agent port behaves as the agent does: the cases of azure-pipelines-agent's own parser test
/// (`src/Test/L0/Worker/LoggingCommandL0.cs` `CommandParserTest`, at 42bde98b), then what `Command.TryParse` and
/// `CommandStringConvertor` at that commit do with the inputs that test leaves out.
/// </summary>
[TestClass]
public sealed class AzurePipelinesAgentTests
{
    // LoggingCommandL0.CommandParserTest, case by case. The agent's comparison ignores the case of area, event and
    // data and treats an empty data as equal to anything; these assertions are exact.

    [TestMethod]
    [DataRow("##vso[area.event k1=v1;]msg")]
    [DataRow(">>>   ##vso[area.event k1=v1;]msg")]
    public void TryParseCommand_AgentTestSimpleCommand_Parsed(string line)
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand(line, out var command));

        Assert.AreEqual("area", command.Area);
        Assert.AreEqual("event", command.Event);
        CollectionAssert.AreEqual(new[] { "k1=v1" }, Pairs(command));
        Assert.AreEqual("msg", command.Data);
    }

    [TestMethod]
    public void TryParseCommand_AgentTestNoPropertiesNoData_EmptyNotNull()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[area.event]", out var command));

        Assert.AreEqual("area", command.Area);
        Assert.AreEqual("event", command.Event);
        Assert.IsEmpty(command.Properties);
        Assert.AreEqual("", command.Data);
    }

    [TestMethod]
    [DataRow(false, ";=\r=\n=]%AZP25", ";-\r-\n-]%AZP253B")]
    [DataRow(true, ";=\r=\n=]%", ";-\r-\n-]%3B")]
    public void TryParseCommand_AgentTestEscapes_DecodedWithAZP25Last(bool decodePercents, string k1, string data)
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[area.event k1=%3B=%0D=%0A=%5D%AZP25;]%3B-%0D-%0A-%5D%AZP253B", decodePercents, out var command));

        CollectionAssert.AreEqual(new[] { "k1=" + k1 }, Pairs(command));
        Assert.AreEqual(data, command.Data);
    }

    [TestMethod]
    public void TryParseCommand_AgentTestEmptyValues_PropertiesDropped()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[area.event k1=;k2=;]", out var command));

        Assert.IsEmpty(command.Properties);
    }

    // Beyond the agent's test: what Command.TryParse and CommandStringConvertor do, read from the same commit.

    [TestMethod]
    public void TryParseCommand_AnywhereInTheLine_OnlyTheFirstPrefixCounts()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("go: downloading 50% ##vso[task.debug]a ##vso[task.setvariable variable=X]y", out var command));

        Assert.AreEqual("task", command.Area);
        Assert.AreEqual("debug", command.Event);
        Assert.AreEqual("a ##vso[task.setvariable variable=X]y", command.Data, "a second command is data");
    }

    [TestMethod]
    public void TryParseCommand_NameAndKeyCase_KeptAsWrittenAndLookedUpIgnoringCase()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[TASK.SetVariable Variable=A;ISSECRET=false;variable=B;issecret=true]v", out var command));

        Assert.AreEqual("TASK", command.Area);
        Assert.AreEqual("SetVariable", command.Event);
        Assert.IsTrue(AzurePipelinesAgent.TaskEvents.Contains(command.Event));
        CollectionAssert.AreEqual(new[] { "Variable=B", "ISSECRET=true" }, Pairs(command), "first spelling and position, last value");
        Assert.AreEqual("true", command.Properties["issecret"]);
    }

    [TestMethod]
    public void TryParseCommand_SeparatorsInValues_SplitUnlessEscaped()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[task.setvariable variable=X;a=1;2;b=x=y;c==z;d==;=e; isoutput=true;f=%3B%5D]data]with;separators", out var command));

        CollectionAssert.AreEqual(
            new[] { "variable=X", "a=1", "b=x=y", "c=z", " isoutput=true", "f=;]" },
            Pairs(command),
            "';' ends a value; the first '=' splits; a leading '=' of a value is lost; empty parts and keys go; keys are not trimmed");
        Assert.IsFalse(command.Properties.ContainsKey("isoutput"));
        Assert.AreEqual("data]with;separators", command.Data, "after the first ']' nothing needs escaping");
    }

    [TestMethod]
    public void TryParseCommand_UnescapedBracketInAValue_EndsTheProperties()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[task.logissue type=error;sourcepath=/w/a]b/go.mod;linenumber=3]msg", out var command));

        CollectionAssert.AreEqual(new[] { "type=error", "sourcepath=/w/a" }, Pairs(command));
        Assert.AreEqual("b/go.mod;linenumber=3]msg", command.Data);
    }

    [TestMethod]
    [DataRow("##vso[task..debug]x", "task", "debug")]
    [DataRow("##vso[.task.debug.]x", "task", "debug")]
    [DataRow("##vso[task.setvariable\tvariable=X]x", "task", "setvariable\tvariable=X")]
    [DataRow("##vso[task.debug ]x", "task", "debug")]
    public void TryParseCommand_OddNames_SplitAsTheAgentDoes(string line, string area, string eventName)
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand(line, out var command));

        Assert.AreEqual(area, command.Area);
        Assert.AreEqual(eventName, command.Event);
        Assert.IsEmpty(command.Properties);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("plain text")]
    [DataRow("##vso[task.debug")]
    [DataRow("##vso[task]x")]
    [DataRow("##vso[task.set.variable]x")]
    [DataRow("##vso[.]x")]
    [DataRow("##vso[]x")]
    [DataRow("##vso[ task.debug]x")]
    [DataRow("##vso [task.debug]x")]
    [DataRow("##VSO[task.debug]x")]
    [DataRow("##[task.debug]x")]
    [DataRow("]##vso[task.debug")]
    // The agent's ICU IndexOf matches this one at 0 (area "[task": nothing runs, the line is swallowed); see the port's remarks.
    [DataRow("#\u2060#vso[task.debug]x")]
    public void TryParseCommand_Malformed_False(string line) =>
        Assert.IsFalse(AzurePipelinesAgent.TryParseCommand(line, out _));

    [TestMethod]
    public void TryParseCommand_PercentEscapes_OnlyTheTableAndAZP25()
    {
        Assert.IsTrue(AzurePipelinesAgent.TryParseCommand("##vso[task.setvariable variable=X]%25 %3b %3A %2C %AZP25 %AZP2525 %AZP25AZP25 %0D%0A", out var command));

        Assert.AreEqual("%25 %3b %3A %2C % %25 %AZP25 \r\n", command.Data);
    }

    [TestMethod]
    public void EscapeData_EveryMappedCharacter_PercentFirst()
    {
        Assert.AreEqual("a%3Bb%5Dc%0D%0Ad%AZP25e%AZP253B", AzurePipelinesAgent.EscapeData("a;b]c\r\nd%e%3B"));
        Assert.AreEqual(AzurePipelinesAgent.EscapeData("=x;%]"), AzurePipelinesAgent.EscapeProperty("=x;%]"));
        Assert.AreEqual("", AzurePipelinesAgent.EscapeData(null));
        Assert.AreEqual("", AzurePipelinesAgent.EscapeProperty(""));
    }

    [TestMethod]
    public void Escape_AnyText_RoundTripsThroughTheParser()
    {
        var azureText = Gen.OneOf("%", "%AZP25", "AZP25", "%3B", "%0D", "%0A", "%5D", "%25", ";", "]", "[", "=", "\r", "\n", "##vso[", "x")
            .Array[0, 12].Select(string.Concat);
        PropertyRun.Check(Gen.Select(Gen.Frequency((1, Hostile.Text), (1, azureText)), Gen.Frequency((1, Hostile.Text), (1, azureText))), c =>
        {
            var (value, data) = c;
            var line = "##vso[task.setvariable variable=X;value=" + AzurePipelinesAgent.EscapeProperty(value) + "]" + AzurePipelinesAgent.EscapeData(data);

            Assert.HasCount(1, AzurePipelinesAgent.ReadLines(line), "escaped text holds no line break");
            Assert.IsTrue(AzurePipelinesAgent.TryParseCommand(line, out var command));
            Assert.AreEqual(data, command.Data);
            if (value.Length > 0 && value[0] != '=')
            {
                Assert.AreEqual(value, command.Properties["value"]);
            }
        });
    }

    [TestMethod]
    public void Commands_WholeOutput_SplitAtLfCrLfAndBareCr()
    {
        const string output = "building\r##vso[task.debug]a\r\n##vso[task.setsecret]s3cr3t\nprefix ##vso[task.prependpath]/opt/go/bin\r##vso[task.setvariable variable=X]y\n##vso[broken\n";

        var commands = AzurePipelinesAgent.Commands(output).ToArray();

        CollectionAssert.AreEqual(new[] { "debug", "setsecret", "prependpath", "setvariable" }, commands.Select(c => c.Event).ToArray());
        CollectionAssert.AreEqual(new[] { "a", "s3cr3t", "/opt/go/bin", "y" }, commands.Select(c => c.Data).ToArray(), "a bare CR ends the line");
    }

    [TestMethod]
    public void Commands_DecodePercentsOff_AZP25Kept()
    {
        var command = AzurePipelinesAgent.Commands("##vso[task.setvariable variable=X]50%AZP25\n", decodePercents: false).Single();

        Assert.AreEqual("50%AZP25", command.Data);
    }

    private static string[] Pairs(AzureCommand command) => command.Properties.Select(p => p.Key + "=" + p.Value).ToArray();
}
