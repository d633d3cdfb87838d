using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

[TestClass]
public sealed class EnvFileReaderTests
{
    [TestMethod]
    public void Parse_Sh_GivesTheLineWhereEachAssignmentStarts()
    {
        var content = EnvFileReader.Parse("# goenv pin: go1.21.13 sha256:ab\nexport A='x\ny'\n\nexport B='it'\\''s'\n", EnvFileFormat.Sh);

        Assert.AreEqual("x\ny", content.Variables["A"].Value);
        Assert.AreEqual(2, content.Variables["A"].Line);
        Assert.AreEqual("it's", content.Variables["B"].Value);
        Assert.AreEqual(5, content.Variables["B"].Line);
        Assert.AreEqual("go1.21.13", content.GoVersion);
        Assert.AreEqual("ab", content.Sha256);
    }

    [TestMethod]
    [DataRow("export A=x\n")]
    [DataRow("export A='x\n")]
    [DataRow("export A='x' # c\n")]
    [DataRow("A='x'\n")]
    [DataRow("export A='x'\r\n")]
    public void Parse_ShNotWrittenByPin_ThrowsWithLine(string text)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => EnvFileReader.Parse(text, EnvFileFormat.Sh));
        StringAssert.StartsWith(e.Message, "line 1:");
    }

    [TestMethod]
    public void Parse_Pwsh_SmartQuotesDoubled_AreOneCharacter()
    {
        var content = EnvFileReader.Parse("$env:A = 'a\u2019\u2019b''c'\n", EnvFileFormat.Pwsh);

        Assert.AreEqual("a\u2019b'c", content.Variables["A"].Value);
    }

    [TestMethod]
    public void Parse_DotenvLikeGitLab_StripsAndLastWins()
    {
        var content = EnvFileReader.Parse("GOENV_PIN_SHA256=h\n A = x y \r\nA=z\nB=\"q\"\n", EnvFileFormat.Dotenv);

        Assert.AreEqual("z", content.Variables["A"].Value);
        Assert.AreEqual(3, content.Variables["A"].Line);
        Assert.AreEqual("\"q\"", content.Variables["B"].Value);
        Assert.AreEqual("h", content.Sha256);
        Assert.IsFalse(content.Variables.ContainsKey("GOENV_PIN_SHA256"));
    }

    [TestMethod]
    [DataRow("A=1\n\nB=2\n", 2)]
    [DataRow("# comment\nA=1\n", 1)]
    [DataRow("A=1\nexport B=2\n", 2)]
    public void Parse_DotenvGitLabWouldReject_Throws(string text, int line)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => EnvFileReader.Parse(text, EnvFileFormat.Dotenv));
        StringAssert.StartsWith(e.Message, $"line {line}:");
    }

    [TestMethod]
    public void Parse_GoEnv_ReadsLikeCmdGo()
    {
        var content = EnvFileReader.Parse("# goenv pin: go1.19.8 sha256:h\nGOFLAGS=-mod=mod\nexport GOPROXY=off\nGOFLAGS=-mod=readonly\n", EnvFileFormat.GoEnv);

        Assert.AreEqual("-mod=readonly", content.Variables["GOFLAGS"].Value);
        Assert.AreEqual(4, content.Variables["GOFLAGS"].Line);
        Assert.IsFalse(content.Variables.ContainsKey("GOPROXY"));
        Assert.AreEqual("go1.19.8", content.GoVersion);
    }

    [TestMethod]
    public void Parse_Json_GivesThePropertyLine()
    {
        var content = EnvFileReader.Parse("{\n  \"goVersion\": \"go1.23.5\",\n  \"future\": [1, {\"x\": 2}],\n  \"environment\": {\n    \"A\": \"1\",\n    \"B\": \"a\\nb\"\n  }\n}\n", EnvFileFormat.Json);

        Assert.AreEqual(5, content.Variables["A"].Line);
        Assert.AreEqual(6, content.Variables["B"].Line);
        Assert.AreEqual("a\nb", content.Variables["B"].Value);
        Assert.AreEqual("go1.23.5", content.GoVersion);
        Assert.IsNull(content.Sha256);
    }

    [TestMethod]
    [DataRow("{\"environment\": {\"A\": \"1\", \"A\": \"2\"}}")]
    [DataRow("{\"environment\": {\"A\": 1}}")]
    [DataRow("{\"environment\": ")]
    [DataRow("[]")]
    public void Parse_JsonInvalid_ThrowsFormatException(string text) =>
        Assert.ThrowsExactly<FormatException>(() => EnvFileReader.Parse(text, EnvFileFormat.Json));

    [TestMethod]
    public void Read_MalformedFile_NamesThePath()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");
        File.WriteAllText(path, "A=1\n\n");

        var e = Assert.ThrowsExactly<FormatException>(() => EnvFileReader.Read(path, EnvFileFormat.Dotenv));
        StringAssert.StartsWith(e.Message, path + ": line 2:");
    }
}
