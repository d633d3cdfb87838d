using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class VendorListTests
{
    [TestMethod]
    public void Read_ModulesTxt_GivesModulesAnnotationsReplacementsAndPackages()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("vendor/modules.txt", """
            # example.org/dep v1.0.0
            ## explicit; go 1.19
            example.org/dep
            example.org/dep/sub
            # example.org/x v1.2.0 => ../x
            ## explicit
            example.org/x
            # example.org/y => example.org/z v0.3.0
            # example.org/bad notaversion
            example.org/ignored
            """.Replace("\r", "", StringComparison.Ordinal));

        var list = VendorList.Read(path);

        Assert.IsFalse(list.IsWorkspace);
        Assert.HasCount(3, list.Modules);
        var dep = list.Find("example.org/dep", "v1.0.0")!;
        Assert.IsTrue(dep.Explicit);
        Assert.AreEqual("1.19", dep.GoVersion);
        Assert.AreEqual(1, dep.Line);
        CollectionAssert.AreEqual(new[] { "example.org/dep", "example.org/dep/sub" }, dep.Packages.Select(p => p.ImportPath).ToArray());
        Assert.AreEqual(("../x", ""), list.Find("example.org/x", "v1.2.0")!.Replacement);
        Assert.AreEqual(("example.org/z", "v0.3.0"), list.Find("example.org/y", "")!.Replacement);
        Assert.AreSame(dep, list.ProviderOf("example.org/dep/sub"));
        Assert.IsNull(list.ProviderOf("example.org/ignored"), "a package after an unreadable module line belongs to no module");
        Assert.AreEqual("v1.0.0", list.VersionWithPackages("example.org/dep"));
    }

    [TestMethod]
    public void Read_WorkspaceHeaderAndRepeatedModule_UnitesAnnotations()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("vendor/modules.txt", "## workspace\n# example.org/dep v1.0.0\nexample.org/dep\n# example.org/dep v1.0.0\n## explicit\n");

        var list = VendorList.Read(path);

        Assert.IsTrue(list.IsWorkspace);
        Assert.HasCount(1, list.Modules);
        Assert.IsTrue(list.Modules[0].Explicit);
    }

    [TestMethod]
    public void Read_MissingFile_IsEmptyWithoutError()
    {
        using var dir = new TempDirectory();
        var list = VendorList.Read(Path.Combine(dir.Path, "vendor", "modules.txt"));
        Assert.HasCount(0, list.Modules);
        Assert.IsNull(list.ReadError);
    }

    [TestMethod]
    public void Read_Garbage_NeverThrows()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("modules.txt", "# \n## \n#\0 v1\n# a v1.0.0 =>\n# a v1.0.0 => b c d\n## go \n\u00ff\n# x v1.0.0 => y vbad\n");
        var list = VendorList.Read(path);
        Assert.IsNull(list.Find("x", "v1.0.0")!.Replacement);
    }
}
