using GoEnv.Core.Findings;
using GoEnv.Core.Policy;

namespace GoEnv.Core.Tests.Policy;

[TestClass]
public sealed class PolicyLoaderTests
{
    private const string Full = """
        # A complete policy.
        go:
          version: ">=1.22 <1.24"
          toolchain: local
        require:
          GOFLAGS:
            contains: ["-mod=readonly"]
            notContains: ["-mod=mod"]
          GOPROXY: { scheme: https }
          GOSUMDB:
            not: ["off"]
          CGO_ENABLED: { equals: "0" }
          GOARCH: { oneOf: [amd64, arm64] }
        rules:
          GOENV0004: ignore
          GOENV0081: error
        output:
          format: json
          strict: true
        """;

    private static PolicyLoadResult Load(string text)
    {
        using var files = new PolicyTestFiles();
        return PolicyLoader.Load(files.Write(".goenv.yml", text));
    }

    private static Finding SingleError(string text)
    {
        var result = Load(text);
        Assert.IsNull(result.Policy);
        Assert.HasCount(1, result.Errors, string.Join("\n", result.Errors.Select(e => $"{e.Line}:{e.Column} {e.Message}")));
        Assert.AreEqual("GOENV0140", result.Errors[0].RuleId);
        Assert.AreEqual(Severity.Error, result.Errors[0].Severity);
        return result.Errors[0];
    }

    [TestMethod]
    public void Load_FullPolicy_EveryValueWithItsPosition()
    {
        using var files = new PolicyTestFiles();
        var path = files.Write(".goenv.yml", Full);

        var result = PolicyLoader.Load(path);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        var policy = result.Policy!;
        Assert.AreEqual(path, policy.Path);
        Assert.AreEqual(">=1.22 <1.24", policy.GoVersion!.Text);
        Assert.AreEqual(new PolicyLocation(3, 12), policy.GoVersionLocation);
        Assert.AreEqual("local", policy.Toolchain);
        Assert.AreEqual(new PolicyLocation(4, 14), policy.ToolchainLocation);
        var r = policy.Requirements;
        Assert.HasCount(6, r);
        Assert.AreEqual(("GOFLAGS", PolicyRequirementKind.Contains, "-mod=readonly", new PolicyLocation(7, 16)), (r[0].Variable, r[0].Kind, r[0].Value, r[0].Location));
        Assert.AreEqual(("GOFLAGS", PolicyRequirementKind.NotContains, "-mod=mod", new PolicyLocation(8, 19)), (r[1].Variable, r[1].Kind, r[1].Value, r[1].Location));
        Assert.AreEqual(("GOPROXY", PolicyRequirementKind.Scheme, "https", new PolicyLocation(9, 22)), (r[2].Variable, r[2].Kind, r[2].Value, r[2].Location));
        Assert.AreEqual(("GOSUMDB", PolicyRequirementKind.Not, "off", new PolicyLocation(11, 11)), (r[3].Variable, r[3].Kind, r[3].Value, r[3].Location));
        Assert.AreEqual(("CGO_ENABLED", PolicyRequirementKind.EqualTo, "0", new PolicyLocation(12, 26)), (r[4].Variable, r[4].Kind, r[4].Value, r[4].Location));
        Assert.AreEqual(PolicyRequirementKind.OneOf, r[5].Kind);
        CollectionAssert.AreEqual(new[] { "amd64", "arm64" }, r[5].Values.ToArray());
        Assert.IsTrue(policy.RuleSettings["GOENV0004"].Ignore);
        Assert.AreEqual(Severity.Error, policy.RuleSettings["goenv0081"].Severity);
        Assert.AreEqual(new PolicyLocation(16, 3), policy.RuleSettings["GOENV0081"].Location);
        Assert.AreEqual("json", policy.OutputFormat);
        Assert.IsTrue(policy.Strict);
    }

