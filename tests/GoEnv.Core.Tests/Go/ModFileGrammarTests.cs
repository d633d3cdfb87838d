using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Tests.Go;

[TestClass]
public sealed class ModFileGrammarTests
{
    private static string[] Errors(string text, string release, bool work = false) =>
        [.. ModFileGrammar.Errors(ModuleFile.Parse(work ? "/w/go.work" : "/m/go.mod", text), GoVersion.Parse(release)!).Select(e => $"{e.Line}: {e.Text}")];

    [TestMethod]
    [DataRow("godebug x=1\n", "1.22.12", "3: unknown directive: godebug")]
    [DataRow("godebug (\n\tx=1\n)\n", "1.22.12", "3: unknown block type: godebug")]
    [DataRow("tool example.com/x\n", "1.23.5", "3: unknown directive: tool")]
    [DataRow("ignore ./x\n", "1.24.4", "3: unknown directive: ignore")]
    [DataRow("toolchain go1.21.0\n", "1.19.8", "3: unknown directive: toolchain")]
    [DataRow("go 1.21\n", "1.27.3", "3: repeated go statement")]
    [DataRow("foo bar\n", "1.27.3", "3: unknown directive: foo")]
    [DataRow("toolchain (\n)\n", "1.27.3", "3: unknown block type: toolchain")]
    public void Errors_DirectiveTheReleaseDoesNotKnow_IsGosError(string extra, string release, string expected) =>
        CollectionAssert.AreEqual(new[] { expected }, Errors("module m\ngo 1.21\n" + extra, release));

    [TestMethod]
    [DataRow("godebug x=1\n", "1.23.5")]
    [DataRow("tool example.com/x\n", "1.24.4")]
    [DataRow("ignore ./x\n", "1.26.10")]
    [DataRow("retract v1.0.0\n", "1.19.8")]
    public void Errors_DirectiveTheReleaseKnows_None(string extra, string release) =>
        Assert.IsEmpty(Errors("module m\ngo 1.21\n" + extra, release));

    [TestMethod]
    public void Errors_PatchGoLineBefore121_IsGosFormatError() =>
        CollectionAssert.AreEqual(new[] { "2: invalid go version '1.21.0': must match format 1.23" }, Errors("module m\ngo 1.21.0\n", "1.19.8"));

    [TestMethod]
    public void Errors_GoWork_KnowsUseAndGodebugFrom123Only()
    {
        Assert.IsEmpty(Errors("go 1.21\nuse ./a\ngodebug x=1\n", "1.23.5", work: true));
        CollectionAssert.AreEqual(new[] { "3: unknown directive: godebug", "4: unknown directive: module" }, Errors("go 1.21\nuse ./a\ngodebug x=1\nmodule m\n", "1.22.12", work: true));
    }
}
