using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Findings;
using GoEnv.Core.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Faults;

/// <summary>
/// Values of 128 KiB and more. Linux refuses to start a process with one environment string over MAX_ARG_STRLEN
/// (128 KiB), so the published binary can never be given one (GoEnv.Actions.Tests/Faults tests the largest it can);
/// an MSBuild host or a Windows machine can, so Core is fed them directly: check, pin, every env file format and
/// GITHUB_ENV carry them exactly, and a bad one is one finding, not an exception.
/// </summary>
[TestClass]
public sealed class LongValueTests
{
    private const int Length = 256 * 1024;

    public static IEnumerable<object[]> AllFormats => Enum.GetValues<EnvFileFormat>().Select(f => new object[] { f });

    [TestMethod]
    [DynamicData(nameof(AllFormats))]
    public void Pin_GoprivateOver128KiB_EveryFormatCarriesItExactly(EnvFileFormat format)
    {
        using var bed = new RuleTestBed();
        var value = "corp.example.com/" + new string('a', Length);
        bed.Set("GOPRIVATE", value).Set("GONOPROXY", value).Set("GONOSUMDB", value);

        var result = bed.Check();
        // As Pinner does: cmd/go reads GOENV from the OS environment only, so a go/env file cannot carry it.
        var resolved = PinResolver.Resolve(result.Snapshot).Environment;
        var pinned = new PinnedEnvironment(resolved.GoVersion, resolved.Variables.Where(v => !(format == EnvFileFormat.GoEnv && v.Key == "GOENV")));
        var bytes = EnvFileWriter.Render(pinned, format, out var problems);

        Assert.IsEmpty(result.Findings.Where(f => f.Severity == Severity.Error).ToList(), string.Join("\n", result.Findings));
        Assert.IsEmpty(problems, string.Join("\n", problems.Select(p => p.Message)));
        Assert.AreEqual(value, pinned.Variables["GOPRIVATE"]);
        var read = EnvFileReader.Parse(System.Text.Encoding.UTF8.GetString(bytes), format);
        Assert.AreEqual(value, read.Variables["GOPRIVATE"].Value);
        Assert.AreEqual(pinned.ContentHash(), read.Sha256);
    }

    [TestMethod]
    public void AppendEnv_ValueOver128KiB_TheRunnerReadsItExactly()
    {
        var file = Path.GetTempFileName();
        try
        {
            var value = "corp.example.com/" + new string('b', Length);
            GitHubFileCommands.AppendEnv(file, [new("GOPRIVATE", value), new("GOFLAGS", "-mod=readonly")]);

            var records = GitHubRunner.ParseEnvFileRecords(File.ReadAllText(file));

            CollectionAssert.AreEqual(new[] { ("GOPRIVATE", value), ("GOFLAGS", "-mod=readonly") }, records.ToArray());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void Check_BadGoflagsOver128KiB_IsOneFindingNotAnException()
    {
        using var bed = new RuleTestBed();
        var value = "-mod=" + new string('x', Length);
        bed.Set("GOFLAGS", value);

        var findings = bed.Check().Findings.Where(f => f.Variable == "GOFLAGS" && f.Severity == Severity.Error).ToList();

        Assert.HasCount(1, findings, string.Join("\n", findings));
        Assert.IsLessThan(3 * Length, findings[0].Message.Length + findings[0].Fix.Length);
    }

    [TestMethod]
    public void Check_CredentialsInAGoproxyOver128KiB_AreLearnedAndNotPinned()
    {
        using var bed = new RuleTestBed();
        const string secret = "l0ng-v4lue-s3cret";
        var value = "https://proxy.example.com/" + new string('c', Length) + $",https://u:{secret}@proxy2.example.com,direct";
        bed.Set("GOPROXY", value);

        var result = bed.Check();
        var pin = PinResolver.Resolve(result.Snapshot);

        CollectionAssert.Contains(result.Snapshot.Redactor.Secrets.ToList(), secret);
        Assert.IsFalse(pin.Environment.Variables.ContainsKey("GOPROXY"));
        Assert.IsFalse(result.Findings.Any(f => f.Message.Contains(secret, StringComparison.Ordinal)));
    }
}
