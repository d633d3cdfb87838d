using GoEnv.Core.Ci;

namespace GoEnv.Core.Tests.Ci;

[TestClass]
public sealed class LogTextTests
{
    [TestMethod]
    [DataRow("::error::forged")]
    [DataRow("   \t::set-output name=x::y")]
    [DataRow("::add-mask::everything")]
    [DataRow("::stop-commands::token")]
    public void Line_CommandAtTrimmedStart_GetsAVisibleMarker(string text)
    {
        var line = LogText.Line(text);

        Assert.StartsWith(LogText.CommandMarker, line);
        Assert.IsFalse(line.TrimStart().StartsWith("::", StringComparison.Ordinal));
    }

    [TestMethod]
    [DataRow("value ##[error]forged", "##[")]
    [DataRow("##[group]x", "##[")]
    [DataRow("x ##vso[task.setvariable variable=A]1", "##vso[")]
    [DataRow("x ##VSO[task.setvariable variable=A]1", "##VSO[")]
    public void Line_LegacyCommandAnywhere_IsBroken(string text, string marker)
    {
        var line = LogText.Line(text);

        Assert.DoesNotContain(marker, line);
        Assert.DoesNotContain("##", line);
    }

    [TestMethod]
    public void Line_LineBreaksAndControls_AreShownEscaped()
    {
        var line = LogText.Line("a\rb\nc\r\n::error::x\u001b[31md\u0007e\tf\u0085g");

        Assert.AreEqual("a\\rb\\nc\\r\\n::error::x\\e[31md\\u0007e\tf\\u0085g", line);
        Assert.IsFalse(line.Any(c => char.IsControl(c) && c != '\t'));
    }

    [TestMethod]
    public void Lines_SplitLikeTheRunnerAndGuardEachLine()
    {
        var lines = LogText.Lines("first\r::warning::a\r\n  ::error::b\nlast");

        CollectionAssert.AreEqual(new[] { "first", "│ ::warning::a", "│   ::error::b", "last" }, lines.ToArray());
    }

    [TestMethod]
    public void Line_OrdinaryText_IsUnchanged()
    {
        const string text = "GOFLAGS (process environment): -mod=readonly, é ✓ https://proxy.example.com";

        Assert.AreEqual(text, LogText.Line(text));
    }
}
