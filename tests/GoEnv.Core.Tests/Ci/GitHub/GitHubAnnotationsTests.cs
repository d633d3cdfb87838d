using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Findings;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitHub;

[TestClass]
public sealed class GitHubAnnotationsTests
{
    private const string Workspace = "/home/runner/work/repo/repo";

    [TestMethod]
    public void Render_MoreThanTenOfATypeInSortedOrder_AnnotatesTheFirstTenOfEachAndCountsTheRest()
    {
        var findings = Many(Severity.Error, 12).Concat(Many(Severity.Warning, 11)).Concat(Many(Severity.Notice, 3)).ToList();

        var batch = GitHubAnnotations.Render(findings, Workspace);

        Assert.AreEqual(3, batch.NotAnnotated);
        Assert.HasCount(23, batch.Lines);
        CollectionAssert.AreEqual(
            findings.Where(f => f.Severity == Severity.Error).Take(10)
                    .Concat(findings.Where(f => f.Severity == Severity.Warning).Take(10))
                    .Concat(findings.Where(f => f.Severity == Severity.Notice)).ToList(),
            batch.Annotated.ToList());
        for (var i = 0; i < batch.Lines.Count; i++)
        {
            var command = Parse(batch.Lines[i]);
            Assert.AreEqual(batch.Annotated[i].SeverityName, command.Command);
            Assert.AreEqual(batch.Annotated[i].RuleId + " GOFLAGS", command.Properties["title"]);
        }
    }

    [TestMethod]
    public void Render_NoFindings_NothingToPrint()
    {
        var batch = GitHubAnnotations.Render([], Workspace);

        Assert.IsEmpty(batch.Lines);
        Assert.AreEqual(0, batch.NotAnnotated);
    }

    [TestMethod]
    [DataRow(Workspace)]
    [DataRow(Workspace + "/")]
    [DataRow(Workspace + "/sub/..")]
    public void Render_FileUnderTheWorkspace_IsSentRelativeWithLineAndColumn(string workspace)
    {
        var finding = new Finding("GOENV0007", Severity.Error, "GOFLAGS", "GOFLAGS has -toolexec.", "Remove it.", Workspace + "/tools/go.mod", 3, 5);

        var command = Parse(GitHubAnnotations.Render([finding], workspace).Lines.Single());

        Assert.AreEqual("error", command.Command);
        Assert.AreEqual("tools/go.mod", command.Properties["file"]);
        Assert.AreEqual("3", command.Properties["line"]);
        Assert.AreEqual("5", command.Properties["col"]);
        Assert.AreEqual("GOENV0007 GOFLAGS", command.Properties["title"]);
        Assert.AreEqual("GOFLAGS has -toolexec. — fix: Remove it.", command.Data);
        Assert.HasCount(4, command.Properties);
    }

    [TestMethod]
    public void Render_ColumnWithoutLine_SendsNeitherLineNorColumn()
    {
        var finding = new Finding("GOENV0001", Severity.Warning, null, "m", "f", Workspace + "/go.mod", 0, 7);

        var command = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single());

