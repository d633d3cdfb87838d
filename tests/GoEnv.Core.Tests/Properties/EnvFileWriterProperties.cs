using System.Text;
using System.Text.Json;
using CsCheck;
using GoEnv.Core.Discovery;
using GoEnv.Core.Pinning;
using GoEnv.Core.Tests.Pinning;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// Every env-file format either carries an arbitrary environment exactly, as its consumer reads it, or refuses it
/// (<see cref="ArgumentException"/> from <see cref="PinnedEnvironment"/>, or problems from the writer): the consumer
/// never sees another variable, another value or another statement.
/// </summary>
[TestClass]
public sealed class EnvFileWriterProperties
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Gen<string> s_goVersion = Gen.Frequency(
        (8, Gen.OneOf("go1.22.12", "go1.21.0", "go1.24rc1", "devel go1.27-abc123 Tue Jan 1 00:00:00 2030 +0000")),
        (1, Hostile.Text));

    private static readonly Gen<(string GoVersion, KeyValuePair<string, string>[] Variables)> s_environment =
        Gen.Select(s_goVersion, Gen.Select(Hostile.Name, Hostile.Value, (n, v) => new KeyValuePair<string, string>(n, v)).Array[0, 6]);

    [TestMethod]
    public void Dotenv_ArbitraryEnvironment_GitLabReadsExactlyThePinnedVariablesOrRefused() =>
        PropertyRun.Check(s_environment, c => Verify(c, EnvFileFormat.Dotenv, (env, bytes) =>
        {
            // Limits are DotenvBudget's business (its own property); here only GitLab's parsing rules apply.
            var seen = GitLabParsers.ParseDotenv(bytes, sizeLimit: int.MaxValue, variableLimit: int.MaxValue);
            var expected = env.Variables.Append(new(PinHeader.DotenvHashVariable, env.ContentHash()));
            AssertSame(expected, seen.Select(p => (p.Key, p.Value)));
        }));

    [TestMethod]
    public void Sh_ArbitraryEnvironment_PosixShellRunsExactlyOneExportPerVariableOrRefused() =>
        PropertyRun.Check(s_environment, c => Verify(c, EnvFileFormat.Sh, (env, bytes) =>
        {
            var commands = PosixShellModel.Commands(s_strictUtf8.GetString(bytes));
            Assert.HasCount(env.Count, commands, "one command per variable, nothing else");
            var seen = new List<(string, string)>();
            foreach (var words in commands)
            {
                Assert.HasCount(2, words, "export NAME=VALUE");
                Assert.AreEqual("export", words[0]);
                var eq = words[1].IndexOf('=', StringComparison.Ordinal);
                Assert.IsGreaterThan(0, eq);
                seen.Add((words[1][..eq], words[1][(eq + 1)..]));
            }

            AssertSame(env.Variables, seen);
        }));

    [TestMethod]
    public void Pwsh_ArbitraryEnvironment_PowerShellAssignsExactlyThePinnedVariablesOrRefused() =>
        PropertyRun.Check(s_environment, c => Verify(c, EnvFileFormat.Pwsh, (env, bytes) =>
            AssertSame(env.Variables, PowerShellModel.Assignments(s_strictUtf8.GetString(bytes)))));

    [TestMethod]
    public void GoEnv_ArbitraryEnvironment_CmdGoReadsExactlyThePinnedVariablesOrRefused() =>
        PropertyRun.Check(s_environment, c => Verify(c, EnvFileFormat.GoEnv, (env, bytes) =>
        {
            // cmd/go reads bytes: nothing is stripped, not even a BOM (Encoding.GetString keeps U+FEFF).
            var file = GoEnvFile.Parse("", s_strictUtf8.GetString(bytes));
            AssertSame(env.Variables, file.Entries.Select(e => (e.Key, e.Value.Value)));
        }));

    [TestMethod]
    public void Json_ArbitraryEnvironment_JsonParserReadsExactlyThePinnedVariablesOrRefused() =>
        PropertyRun.Check(s_environment, c => Verify(c, EnvFileFormat.Json, (env, bytes) =>
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            Assert.AreEqual(env.GoVersion, root.GetProperty("goVersion").GetString());
            Assert.AreEqual(env.ContentHash(), root.GetProperty("sha256").GetString());
            Assert.HasCount(3, root.EnumerateObject().ToList());
            AssertSame(env.Variables, root.GetProperty("environment").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)));
        }));

    /// <summary>
    /// Keeps the shell model honest: a bounded sample (not scaled by GOENV_PROPERTY_CASES, each case starts two shells)
    /// sourced by dash and bash, which must export exactly the pinned bytes, nothing else, and execute nothing.
    /// </summary>
    [TestMethod]
    public void Sh_BoundedSample_RealShellsAgreeWithTheModel()
    {
        string[] shells = ["/bin/sh", "/bin/bash"];
        if (!shells.All(File.Exists))
        {
            Assert.Inconclusive("/bin/sh and /bin/bash are needed");
        }

        // Names a shell gives no meaning of its own (bash has readonly and dynamic ones: BASHOPTS, PPID, RANDOM, _).
        var names = Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"], 0, 8].Select(s => "PT_" + s);
        // Linux refuses to exec with one environment string over MAX_ARG_STRLEN (128 KiB): a limit of the OS, not of the file.
        var values = Hostile.Text.Where(v => Encoding.UTF8.GetByteCount(v) < 100_000);
        var gen = Gen.Select(names, values, (n, v) => new KeyValuePair<string, string>(n, v)).Array[1, 4];
        using var box = new PinningSandbox();
        var baseline = shells.ToDictionary(s => s, s => Source(box, s, []).Keys.ToHashSet(StringComparer.Ordinal));
        gen.Sample(
            variables =>
            {
                PinnedEnvironment env;
                try
                {
                    env = new PinnedEnvironment("go1.22.12", variables);
                }
                catch (ArgumentException)
                {
                    return;
                }

                var bytes = EnvFileWriter.Render(env, EnvFileFormat.Sh, out var problems);
                if (problems.Count > 0)
                {
                    return;
                }

                foreach (var shell in shells)
                {
                    var seen = Source(box, shell, bytes);
                    Assert.IsEmpty(Directory.GetFiles(box.Root, "pwned*"), "a value was executed");
                    Assert.IsEmpty(seen.Keys.Where(k => !baseline[shell].Contains(k) && !env.Variables.ContainsKey(k)).ToList(), $"{shell} exported a variable that was not pinned");
                    foreach (var (name, value) in env.Variables)
                    {
                        Assert.IsTrue(seen.TryGetValue(name, out var actual), $"{shell} did not export {name}");
                        CollectionAssert.AreEqual(Encoding.UTF8.GetBytes(value), actual, $"{shell} {name}");
                    }
                }
            },
            iter: 200,
            threads: 1,
            print: PropertyRun.Show);
    }

    private static Dictionary<string, byte[]> Source(PinningSandbox box, string shell, byte[] script)
    {
        File.WriteAllBytes(box.PathOf("pin.sh"), script);
        var output = box.Run(shell, ["-c", "set -eu; . ./pin.sh; exec env -0"], new Dictionary<string, string> { ["HOME"] = box.Home, ["PATH"] = "/usr/bin:/bin" });
        return PinningSandbox.ParseEnvNul(output);
    }

    /// <summary>
    /// Builds the environment and renders it. A refusal ends the case: <see cref="ArgumentException"/> from the
    /// environment, or problems from the writer (then no bytes at all). Otherwise the consumer check runs, and the
    /// project's own reader (used by `verify`) must agree too.
    /// </summary>
    private static PropertyRun.Outcome Verify((string GoVersion, KeyValuePair<string, string>[] Variables) c, EnvFileFormat format, Action<PinnedEnvironment, byte[]> consumer)
    {
        PinnedEnvironment env;
        try
        {
            env = new PinnedEnvironment(c.GoVersion, c.Variables);
        }
        catch (ArgumentException)
        {
            return PropertyRun.Outcome.Refused;
        }

        var bytes = EnvFileWriter.Render(env, format, out var problems);
        if (problems.Count > 0)
        {
            Assert.IsEmpty(bytes, "a refused environment writes nothing");
            return PropertyRun.Outcome.Refused;
        }

        consumer(env, bytes);
        var read = EnvFileReader.Parse(s_strictUtf8.GetString(bytes), format);
        AssertSame(env.Variables, read.Variables.Select(v => (v.Key, v.Value.Value)));
        Assert.AreEqual(env.ContentHash(), read.Sha256);
        return PropertyRun.Outcome.Carried;
    }

    private static void AssertSame(IEnumerable<KeyValuePair<string, string>> expected, IEnumerable<(string Name, string Value)> seen) =>
        AssertSame(expected.Select(p => (p.Key, p.Value)), seen);

    private static void AssertSame(IEnumerable<(string Name, string Value)> expected, IEnumerable<(string Name, string Value)> seen)
    {
        var want = expected.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var got = seen.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        Assert.AreEqual(PropertyRun.Show(want.Select(p => p.Name)), PropertyRun.Show(got.Select(p => p.Name)), "the consumer sees other variables than were pinned");
        for (var i = 0; i < want.Count; i++)
        {
            Assert.AreEqual(PropertyRun.Show(want[i].Value), PropertyRun.Show(got[i].Value), $"{want[i].Name}: the consumer reads another value");
        }
    }
}
