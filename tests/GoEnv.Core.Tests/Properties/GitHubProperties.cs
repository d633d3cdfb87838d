using System.Text;
using CsCheck;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitHub;
using GoEnv.Core.Findings;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// GitHub's consumers (the runner's file-command parsers, its workflow-command parser and line reader) see exactly
/// what GoEnv meant for arbitrary names and values, or GoEnv refuses: never another variable, PATH entry or command.
/// </summary>
[TestClass]
public sealed class GitHubProperties
{
    private const string Preexisting = "PRE=1\n";

    private static readonly Gen<string> s_envName = Gen.Frequency(
        (5, Gen.Select(Gen.OneOf("GO", "CGO_"), Gen.String[Gen.Char["ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"], 0, 10], (p, s) => p + s)),
        (2, Hostile.GoName),
        (1, Hostile.Name));

    private static readonly Gen<string> s_outputName = Gen.Frequency(
        (5, Gen.Select(Hostile.ValidName, Gen.OneOf("", "-x", "-", "_-_"), (n, s) => n + s)),
        (1, Hostile.Name));

    /// <summary>Delimiters that collide with the values on purpose (the internal overload takes the delimiter source).</summary>
    private static readonly Gen<string[]> s_adversarialDelimiters = Gen.OneOf("EOF", "ghadelimiter_", "x", "", "a\nb", "\0", "=", "<<", "GO").Array[8];

    [TestMethod]
    public void AppendEnv_ArbitraryVariables_RunnerReadsExactlyThemOrRefused() =>
        PropertyRun.Check(Records(s_envName), records => Append(records, (path, r) => GitHubFileCommands.AppendEnv(path, r)));

    [TestMethod]
    public void AppendEnv_DelimitersCollidingWithValues_RunnerReadsExactlyThemOrRefused() =>
        PropertyRun.Check(
            Gen.Select(Records(s_envName), s_adversarialDelimiters),
            c => Append(c.Item1, (path, r) => GitHubFileCommands.AppendEnv(path, r, Cycle(c.Item2))));

    [TestMethod]
    public void AppendOutputs_ArbitraryOutputs_RunnerReadsExactlyThemOrRefused() =>
        PropertyRun.Check(Records(s_outputName), records => Append(records, (path, r) => GitHubFileCommands.AppendOutputs(path, r)));

    [TestMethod]
    public void AppendOutputs_DelimitersCollidingWithValues_RunnerReadsExactlyThemOrRefused() =>
        PropertyRun.Check(
            Gen.Select(Records(s_outputName), s_adversarialDelimiters),
            c => Append(c.Item1, (path, r) => GitHubFileCommands.AppendOutputs(path, r, Cycle(c.Item2))));

    [TestMethod]
    public void AppendPath_ArbitraryDirectories_RunnerPrependsExactlyThemOrRefused()
    {
        var directories = Gen.Frequency((4, Hostile.Value.Select(v => "/" + v)), (1, Hostile.Text)).Array[0, 4];
        PropertyRun.Check(directories, dirs =>
        {
            var path = NewRunnerFile("/pre\n");
            try
            {
                try
                {
                    GitHubFileCommands.AppendPath(path, dirs);
                }
                catch (GitHubFileCommandException)
                {
                    Assert.AreEqual("/pre\n", File.ReadAllText(path), "a refusal leaves the file as it was");
                    return PropertyRun.Outcome.Refused;
                }

                var seen = GitHubRunner.ReadLines(File.ReadAllText(path, Encoding.UTF8)).Where(l => l.Length > 0).ToList();
                Assert.AreEqual(PropertyRun.Show(dirs.Prepend("/pre")), PropertyRun.Show(seen), "the runner reads other entries");
                foreach (var entry in seen)
                {
                    Assert.AreEqual(1, entry.Split(Path.PathSeparator).Length, $"{PropertyRun.Show(entry)} splits PATH");
                }

                return PropertyRun.Outcome.Carried;
            }
            finally
            {
                File.Delete(path);
            }
        });
    }

