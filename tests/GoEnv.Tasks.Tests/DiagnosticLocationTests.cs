namespace GoEnv.Tasks.Tests;

[TestClass]
public sealed class DiagnosticLocationTests
{
    [TestMethod]
    [DataRow("<Project>\n  <ItemGroup>\n    <PackageReference Include=\"GoEnv.Tasks\" Version=\"1.0.0\" />\n", 3, 5)]
    [DataRow("<Project><ItemGroup><PackageReference Version=\"1\"\n   Include='goenv.tasks'/>", 1, 21)]
    [DataRow("<Project>\n<ItemGroup>\n\t<GlobalPackageReference Include=\"GoEnv.Tasks\" />", 3, 2)]
    [DataRow("<Project>\r\n  <ItemGroup>\r\n    <PackageReference Update=\"GoEnv.Tasks\" />\r\n", 3, 5)]
    public void Find_ReferenceInTheDefiningFile_ItsLineAndColumn(string text, int line, int column)
    {
        var directory = Directory.CreateTempSubdirectory("goenv-location-").FullName;
        try
        {
            var props = Path.Combine(directory, "Directory.Build.props");
            File.WriteAllText(props, text);

            var location = DiagnosticLocation.Find(props, Path.Combine(directory, "app.csproj"));

            Assert.AreEqual((props, line, column), (location.File, location.Line, location.Column));
            Assert.AreEqual("text", location.Text("text", props), "MSBuild appends [project] itself when the file is not the project");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public void Find_NoReferenceAnywhere_TheProjectsFirstLineWithTheProjectInTheText()
    {
        var directory = Directory.CreateTempSubdirectory("goenv-location-").FullName;
        try
        {
            var project = Path.Combine(directory, "app.csproj");
            File.WriteAllText(project, "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PackageReference Include=\"GoEnv.Tasks.Other\" />\n</Project>\n");

            var location = DiagnosticLocation.Find(definingFile: null, project);

            Assert.AreEqual((project, 1, 1), (location.File, location.Line, location.Column));
            Assert.AreEqual($"text [{project}]", location.Text("text", project));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