    [TestMethod]
    public void Load_EmptyFile_EmptyPolicy()
    {
        var result = Load("# nothing yet\n");

        Assert.IsTrue(result.Succeeded);
        Assert.IsNull(result.Policy!.GoVersion);
        Assert.IsEmpty(result.Policy.Requirements);
    }

    [TestMethod]
    public void Load_YamlSyntaxError_ErrorAtParserPosition()
    {
        var error = SingleError("go:\n  version: \"1.22\n  toolchain: local\n");

        Assert.IsTrue(error.File!.EndsWith(".goenv.yml", StringComparison.Ordinal));
        Assert.AreEqual(2, error.Line);
        Assert.AreEqual(12, error.Column);
        StringAssert.Contains(error.Message, "not valid YAML");
    }

    [TestMethod]
    public void Load_FlowMappingLeftOpenInBlockMapping_SyntaxErrorNotException()
    {
        // Found by ParserProperties: YamlDotNet's scanner throws InvalidOperationException here, not YamlException.
        var error = SingleError("? a:\n  {b\n  - c\n");

        StringAssert.Contains(error.Message, "not valid YAML");
        Assert.IsGreaterThanOrEqualTo(1, error.Line);
    }

    [TestMethod]
    public void Load_TagThatIsNoUri_SyntaxErrorNotException()
    {
        // Found by ParserProperties (CsCheck seed 1AiOoPlFG8n3): YamlDotNet throws ArgumentException for this tag.
        var error = SingleError("!![i](http://e/i.png)");

        StringAssert.Contains(error.Message, "not valid YAML");
        StringAssert.Contains(error.Message, "tag");
    }

    [TestMethod]
    public void Load_BadIndentation_ErrorAtParserPosition()
    {
        var error = SingleError("go:\n  version: \"1.22\"\n toolchain: local\n");

        Assert.AreEqual(3, error.Line);
        Assert.AreEqual(2, error.Column);
    }

    [TestMethod]
    public void Load_UnknownTopLevelKey_ErrorAtKeyWithSuggestion()
    {
        var error = SingleError("go:\n  version: \"1.22\"\nrequre:\n  GOFLAGS: { contains: [-mod=readonly] }\n");

        Assert.AreEqual((3, 1), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "\"requre\"");
        StringAssert.Contains(error.Message, "did you mean require?");
    }

    [TestMethod]
    public void Load_UnknownRequirementKey_ErrorAtKey()
    {
        var error = SingleError("require:\n  GOFLAGS:\n    contain: [-mod=readonly]\n");

        Assert.AreEqual((3, 5), (error.Line, error.Column));
        Assert.AreEqual("GOFLAGS", error.Variable);
        StringAssert.Contains(error.Message, "did you mean contains?");
    }

    [TestMethod]
    public void Load_UnknownVariable_ErrorAtVariable()
    {
        var error = SingleError("require:\n  GOPORXY: { scheme: https }\n");

        Assert.AreEqual((2, 3), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "did you mean GOPROXY?");
    }

    [TestMethod]
    public void Load_UnknownRuleId_ErrorAtId()
    {
        var error = SingleError("rules:\n  GOENV0081: warning\n  GOENV9999: ignore\n");

        Assert.AreEqual((3, 3), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "GOENV9999 is not a GoEnv rule id");
    }

    [TestMethod]
    public void Load_PolicyRuleIdInRules_Error()
    {
        var error = SingleError("rules:\n  GOENV0141: ignore\n");

        Assert.AreEqual((2, 3), (error.Line, error.Column));
    }

    [TestMethod]
    public void Load_BadSeverityWord_ErrorAtValue()
    {
        var error = SingleError("rules:\n  GOENV0081: fatal\n");

        Assert.AreEqual((2, 14), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "\"fatal\" is not ignore, error, warning or notice");
    }