    [TestMethod]
    public void Format_ArbitraryPropertiesAndMessage_RunnerParsesExactlyThatOneCommand()
    {
        var keys = Gen.Frequency((6, Gen.OneOf("file", "line", "col", "endLine", "title", "FILE")), (1, Hostile.Text));
        var properties = Gen.Select(keys, Gen.Frequency((1, Gen.Const((string?)null)), (6, Hostile.Value.Select(v => (string?)v))), (k, v) => new KeyValuePair<string, string?>(k, v)).Array[0, 4];
        var command = Gen.Frequency((6, Gen.OneOf("error", "warning", "notice", "debug", "group")), (1, Hostile.Text));
        PropertyRun.Check(Gen.Select(command, properties, Hostile.Text), c =>
        {
            var (name, props, message) = c;

            // Callers name each property once (the runner would keep the last, or an earlier one when it trims the last away).
            props = props.DistinctBy(p => p.Key, StringComparer.OrdinalIgnoreCase).ToArray();
            string line;
            try
            {
                line = GitHubCommand.Format(name, props, message);
            }
            catch (ArgumentException)
            {
                return PropertyRun.Outcome.Refused;
            }

            if (!GitHubRunner.RegisteredCommands.Contains(name))
            {
                // A name the runner does not know: the line must not be taken for any command at all.
                Assert.HasCount(1, GitHubRunner.ReadLines(line));
                Assert.IsFalse(GitHubRunner.IsCommand(line), $"{PropertyRun.Show(line)} is taken for a command");
                return PropertyRun.Outcome.Refused;
            }

            var parsed = ParseOne(line, name);
            Assert.AreEqual(PropertyRun.Show(LogText.BreakLegacyCommands(message)), PropertyRun.Show(parsed.Data));
            var expected = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var last = "";
            foreach (var (key, value) in props)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    expected[key] = LogText.BreakLegacyCommands(value);
                    last = key;
                }
            }

            foreach (var (key, value) in parsed.Properties)
            {
                Assert.IsTrue(expected.TryGetValue(key, out var want), $"forged property {PropertyRun.Show(key)}");
                if (want.StartsWith('=') || (string.Equals(key, last, StringComparison.OrdinalIgnoreCase) && want.Length > 0 && char.IsWhiteSpace(want[^1])))
                {
                    // The two runner quirks GitHubCommand documents: a leading '=' is dropped, and so is trailing white
                    // space of the last property. What is left must still be part of the value.
                    Assert.Contains(value, want);
                }
                else
                {
                    Assert.AreEqual(PropertyRun.Show(want), PropertyRun.Show(value), $"property {key}");
                }
            }

            foreach (var (key, want) in expected)
            {
                Assert.IsTrue(parsed.Properties.ContainsKey(key) || want.TrimStart('=').Trim().Length == 0 || want.StartsWith('='), $"property {key} was lost");
            }

            return PropertyRun.Outcome.Carried;
        });
    }

    [TestMethod]
    public void GroupAndAddMask_ArbitraryText_RunnerParsesExactlyThatOneCommand() =>
        PropertyRun.Check(Hostile.Text, text =>
        {
            var group = ParseOne(GitHubCommand.Group(text), "group");
            Assert.AreEqual(PropertyRun.Show(LogText.BreakLegacyCommands(text)), PropertyRun.Show(group.Data));
            Assert.IsEmpty(group.Properties);
            string mask;
            try
            {
                mask = GitHubCommand.AddMask(text);
            }
            catch (ArgumentException)
            {
                Assert.IsTrue(string.IsNullOrWhiteSpace(text));
                return PropertyRun.Outcome.Refused;
            }

            var parsed = ParseOne(mask, "add-mask");
            Assert.AreEqual(PropertyRun.Show(text), PropertyRun.Show(parsed.Data), "the runner masks exactly the secret");
            return PropertyRun.Outcome.Carried;
        });

    [TestMethod]
    public void Annotations_ArbitraryFindings_OneIntendedCommandPerAnnotationWithinTheBudget()
    {
        var workspace = Gen.Frequency((4, Gen.OneOf<string?>(Hostile.Workspace, Hostile.Workspace + "/")), (1, Gen.OneOf<string?>(null, "", " ")), (1, Hostile.Text.Select(t => (string?)t)));
        PropertyRun.Check(Gen.Select(Hostile.AnyFinding.Array[0, 30], workspace), c =>
        {
            var (findings, root) = c;
            var batch = GitHubAnnotations.Render(findings, root);
            Assert.HasCount(batch.Annotated.Count, batch.Lines);
            Assert.AreEqual(findings.Length, batch.Annotated.Count + batch.NotAnnotated);
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Notice })
            {
                Assert.IsLessThanOrEqualTo(GitHubAnnotations.MaxPerType, batch.Annotated.Count(f => f.Severity == severity));
            }

            for (var i = 0; i < batch.Lines.Count; i++)
            {
                var finding = batch.Annotated[i];
                var parsed = ParseOne(batch.Lines[i], finding.SeverityName);
                foreach (var key in parsed.Properties.Keys)
                {
                    Assert.Contains(key, (string[])["file", "line", "col", "title"]);
                }

                Assert.IsLessThanOrEqualTo(GitHubAnnotations.MaxMessageLength, parsed.Data.Length);
                Assert.IsFalse(parsed.Data.Any(ch => char.IsControl(ch) && ch is not ('\n' or '\t')), "control characters reach the annotation");
                var title = Visible(string.IsNullOrEmpty(finding.Variable) ? finding.RuleId : finding.RuleId + " " + finding.Variable);
                // Modulo the runner quirks GitHubCommand documents (a leading '=' and the last property's trailing white space
                // dropped; an empty property is not sent).
                var seenTitle = parsed.Properties.TryGetValue("title", out var t) ? t : "";
                Assert.AreEqual(PropertyRun.Show(title.TrimStart('=').Trim()), PropertyRun.Show(seenTitle.TrimStart('=').Trim()));
                if (!parsed.Data.EndsWith('…'))
                {
                    Assert.Contains(Visible(finding.Message), parsed.Data, "the message reaches the annotation exactly once shown");
                }

                if (parsed.Properties.TryGetValue("file", out var file))
                {
                    Assert.IsFalse(file.StartsWith('/') || file.Split('/').Contains(".."), $"{PropertyRun.Show(file)} is not workspace-relative");
                }
            }

            return PropertyRun.Outcome.Carried;
        });
    }

    /// <summary>The line must reach the runner as one line that is exactly the intended command.</summary>
    private static GitHubCommandLine ParseOne(string line, string name)
    {
        var lines = GitHubRunner.ReadLines(line);
        Assert.HasCount(1, lines, $"{PropertyRun.Show(line)} is read as several lines");
        Assert.IsTrue(GitHubRunner.TryParseCommand(lines[0], out var parsed), $"{PropertyRun.Show(line)} is not a command");
        Assert.AreEqual(name, parsed.Command);
        return parsed;
    }

    /// <summary>
    /// The annotation text as documented: line breaks (ReplaceLineEndings) as LF, other control characters but tab
    /// as visible escapes, and the legacy `##[`/`##vso[` markers broken.
    /// </summary>
    private static string Visible(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.ReplaceLineEndings("\n"))
        {
            sb.Append(!char.IsControl(ch) || ch is '\n' or '\t' ? ch.ToString() : ch == '\u001b' ? "\\e" : $"\\u{(int)ch:x4}");
        }

        return LogText.BreakLegacyCommands(sb.ToString());
    }

    private static Gen<KeyValuePair<string, string>[]> Records(Gen<string> names) =>
        Gen.Select(names, Hostile.Value, (n, v) => new KeyValuePair<string, string>(n, v)).Array[0, 4];

    private static Func<string> Cycle(string[] delimiters)
    {
        var i = 0;
        return () => delimiters[i++ % delimiters.Length];
    }

    /// <summary>
    /// Appends to a runner file that already holds a record; a refusal must leave it as it was, an append must give
    /// the runner exactly the old record and then the new ones, in order, with nothing in between.
    /// </summary>
    private static PropertyRun.Outcome Append(KeyValuePair<string, string>[] records, Action<string, IReadOnlyList<KeyValuePair<string, string>>> append)
    {
        var path = NewRunnerFile(Preexisting);
        try
        {
            try
            {
                append(path, records);
            }
            catch (GitHubFileCommandException)
            {
                Assert.AreEqual(Preexisting, File.ReadAllText(path), "a refusal leaves the file as it was");
                return PropertyRun.Outcome.Refused;
            }

            var seen = GitHubRunner.ParseEnvFileRecords(File.ReadAllText(path));
            var expected = records.Select(r => (Key: r.Key, Value: r.Value)).Prepend((Key: "PRE", Value: "1")).ToList();
            Assert.AreEqual(PropertyRun.Show(expected.Select(r => r.Key)), PropertyRun.Show(seen.Select(r => r.Name)), "the runner reads other names");
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.AreEqual(PropertyRun.Show(expected[i].Value), PropertyRun.Show(seen[i].Value), $"{expected[i].Key}: the runner reads another value");
            }

            return PropertyRun.Outcome.Carried;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string NewRunnerFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), "goenv-property-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }
}
