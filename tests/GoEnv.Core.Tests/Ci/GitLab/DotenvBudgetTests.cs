using System.Text;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Ci.GitLab;

/// <summary>Every fitted environment is accepted by the port of GitLab's dotenv parser, with the documented fold and drop order.</summary>
[TestClass]
public sealed class DotenvBudgetTests
{
    private const string Version = "go1.24.4";

    /// <summary>What `pin` resolves on a typical linux/amd64 runner with Go ≥ 1.21: 21 variables, 22 with the hash line.</summary>
    private static Dictionary<string, string> TypicalPin() => new(StringComparer.Ordinal)
    {
        ["GOROOT"] = "/usr/local/go",
        ["GOPATH"] = "/root/go",
        ["GOCACHE"] = "/root/.cache/go-build",
        ["GOMODCACHE"] = "/root/go/pkg/mod",
        ["GOFLAGS"] = "-mod=readonly",
        ["GO111MODULE"] = "",
        ["GOPROXY"] = "https://proxy.golang.org,direct",
        ["GOSUMDB"] = "sum.golang.org",
        ["GOPRIVATE"] = "",
        ["GONOPROXY"] = "",
        ["GONOSUMDB"] = "",
        ["GOINSECURE"] = "",
        ["GOVCS"] = "",
        ["GOOS"] = "linux",
        ["GOARCH"] = "amd64",
        ["CGO_ENABLED"] = "1",
        ["GOEXPERIMENT"] = "",
        ["GOAMD64"] = "v1",
        ["GOWORK"] = "off",
        ["GOTOOLCHAIN"] = "local",
        ["GOENV"] = "off",
    };

    private static byte[] Dotenv(PinnedEnvironment environment)
    {
        var bytes = EnvFileWriter.Render(environment, EnvFileFormat.Dotenv, out var problems);
        Assert.IsEmpty(problems, string.Join("; ", problems.Select(p => p.Variable + ": " + p.Message)));
        return bytes;
    }

    [TestMethod]
    public void Fit_TypicalPinOver20Variables_FoldsEmptiesAndGitLabAcceptsIt()
    {
        var pin = new PinnedEnvironment(Version, TypicalPin());
        Assert.ThrowsExactly<InvalidDataException>(() => GitLabParsers.ParseDotenv(Dotenv(pin)), "the unfitted file is over GitLab's limit");

        var fit = DotenvBudget.Fit(pin);
        var bytes = Dotenv(fit.Environment);
        var parsed = GitLabParsers.ParseDotenv(bytes);

        Assert.IsLessThanOrEqualTo(20, parsed.Count);
        Assert.IsLessThan(5120, bytes.Length);
        string[] empties = ["GO111MODULE", "GOEXPERIMENT", "GOINSECURE", "GONOPROXY", "GONOSUMDB", "GOPRIVATE", "GOVCS"];
        CollectionAssert.AreEqual(empties, fit.Folded.ToArray());
        Assert.AreEqual(string.Join(',', empties), parsed[DotenvBudget.EmptyVariable]);
        Assert.IsEmpty(fit.Dropped);
        Assert.HasCount(1, fit.Notes);
        StringAssert.Contains(fit.Notes[0], "GOENV_PIN_EMPTY");
        StringAssert.Contains(fit.Notes[0], "verify");
        StringAssert.Contains(fit.Notes[0], "no longer get them overridden to empty");

        // Nothing is lost: the folded file, expanded, says exactly what the pin said.
        var expanded = parsed.Where(kv => kv.Key is not "GOENV_PIN_SHA256" and not DotenvBudget.EmptyVariable).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var name in parsed[DotenvBudget.EmptyVariable].Split(','))
        {
            expanded.Add(name, "");
        }