        Assert.AreEqual("go.mod", command.Properties["file"]);
        Assert.IsFalse(command.Properties.ContainsKey("line"));
        Assert.IsFalse(command.Properties.ContainsKey("col"));
        Assert.AreEqual("GOENV0001", command.Properties["title"]);
    }

    [TestMethod]
    public void Render_LineWithoutColumn_SendsTheLineOnly()
    {
        var finding = new Finding("GOENV0001", Severity.Notice, "GOPATH", "m", "f", Workspace + "/go.mod", 9);

        var command = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single());

        Assert.AreEqual("notice", command.Command);
        Assert.AreEqual("9", command.Properties["line"]);
        Assert.IsFalse(command.Properties.ContainsKey("col"));
    }

    [TestMethod]
    [DataRow("/home/runner/.config/go/env", Workspace)]
    [DataRow(Workspace + "-other/go.mod", Workspace)]
    [DataRow(Workspace + "/../escape/go.mod", Workspace)]
    [DataRow("../escape/go.mod", Workspace)]
    [DataRow(Workspace, Workspace)]
    [DataRow(Workspace + "/go.mod", null)]
    [DataRow(Workspace + "/go.mod", "")]
    [DataRow(Workspace + "/=odd name", Workspace)]
    public void Render_FileOutsideTheWorkspaceOrNoWorkspace_NamesTheFileInTheMessageNotAsProperty(string file, string? workspace)
    {
        var finding = new Finding("GOENV0012", Severity.Warning, "GOFLAGS", "GOFLAGS is set in the go/env file.", "Unset it.", file, 2, 4);

        var command = Parse(GitHubAnnotations.Render([finding], workspace).Lines.Single());

        Assert.IsFalse(command.Properties.ContainsKey("file"), "an absolute or outside path is never sent as file");
        Assert.IsFalse(command.Properties.ContainsKey("line"));
        Assert.IsFalse(command.Properties.ContainsKey("col"));
        Assert.AreEqual($"{file}:2:4: GOFLAGS is set in the go/env file. — fix: Unset it.", command.Data);
    }

    [TestMethod]
    public void Render_NoFile_MessageAndTitleOnly()
    {
        var finding = new Finding("GOENV0003", Severity.Error, null, "No go on PATH.", "");

        var command = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single());

        Assert.AreEqual("No go on PATH.", command.Data, "no ' — fix: ' without a fix");
        CollectionAssert.AreEquivalent(new[] { "title" }, command.Properties.Keys.ToList());
    }

    [TestMethod]
    public void Render_HugeMessage_AtMost4096CharsOnceUnescaped()
    {
        // '%' and line breaks triple in length when escaped: the cut must count unescaped chars.
        var message = string.Concat(Enumerable.Repeat("%\n", 5000));
        var finding = new Finding("GOENV0007", Severity.Error, "GOFLAGS", message, "fix it");

        var line = GitHubAnnotations.Render([finding], Workspace).Lines.Single();

        var command = Parse(line);
        Assert.AreEqual(GitHubAnnotations.MaxMessageLength, command.Data.Length);
        Assert.EndsWith("…", command.Data);
        Assert.StartsWith("%\n%\n", command.Data);
        Assert.HasCount(1, GitHubRunner.ReadLines(line));
    }

    [TestMethod]
    public void Render_HugeMessageOfLegacyMarkers_AtMost4096CharsOnceBroken()
    {
        // Found by GitHubProperties: each broken "##[" grows by one char, so breaking after the cut overshot the limit.
        var message = string.Concat(Enumerable.Repeat("##[", 2000));
        var finding = new Finding("GOENV0007", Severity.Error, "GOFLAGS", message, "fix it");

        var command = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single());

        Assert.AreEqual(GitHubAnnotations.MaxMessageLength, command.Data.Length);
        Assert.EndsWith("…", command.Data);
        Assert.DoesNotContain("##[", command.Data);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(1)]
    public void Render_CutAtASurrogatePair_NeverSplitsIt(int offset)
    {
        var message = new string('x', offset) + string.Concat(Enumerable.Repeat("😀", 3000));
        var finding = new Finding("GOENV0007", Severity.Error, null, message, "f");

        var data = Parse(GitHubAnnotations.Render([finding], null).Lines.Single()).Data;

        Assert.IsLessThanOrEqualTo(GitHubAnnotations.MaxMessageLength, data.Length);
        for (var i = 0; i < data.Length; i++)
        {
            if (char.IsHighSurrogate(data[i]))
            {
                Assert.IsTrue(i + 1 < data.Length && char.IsLowSurrogate(data[i + 1]), $"lone high surrogate at {i}");
                i++;
            }
            else
            {
                Assert.IsFalse(char.IsSurrogate(data[i]), $"lone low surrogate at {i}");
            }
        }
    }

    [TestMethod]
    public void Render_MessageWithForgedCommands_StaysOneAnnotationLine()
    {
        const string message = "bad value\n::set-env name=NODE_OPTIONS::--require /tmp/evil.js\r##[add-path]/tmp/evil\r\n::endgroup::";
        var finding = new Finding("GOENV0007", Severity.Error, "GOFLAGS", message, "fix\n::error::forged");

        var line = GitHubAnnotations.Render([finding], Workspace).Lines.Single();

        var lines = GitHubRunner.ReadLines(line);
        Assert.HasCount(1, lines);
        var command = Parse(lines[0]);
        Assert.AreEqual("error", command.Command);
        Assert.AreEqual(
            "bad value\n::set-env name=NODE_OPTIONS::--require /tmp/evil.js\n# #[add-path]/tmp/evil\n::endgroup:: — fix: fix\n::error::forged",
            command.Data,
            "line breaks kept (as LF) inside the one annotation, `##[` broken");
        Assert.IsFalse(GitHubRunner.ContainsLegacyCommand(line));
    }

    [TestMethod]
    public void Render_ControlCharactersInTheMessage_ShownVisibly()
    {
        var finding = new Finding("GOENV0007", Severity.Warning, "GOFLAGS", "a\u001b[31mred\u0007\tb", "f");

        var data = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single()).Data;

        Assert.AreEqual("a\\e[31mred\\u0007\tb — fix: f", data);
    }

    [TestMethod]
    public void Render_TitleAndFileWithCommasAndColons_RoundTrip()
    {
        var finding = new Finding("GOENV0009", Severity.Error, "GOPRIVATE", "m", "f", Workspace + "/a,b:c %0A/go.mod", 1);

        var command = Parse(GitHubAnnotations.Render([finding], Workspace).Lines.Single());

        Assert.AreEqual("a,b:c %0A/go.mod", command.Properties["file"]);
        Assert.AreEqual("GOENV0009 GOPRIVATE", command.Properties["title"]);
    }

    private static GitHubCommandLine Parse(string line)
    {
        Assert.IsTrue(GitHubRunner.TryParseCommand(line, out var command), line);
        return command;
    }

    private static IEnumerable<Finding> Many(Severity severity, int count) =>
        Enumerable.Range(0, count).Select(i => new Finding($"GOENV{i:D4}", severity, "GOFLAGS", $"{severity} {i}", "fix", Workspace + "/go.mod", i + 1));
}
