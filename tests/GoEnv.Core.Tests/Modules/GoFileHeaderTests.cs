using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class GoFileHeaderTests
{
    [TestMethod]
    public void Parse_ImportForms_GivesPathsAndLines()
    {
        var header = GoFileHeader.Parse("""
            // Copyright
            //go:build linux && !cgo

            /* a block
               comment */
            package app // trailing

            import "fmt"
            import (
            	alias "example.org/a"
            	. "example.org/b" // why
            	_ `example.org/c`
            	/* skip */ "example.org/d"
            )
            import x "example.org/e"

            func main() { _ = "example.org/not-an-import" }
            """.Replace("\r", "", StringComparison.Ordinal));

        Assert.AreEqual("linux && !cgo", header.GoBuild);
        CollectionAssert.AreEqual(
            new[] { ("fmt", 8), ("example.org/a", 10), ("example.org/b", 11), ("example.org/c", 12), ("example.org/d", 13), ("example.org/e", 15) },
            header.Imports.ToArray());
    }

    [TestMethod]
    public void Parse_PlusBuildLinesAndNoImports_GivesConstraintsOnly()
    {
        var header = GoFileHeader.Parse("// +build linux darwin\n// +build amd64\n\npackage p\n\nvar X = 1\n");
        Assert.IsNull(header.GoBuild);
        CollectionAssert.AreEqual(new[] { "linux darwin", "amd64" }, header.PlusBuild);
        Assert.HasCount(0, header.Imports);
    }

    [TestMethod]
    public void Parse_Garbage_NeverThrows()
    {
        foreach (var text in new[] { "", "package", "package p\nimport (", "package p\nimport \"unterminated", "/* never closed", "package p; import \"a\"; import `b", "\uFEFFpackage p\nimport \"a\"" })
        {
            _ = GoFileHeader.Parse(text);
        }

        CollectionAssert.AreEqual(new[] { ("a", 2) }, GoFileHeader.Parse("\uFEFFpackage p\nimport \"a\"").Imports.ToArray());
    }
}
