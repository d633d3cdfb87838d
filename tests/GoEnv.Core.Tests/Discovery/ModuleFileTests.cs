using GoEnv.Core.Discovery;

namespace GoEnv.Core.Tests.Discovery;

[TestClass]
public sealed class ModuleFileTests
{
    [TestMethod]
    public void Parse_GoModWithBlocks_GivesDirectivesAndLines()
    {
        var text = "// header\nmodule \"example.com/app\" // comment\n\ngo 1.22.3\ntoolchain go1.23.1\n\nrequire (\n\texample.org/dep v1.0.0\n\tgolang.org/x/text v0.14.0 // indirect\n)\nrequire example.org/other v2.0.0+incompatible\n";
        var mod = ModuleFile.Parse("/m/go.mod", text);
        Assert.AreEqual("example.com/app", mod.Module!.Value);
        Assert.AreEqual("1.22.3", mod.Go!.Value);
        Assert.AreEqual(4, mod.Go.Line);
        Assert.AreEqual("go1.23.1", mod.Toolchain!.Value);
        Assert.HasCount(3, mod.Requires);
        Assert.AreEqual(new ModuleRequirement("example.org/dep", "v1.0.0", 8), mod.Requires[0]);
        Assert.AreEqual(11, mod.Requires[2].Line);
    }

    [TestMethod]
    public void Parse_GoWork_GivesUses()
    {
        var work = ModuleFile.Parse("/w/go.work", "go 1.22\n\nuse (\n\t./a\n\t./b\n)\n");
        Assert.IsTrue(work.IsWorkspace);
        Assert.HasCount(2, work.Uses);
    }

    [TestMethod]
    public void Parse_Garbage_NeverThrows()
    {
        var mod = ModuleFile.Parse("/m/go.mod", "require (\n\"unterminated\nmodule\n)\n)))\n\0\u00ff go");
        Assert.IsNull(mod.Go);
    }
}
