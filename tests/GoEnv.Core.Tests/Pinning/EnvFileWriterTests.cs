using System.Text;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

[TestClass]
public sealed class EnvFileWriterTests
{
    private const string Version = "go1.22.12";

    public static IEnumerable<object[]> AllFormats => Enum.GetValues<EnvFileFormat>().Select(f => new object[] { f });

    [TestMethod]
    [DataRow(EnvFileFormat.Sh)]
    [DataRow(EnvFileFormat.Json)]
    public void RenderThenParse_MultiLineNastyValues_RoundTrip(EnvFileFormat format) =>
        AssertRoundTrip(new PinnedEnvironment(Version, NastyValues.MultiLine()), format);

    [TestMethod]
    public void RenderThenParse_PwshNastyValues_RoundTrip() =>
        AssertRoundTrip(new PinnedEnvironment(Version, NastyValues.SingleLine()), EnvFileFormat.Pwsh);

    [TestMethod]
    public void RenderThenParse_GoEnvNastyValues_RoundTrip()
    {
        var values = NastyValues.SingleLine().Where(kv => kv.Key[0] is >= 'A' and <= 'Z');
        AssertRoundTrip(new PinnedEnvironment(Version, values), EnvFileFormat.GoEnv);
    }

    [TestMethod]
    public void RenderThenParse_DotenvValues_RoundTrip() =>
        AssertRoundTrip(new PinnedEnvironment(Version, NastyValues.Dotenv()), EnvFileFormat.Dotenv);

    [TestMethod]
    [DynamicData(nameof(AllFormats))]
    public void Render_SameMapInAnyInsertionOrder_IsByteIdentical(EnvFileFormat format)
    {
        var values = format switch
        {
            EnvFileFormat.Dotenv => NastyValues.Dotenv(),
            EnvFileFormat.GoEnv => NastyValues.SingleLine().Where(kv => kv.Key[0] is >= 'A' and <= 'Z').ToDictionary(),
            EnvFileFormat.Pwsh => NastyValues.SingleLine(),
            _ => NastyValues.MultiLine(),
        };
        var forward = EnvFileWriter.Render(new PinnedEnvironment(Version, values.OrderBy(kv => kv.Key, StringComparer.Ordinal)), format, out var p1);
        var backward = EnvFileWriter.Render(new PinnedEnvironment(Version, values.OrderByDescending(kv => kv.Key, StringComparer.Ordinal)), format, out var p2);
        var shuffled = EnvFileWriter.Render(new PinnedEnvironment(Version, values.OrderBy(kv => kv.Key.GetHashCode(StringComparison.Ordinal))), format, out var p3);

        Assert.IsEmpty(p1);
        Assert.IsEmpty(p2);
        Assert.IsEmpty(p3);
        CollectionAssert.AreEqual(forward, backward);
        CollectionAssert.AreEqual(forward, shuffled);
        Assert.IsFalse(forward.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no BOM");
        if (!values.Values.Any(v => v.Contains('\r', StringComparison.Ordinal)))
        {
            Assert.DoesNotContain((byte)'\r', forward, "LF line ends only");
        }

        Assert.AreEqual((byte)'\n', forward[^1]);
    }

    [TestMethod]
    public void Render_EachFormat_MatchesTheDocumentedLayout()
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOPROXY"] = "https://proxy.example.com,direct", ["GOFLAGS"] = "-mod=readonly", ["GOPRIVATE"] = "it's" });
        var hash = env.ContentHash();

        Assert.AreEqual($"GOENV_PIN_SHA256={hash}\nGOFLAGS=-mod=readonly\nGOPRIVATE=it's\nGOPROXY=https://proxy.example.com,direct\n", Text(env, EnvFileFormat.Dotenv));
        Assert.AreEqual($"# goenv pin: go1.22.12 sha256:{hash}\nexport GOFLAGS='-mod=readonly'\nexport GOPRIVATE='it'\\''s'\nexport GOPROXY='https://proxy.example.com,direct'\n", Text(env, EnvFileFormat.Sh));
        Assert.AreEqual($"# goenv pin: go1.22.12 sha256:{hash}\n$env:GOFLAGS = '-mod=readonly'\n$env:GOPRIVATE = 'it''s'\n$env:GOPROXY = 'https://proxy.example.com,direct'\n", Text(env, EnvFileFormat.Pwsh));
        Assert.AreEqual($"# goenv pin: go1.22.12 sha256:{hash}\nGOFLAGS=-mod=readonly\nGOPRIVATE=it's\nGOPROXY=https://proxy.example.com,direct\n", Text(env, EnvFileFormat.GoEnv));
        Assert.AreEqual(
            $"{{\n  \"goVersion\": \"go1.22.12\",\n  \"sha256\": \"{hash}\",\n  \"environment\": {{\n    \"GOFLAGS\": \"-mod=readonly\",\n    \"GOPRIVATE\": \"it's\",\n    \"GOPROXY\": \"https://proxy.example.com,direct\"\n  }}\n}}\n",
            Text(env, EnvFileFormat.Json));
    }