        CollectionAssert.AreEquivalent(pin.Variables.ToList(), expanded.ToList());
        Assert.AreEqual(fit.Environment.ContentHash(), parsed["GOENV_PIN_SHA256"]);
    }

    [TestMethod]
    [DataRow(21)]
    [DataRow(25)]
    [DataRow(40)]
    public void Fit_ManyVariables_ParsesUnderGitLabLimits(int count)
    {
        // Half of them empty, half long values: both the fold and the drops have work to do.
        var values = TypicalPin();
        for (var i = values.Count; i < count; i++)
        {
            values[$"GOEXTRA_{i:D2}"] = i % 2 == 0 ? "" : new string((char)('a' + (i % 26)), 150);
        }

        var fit = DotenvBudget.Fit(new PinnedEnvironment(Version, values));
        var bytes = Dotenv(fit.Environment);
        var parsed = GitLabParsers.ParseDotenv(bytes);

        Assert.IsLessThanOrEqualTo(20, parsed.Count);
        Assert.IsLessThan(5120, bytes.Length);
        foreach (var name in DotenvBudget.NeverDropped)
        {
            Assert.IsTrue(parsed.ContainsKey(name) || parsed[DotenvBudget.EmptyVariable].Split(',').Contains(name), name + " must stay pinned");
        }

        Assert.HasCount(fit.Dropped.Count + (fit.Folded.Count > 0 ? 1 : 0), fit.Notes);
        CollectionAssert.AreEquivalent(values.Keys.ToList(), fit.Environment.Variables.Keys.Where(n => n != DotenvBudget.EmptyVariable).Concat(fit.Folded).Concat(fit.Dropped).ToList());
    }

    [TestMethod]
    public void Fit_AlreadyFits_ReturnsTheSameEnvironment()
    {
        var pin = new PinnedEnvironment(Version, new Dictionary<string, string> { ["GOROOT"] = "/usr/local/go", ["GOPRIVATE"] = "", ["GOVCS"] = "" });

        var fit = DotenvBudget.Fit(pin);

        Assert.AreSame(pin, fit.Environment);
        Assert.IsEmpty(fit.Folded);
        Assert.IsEmpty(fit.Dropped);
        Assert.IsEmpty(fit.Notes);
    }

    [TestMethod]
    public void Fit_ExactlyTwentyVariablesWithHashLine_IsNotChanged()
    {
        var values = TypicalPin();
        values.Remove("GOAMD64");
        values.Remove("GOWORK");
        var pin = new PinnedEnvironment(Version, values);
        Assert.AreEqual(19, pin.Count);

        var fit = DotenvBudget.Fit(pin);

        Assert.AreSame(pin, fit.Environment);
        Assert.HasCount(20, GitLabParsers.ParseDotenv(Dotenv(fit.Environment)));
    }

    [TestMethod]
    public void Fit_TinyVariableLimit_DropsInTheDocumentedOrder()
    {
        var values = new Dictionary<string, string>
        {
            ["GOROOT"] = "/go",
            ["GOPROXY"] = "https://proxy.golang.org",
            ["GOOS"] = "linux",
            ["GOARCH"] = "amd64",
            ["GOWORK"] = "off",
            ["GOAMD64"] = "v3",
            ["GOINSECURE"] = "corp.example",
            ["GOBIN"] = "/bin/go",
            ["GOTMPDIR"] = "/tmp/go",
            ["GOEXPERIMENT"] = "loopvar",
            ["GO111MODULE"] = "on",
            ["GOVCS"] = "*:git",
        };

        // 12 variables + the hash line; a limit of 7 needs six drops.
        var fit = DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 7);

        string[] expected = ["GOVCS", "GO111MODULE", "GOEXPERIMENT", "GOTMPDIR", "GOBIN", "GOAMD64"];
        CollectionAssert.AreEqual(expected, fit.Dropped.ToArray());
        CollectionAssert.AreEqual(expected.Select(n => $"{n} not pinned: GitLab's dotenv limit of 7 variables; later jobs keep whatever value their own environment gives it.").ToArray(), fit.Notes.ToArray());
        Assert.HasCount(7, GitLabParsers.ParseDotenv(Dotenv(fit.Environment), variableLimit: 7));

        // The order goes on past the level variable.
        var further = DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 3);
        CollectionAssert.AreEqual(expected.Concat(["GOINSECURE", "GOWORK", "GOARCH", "GOOS"]).ToArray(), further.Dropped.ToArray());
        CollectionAssert.AreEqual(new[] { "GOPROXY", "GOROOT" }, further.Environment.Variables.Keys.ToArray());
    }

    [TestMethod]
    public void DropOrder_CoversEveryVariablePinCanWriteExceptTheProtectedOnes()
    {
        var protectedOnes = DotenvBudget.NeverDropped.ToHashSet(StringComparer.Ordinal);
        Assert.IsFalse(DotenvBudget.DropOrder.Any(protectedOnes.Contains));
        Assert.HasCount(DotenvBudget.DropOrder.Count, DotenvBudget.DropOrder.Distinct().ToList());
        CollectionAssert.AreEqual(new[] { "GOVCS", "GO111MODULE", "GOEXPERIMENT", "GOTMPDIR", "GOBIN", "GOAMD64" }, DotenvBudget.DropOrder.Take(6).ToArray());

        // Everything PinResolver can write on any GOARCH is either protected or ranked.
        var pinnable = TypicalPin().Keys.Concat(["GOBIN", "GOTMPDIR", "GOAUTH", "GOARM", "GOARM64", "GO386", "GOMIPS", "GOMIPS64", "GOPPC64", "GORISCV64", "GOWASM"]);
        foreach (var name in pinnable)
        {
            Assert.IsTrue(protectedOnes.Contains(name) || DotenvBudget.DropOrder.Contains(name), name);
        }
    }

    [TestMethod]
    public void Fit_NamesGoEnvDoesNotRank_AreDroppedFirstInOrdinalOrder()
    {
        var values = new Dictionary<string, string> { ["GOROOT"] = "/go", ["GOVCS"] = "*:git", ["ZZ_EXTRA"] = "1", ["AA_EXTRA"] = "2" };

        var fit = DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 3);

        CollectionAssert.AreEqual(new[] { "AA_EXTRA", "ZZ_EXTRA" }, fit.Dropped.ToArray());
    }

    [TestMethod]
    public void Fit_TinyByteLimit_DropsUntilTheFileIsSmallEnough()
    {
        var values = TypicalPin();
        values["GOPRIVATE"] = "corp.example.com/*";
        var pin = new PinnedEnvironment(Version, values);
        var maxBytes = Dotenv(pin).Length - 60;

        var fit = DotenvBudget.Fit(pin, maxVariables: 100, maxBytes: maxBytes);
        var bytes = Dotenv(fit.Environment);

        Assert.IsLessThanOrEqualTo(maxBytes, bytes.Length);
        _ = GitLabParsers.ParseDotenv(bytes, sizeLimit: maxBytes + 1, variableLimit: 100);
        Assert.IsEmpty(fit.Folded, "six empty values are not worth folding when only bytes are over (16 + k > 2k bytes for k ≤ 16)");
        Assert.IsNotEmpty(fit.Dropped);
        CollectionAssert.AreEqual(DotenvBudget.DropOrder.Where(fit.Dropped.Contains).ToArray(), fit.Dropped.ToArray());
        StringAssert.Contains(fit.Notes[0], $"under {maxBytes + 1} bytes");
    }

    [TestMethod]
    public void Fit_OneEmptyValue_IsNotFoldedBecauseThatSavesNothing()
    {
        var values = new Dictionary<string, string> { ["GOROOT"] = "/go", ["GOPROXY"] = "off", ["GOVCS"] = "", ["GOOS"] = "linux" };

        var fit = DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 4);

        Assert.IsEmpty(fit.Folded);
        CollectionAssert.AreEqual(new[] { "GOVCS" }, fit.Dropped.ToArray());
        Assert.IsFalse(fit.Environment.Variables.ContainsKey(DotenvBudget.EmptyVariable));
    }

    [TestMethod]
    public void Fit_ProtectedVariablesAloneTooMany_ThrowsAndSaysHowToRaiseTheLimit()
    {
        var values = DotenvBudget.NeverDropped.ToDictionary(n => n, n => n == "GOROOT" ? "/go" : "x");

        var e = Assert.ThrowsExactly<DotenvBudgetException>(() => DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 5));

        StringAssert.Contains(e.Message, "limit of 5");
        StringAssert.Contains(e.Message, "dotenv_variables");
        StringAssert.Contains(e.Message, "plan_limits");
    }

    [TestMethod]
    public void Fit_ProtectedVariablesAloneTooLarge_Throws()
    {
        var values = new Dictionary<string, string> { ["GOROOT"] = "/go", ["GOFLAGS"] = string.Join(' ', Enumerable.Repeat("-tags=abcdefghij", 400)) };

        var e = Assert.ThrowsExactly<DotenvBudgetException>(() => DotenvBudget.Fit(new PinnedEnvironment(Version, values)));

        StringAssert.Contains(e.Message, "under 5120");
        StringAssert.Contains(e.Message, "dotenv_size");
    }

    [TestMethod]
    public void Fit_SameInputAnyOrder_IsByteIdentical()
    {
        var values = TypicalPin();
        values["GOBIN"] = "/root/go/bin";
        values["GOTMPDIR"] = "/tmp";
        var forward = DotenvBudget.Fit(new PinnedEnvironment(Version, values.OrderBy(kv => kv.Key, StringComparer.Ordinal)), maxVariables: 12);
        var backward = DotenvBudget.Fit(new PinnedEnvironment(Version, values.OrderByDescending(kv => kv.Key, StringComparer.Ordinal)), maxVariables: 12);
        var again = DotenvBudget.Fit(new PinnedEnvironment(Version, values), maxVariables: 12);

        CollectionAssert.AreEqual(Dotenv(forward.Environment), Dotenv(backward.Environment));
        CollectionAssert.AreEqual(Dotenv(forward.Environment), Dotenv(again.Environment));
        CollectionAssert.AreEqual(forward.Notes.ToArray(), backward.Notes.ToArray());
        CollectionAssert.AreEqual(forward.Dropped.ToArray(), again.Dropped.ToArray());
        Assert.IsNotEmpty(forward.Dropped);
        Assert.IsFalse(Dotenv(forward.Environment).AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    [TestMethod]
    public void Fit_InputAlreadyHasTheFoldVariable_Throws() =>
        Assert.ThrowsExactly<ArgumentException>(() => DotenvBudget.Fit(new PinnedEnvironment(Version, new Dictionary<string, string> { [DotenvBudget.EmptyVariable] = "GOVCS" })));

    [TestMethod]
    public void Fit_ValuesTheDotenvWriterRefuses_ComeBackUnchangedForTheWriterToReport()
    {
        var values = TypicalPin();
        values["GOFLAGS"] = "\"-mod=mod\"";
        var pin = new PinnedEnvironment(Version, values);

        var fit = DotenvBudget.Fit(pin);

        Assert.AreSame(pin, fit.Environment);
        _ = EnvFileWriter.Render(fit.Environment, EnvFileFormat.Dotenv, out var problems);
        Assert.IsNotEmpty(problems);
    }

    [TestMethod]
    [DataRow(0, 5119)]
    [DataRow(20, 0)]
    public void Fit_NonPositiveLimit_Throws(int maxVariables, int maxBytes) =>
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DotenvBudget.Fit(new PinnedEnvironment(Version, TypicalPin()), maxVariables, maxBytes));
}
