using CsCheck;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.Azure;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// Our Azure logging commands read back by a port of the agent's own parser (<see cref="AzurePipelinesAgent"/>):
/// whatever a value holds, the command is one line, is the one the agent sees, and carries the value unchanged.
/// </summary>
[TestClass]
public sealed class AzureProperties
{
    [TestMethod]
    public void SetVariable_AnyOneLineValue_TheAgentSetsExactlyThatValue() =>
        PropertyRun.Check(Hostile.Text.Where(v => !v.Contains('\n', StringComparison.Ordinal) && !v.Contains('\r', StringComparison.Ordinal)), value =>
        {
            var line = AzureLoggingCommand.Format(
                "task.setvariable",
                [new("variable", "GOFLAGS"), new("isoutput", "false"), new("issecret", "false"), new("isreadonly", "false")],
                value);

            var command = AzurePipelinesAgent.Commands(line + "\n").Single();
            Assert.AreEqual(("task", "setvariable"), (command.Area, command.Event));
            Assert.AreEqual(value, command.Data);
            Assert.AreEqual("GOFLAGS", command.Properties["variable"]);
            Assert.AreEqual("false", command.Properties["issecret"], "a value cannot make the variable secret (or add any property)");
            Assert.HasCount(4, command.Properties);
        });

    [TestMethod]
    public void LogIssue_AnyMessageAndPath_OneIssueWithThemUnchanged() =>
        PropertyRun.Check(Gen.Select(Hostile.Text, Hostile.Text), c =>
        {
            var (path, message) = c;
            var line = AzureLoggingCommand.Format(
                "task.logissue",
                [new("type", "error"), new("sourcepath", path), new("linenumber", "3"), new("code", "GOENV0101")],
                message);

            Assert.HasCount(1, AzurePipelinesAgent.ReadLines(line), "one line");
            var command = AzurePipelinesAgent.Commands(line + "\n").Single();
            Assert.AreEqual(("task", "logissue"), (command.Area, command.Event));
            Assert.AreEqual(message, command.Data);
            Assert.AreEqual("error", command.Properties["type"]);
            Assert.AreEqual("GOENV0101", command.Properties["code"]);
            Assert.AreEqual("3", command.Properties["linenumber"]);
            if (path.Length > 0 && path[0] != '=')
            {
                // The agent drops an empty value and the '=' that starts one; no path of ours is either.
                Assert.AreEqual(path, command.Properties["sourcepath"]);
            }
        });

    [TestMethod]
    public void SetSecret_AnySecret_MasksExactlyThatText() =>
        PropertyRun.Check(Hostile.Text.Where(s => !string.IsNullOrWhiteSpace(s)), secret =>
        {
            var command = AzurePipelinesAgent.Commands(AzureLoggingCommand.Format("task.setsecret", [], secret) + "\n").Single();

            Assert.AreEqual("setsecret", command.Event);
            Assert.AreEqual(secret, command.Data);
        });
}