    [TestMethod]
    [DataRow("a\nb")]
    [DataRow("a\r")]
    [DataRow("\n")]
    public void Render_DotenvWithLineBreak_RefusesTheWholeFile(string value)
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOFLAGS"] = "-mod=readonly", ["GOPRIVATE"] = value });

        var bytes = EnvFileWriter.Render(env, EnvFileFormat.Dotenv, out var problems);

        Assert.IsEmpty(bytes);
        Assert.HasCount(1, problems);
        Assert.AreEqual("GOPRIVATE", problems[0].Variable);
        StringAssert.Contains(problems[0].Message, "line break");
    }

    [TestMethod]
    [DataRow(" lead")]
    [DataRow("trail\t")]
    [DataRow("\"quoted\"")]
    [DataRow("'quoted'")]
    [DataRow("$HOME/go")]
    public void Render_DotenvValueGitLabWouldChange_IsAProblem(string value)
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOPATH"] = value });

        Assert.IsEmpty(EnvFileWriter.Render(env, EnvFileFormat.Dotenv, out var problems));
        Assert.HasCount(1, problems);
    }

    [TestMethod]
    public void Render_DotenvReservedHashName_IsAProblem()
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOENV_PIN_SHA256"] = "x" });

        Assert.IsEmpty(EnvFileWriter.Render(env, EnvFileFormat.Dotenv, out var problems));
        Assert.AreEqual("GOENV_PIN_SHA256", problems.Single().Variable);
    }

    [TestMethod]
    [DynamicData(nameof(AllFormats))]
    public void Render_NulInAValue_IsAProblemInEveryFormat(EnvFileFormat format)
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOFLAGS"] = "a\0b", ["GOPROXY"] = "direct" });

        Assert.IsEmpty(EnvFileWriter.Render(env, format, out var problems));
        Assert.AreEqual("GOFLAGS", problems.Single().Variable);
        StringAssert.Contains(problems[0].Message, "NUL");
    }

    [TestMethod]
    [DataRow("a\nb")]
    [DataRow("a\r\nb")]
    [DataRow("\r")]
    public void Render_PwshWithLineBreak_IsAProblem(string value)
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOFLAGS"] = value });

        Assert.IsEmpty(EnvFileWriter.Render(env, EnvFileFormat.Pwsh, out var problems));
        Assert.AreEqual("GOFLAGS", problems.Single().Variable);
    }

    [TestMethod]
    [DataRow("GOENV", "off")]
    [DataRow("GODEBUG", "http2client=0")]
    [DataRow("GOPACKAGESDRIVER", "off")]
    [DataRow("TESTGO_VERSION", "go1.99")]
    [DataRow("lower", "x")]
    [DataRow("_GOFLAGS", "x")]
    [DataRow("GOFLAGS", "a\nb")]
    [DataRow("GOFLAGS", "a\rb")]
    [DataRow("GOFLAGS", "a\vb")]
    public void Render_GoEnvVariableGoCannotReadFromTheFile_IsAProblem(string name, string value)
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { [name] = value, ["GOPROXY"] = "direct" });

        Assert.IsEmpty(EnvFileWriter.Render(env, EnvFileFormat.GoEnv, out var problems));
        Assert.AreEqual(name, problems.Single().Variable);
    }

    [TestMethod]
    public void Render_SeveralProblems_ListsEveryVariable()
    {
        var env = new PinnedEnvironment(Version, new Dictionary<string, string> { ["A"] = "1\n", ["B"] = "ok", ["C"] = "\r" });

        EnvFileWriter.Render(env, EnvFileFormat.Dotenv, out var problems);

        CollectionAssert.AreEqual(new[] { "A", "C" }, problems.Select(p => p.Variable).ToArray());
    }

    [TestMethod]
    public void Render_HeaderHash_IsTheEnvironmentsContentHash()
    {
        var env = new PinnedEnvironment("devel go1.27-abc Tue Jan 1", new Dictionary<string, string> { ["GOFLAGS"] = "-mod=mod" });

        foreach (var format in Enum.GetValues<EnvFileFormat>())
        {
            var content = EnvFileReader.Parse(Text(env, format), format);
            Assert.AreEqual(env.ContentHash(), content.Sha256, format.ToString());
            Assert.AreEqual(format == EnvFileFormat.Dotenv ? null : env.GoVersion, content.GoVersion, format.ToString());
        }
    }

    [TestMethod]
    public void RenderThenParse_RandomValues_RoundTripWheneverTheFormatAcceptsThem()
    {
        const string Alphabet = "aZ_09 \t\n\r'\"\\$`%*=#!~;&|<>(){}[]?é日😀\u2018\u2019\u201A\u201B\v\f\u00A0";
        var random = new Random(20261124);
        var accepted = Enum.GetValues<EnvFileFormat>().ToDictionary(f => f, _ => 0);
        for (var round = 0; round < 300; round++)
        {
            var values = new Dictionary<string, string>();
            for (var v = random.Next(1, 6); v > 0; v--)
            {
                var text = new StringBuilder();
                for (var c = random.Next(0, 12); c > 0; c--)
                {
                    // Index by text element so the surrogate pair of the emoji is never split.
                    var element = System.Globalization.StringInfo.GetNextTextElement(Alphabet, random.Next(Alphabet.Length));
                    text.Append(char.IsLowSurrogate(element[0]) ? "x" : element);
                }

                values["V" + v] = text.ToString();
            }

            var env = new PinnedEnvironment(Version, values);
            foreach (var format in Enum.GetValues<EnvFileFormat>())
            {
                var bytes = EnvFileWriter.Render(env, format, out var problems);
                if (problems.Count > 0)
                {
                    Assert.IsEmpty(bytes);
                    continue;
                }

                accepted[format]++;
                AssertSameVariables(env, EnvFileReader.Parse(Encoding.UTF8.GetString(bytes), format), format);
            }
        }

        foreach (var (format, count) in accepted)
        {
            Assert.IsTrue(count > 10, $"{format} accepted only {count} random environments: too few to mean anything");
        }
    }

    private static string Text(PinnedEnvironment env, EnvFileFormat format)
    {
        var bytes = EnvFileWriter.Render(env, format, out var problems);
        Assert.IsEmpty(problems, string.Join("; ", problems));
        return new UTF8Encoding(false, true).GetString(bytes);
    }

    private static void AssertRoundTrip(PinnedEnvironment env, EnvFileFormat format)
    {
        var content = EnvFileReader.Parse(Text(env, format), format);
        AssertSameVariables(env, content, format);
        Assert.AreEqual(env.ContentHash(), content.Sha256);
    }

    internal static void AssertSameVariables(PinnedEnvironment env, EnvFileContent content, EnvFileFormat format)
    {
        CollectionAssert.AreEqual(env.Variables.Keys.ToArray(), content.Variables.Keys.ToArray(), format.ToString());
        foreach (var (name, value) in env.Variables)
        {
            Assert.AreEqual(value, content.Variables[name].Value, $"{format} {name}");
        }
    }

    [TestMethod]
    [DynamicData(nameof(AllFormats))]
    public void Render_ValueWithBytesThatWereNotUtf8_IsRefused(EnvFileFormat format)
    {
        // The process environment held 0xFF 0xFE; .NET (and `go env -json`) read them as U+FFFD.
        var env = new PinnedEnvironment(Version, [new("GOPRIVATE", "corp.example.com/\uFFFD\uFFFD")]);

        var bytes = EnvFileWriter.Render(env, format, out var problems);

        Assert.IsEmpty(bytes);
        StringAssert.Contains(problems.Single().Message, "not UTF-8");
    }
}