    [TestMethod]
    [DataRow("\">=1.22 <\"")]
    [DataRow("latest")]
    [DataRow("\"~1.22\"")]
    [DataRow("\">=1.22.x\"")]
    [DataRow("\"1.22.3.x\"")]
    [DataRow("\"\"")]
    public void Load_BadVersionRange_ErrorAtValue(string range)
    {
        var error = SingleError($"go:\n  version: {range}\n");

        Assert.AreEqual((2, 12), (error.Line, error.Column));
        StringAssert.Contains(error.Message, "go.version");
    }

    [TestMethod]
    [DataRow("latest")]
    [DataRow("go1.22.3+auto")]
    [DataRow("1.22.3")]
    public void Load_BadToolchain_ErrorAtValue(string toolchain)
    {
        var error = SingleError($"go:\n  toolchain: {toolchain}\n");

        Assert.AreEqual((2, 14), (error.Line, error.Column));
    }

    [TestMethod]
    [DataRow("go:\n  version: [1.22]\n", 2, 12)]
    [DataRow("go: 1.22\n", 1, 5)]
    [DataRow("require:\n  GOFLAGS: { contains: -mod=readonly }\n", 2, 24)]
    [DataRow("require:\n  GOFLAGS: { contains: [] }\n", 2, 24)]
    [DataRow("require:\n  GOFLAGS: { contains: [[a]] }\n", 2, 25)]
    [DataRow("require:\n  CGO_ENABLED: { equals: }\n", 2, 26)]
    [DataRow("require:\n  GOFLAGS: { scheme: https }\n", 2, 14)]
    [DataRow("require:\n  GOPROXY: { scheme: ftp }\n", 2, 22)]
    [DataRow("require:\n  GOFLAGS:\n", 2, 3)]
    [DataRow("output:\n  format: sarif\n", 2, 11)]
    [DataRow("output:\n  strict: \"yes\"\n", 2, 11)]
    [DataRow("go:\n  version: \"1.22\"\n  version: \"1.23\"\n", 3, 3)]
    [DataRow("- go\n", 1, 1)]
    public void Load_SchemaError_ErrorAtPosition(string text, int line, int column)
    {
        var error = SingleError(text);

        Assert.AreEqual((line, column), (error.Line, error.Column), error.Message);
    }

    [TestMethod]
    public void Load_SeveralErrors_AllReported()
    {
        var result = Load("go:\n  versoin: \"1.22\"\nrules:\n  GOENV0081: loud\noutput:\n  format: xml\n");

        Assert.IsNull(result.Policy);
        CollectionAssert.AreEqual(new[] { 2, 4, 6 }, result.Errors.Select(e => e.Line).ToArray());
    }

    [TestMethod]
    public void Load_Alias_Error()
    {
        var error = SingleError("require:\n  GOFLAGS: &f { contains: [-mod=readonly] }\n  GONOSUMDB: *f\n");

        Assert.AreEqual((3, 14), (error.Line, error.Column));
    }

    [TestMethod]
    public void Load_SecondDocument_Error()
    {
        var error = SingleError("go:\n  version: \"1.22\"\n---\ngo:\n  version: \"1.23\"\n");

        Assert.AreEqual(3, error.Line);
    }

    [TestMethod]
    public void Load_YamlExtensionAndUnquotedValues_Accepted()
    {
        using var files = new PolicyTestFiles();
        var path = files.Write(".goenv.yaml", "go:\n  version: 1.22.x\n  toolchain: go1.22.3\nrequire:\n  CGO_ENABLED:\n    equals: 0\noutput:\n  strict: false\n");

        var result = PolicyLoader.Load(path);

        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Errors.Select(e => e.Message)));
        Assert.AreEqual("0", result.Policy!.Requirements[0].Value);
        Assert.AreEqual("go1.22.3", result.Policy.Toolchain);
        Assert.IsFalse(result.Policy.Strict);
    }

    [TestMethod]
    public void Load_MissingFile_Error()
    {
        using var files = new PolicyTestFiles();

        var result = PolicyLoader.Load(Path.Combine(files.Root, ".goenv.yml"));

        Assert.IsNull(result.Policy);
        Assert.AreEqual("GOENV0140", result.Errors.Single().RuleId);
    }
}
