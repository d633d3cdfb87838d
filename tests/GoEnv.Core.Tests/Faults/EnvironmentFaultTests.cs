using GoEnv.Core.Findings;

namespace GoEnv.Core.Tests.Faults;

/// <summary>
/// What a check says when GOROOT or GOENV lead nowhere Go can read, and where secrets are learned from. The
/// published binary meets the same faults with real Go in GoEnv.Actions.Tests/Faults.
/// </summary>
[TestClass]
public sealed class EnvironmentFaultTests
{
    [TestMethod]
    public void Check_GoRootIsASymlinkLoop_SaysSoInsteadOfCallingItAFile()
    {
        using var bed = new RuleTestBed();
        var x = Path.Combine(bed.Root, "x");
        var y = Path.Combine(bed.Root, "y");
        File.CreateSymbolicLink(x, y);
        File.CreateSymbolicLink(y, x);
        bed.Set("GOROOT", x);

        var finding = bed.Findings("GOENV0010").Single();

        StringAssert.Contains(finding.Message, "is a symbolic link loop");
    }

    [TestMethod]
    public void Check_GoRootIsADanglingSymlink_NamesWhereItLeads()
    {
        using var bed = new RuleTestBed();
        var link = Path.Combine(bed.Root, "goroot-link");
        var missing = Path.Combine(bed.Root, "gone");
        File.CreateSymbolicLink(link, missing);
        bed.Set("GOROOT", link);

        var finding = bed.Findings("GOENV0010").Single();

        StringAssert.Contains(finding.Message, $"is a symbolic link to {missing}, which does not exist");
    }

    [TestMethod]
    public void Check_GoEnvIsADirectory_IsAWarningThatGoIgnoresIt()
    {
        using var bed = new RuleTestBed();
        var directory = Path.Combine(bed.Root, "envdir");
        Directory.CreateDirectory(directory);
        bed.Env["GOENV"] = directory;

        var finding = bed.Findings("GOENV0130").Single();

        Assert.AreEqual(Severity.Warning, finding.Severity);
        StringAssert.Contains(finding.Message, $"The go env file {directory} cannot be read (it is a directory)");
    }

    [TestMethod]
    public void Check_TokenInGoRootGoEnv_IsLearnedAndRedacted()
    {
        using var bed = new RuleTestBed();
        const string token = "ghp_0123456789abcdefghijABCDEFGHIJ012345";
        File.AppendAllText(Path.Combine(bed.GoRoot, "go.env"), $"GONOSUMDB=corp.example.com/{token}\n");

        var result = bed.Check();

        CollectionAssert.Contains(result.Snapshot.Redactor.Secrets.ToList(), token);
    }

    [TestMethod]
    public void Check_TokenOnlyInWhatGoReports_IsLearned()
    {
        using var bed = new RuleTestBed();
        const string token = "glpat-AbCdEfGhIjKlMnOpQrSt";
        bed.GoEnv["GOPRIVATE"] = "git.example.com/" + token;

        var result = bed.Check();

        CollectionAssert.Contains(result.Snapshot.Redactor.Secrets.ToList(), token);
    }
}
