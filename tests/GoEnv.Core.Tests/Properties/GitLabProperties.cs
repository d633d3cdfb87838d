using System.Text.RegularExpressions;
using CsCheck;
using GoEnv.Core.Ci;
using GoEnv.Core.Ci.GitLab;
using GoEnv.Core.Pinning;
using GoEnv.Core.Reporting;
using GoEnv.Tests.Ci;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// GitLab's consumers (the dotenv artifact parser with its limits, the Code Quality parser, the job-log renderer) see
/// exactly what GoEnv meant for arbitrary input, or GoEnv refuses: never another variable, entry or section.
/// </summary>
[TestClass]
public sealed class GitLabProperties
{
    [TestMethod]
    public void DotenvBudget_ArbitraryEnvironmentAndLimits_FitIsAcceptedByGitLabAndCarriesExactValuesOrRefused()
    {
        var values = Gen.Frequency((3, Gen.Const("")), (3, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-./,:=_"], 1, 60]), (1, Hostile.Value));
        var variables = Gen.Select(Gen.Frequency((3, Hostile.GoName), (2, Hostile.ValidName)), values, (n, v) => new KeyValuePair<string, string>(n, v)).Array[0, 30];
        PropertyRun.Check(Gen.Select(variables, Gen.Int[1, 25], Gen.Int[1, 6_000]), c =>
        {
            var (pairs, maxVariables, maxBytes) = c;
            PinnedEnvironment env;
            DotenvFit fit;
            try
            {
                env = new PinnedEnvironment("go1.22.12", pairs);
                fit = DotenvBudget.Fit(env, maxVariables, maxBytes);
            }
            catch (Exception e) when (e is ArgumentException or DotenvBudgetException)
            {
                return PropertyRun.Outcome.Refused;
            }

            var bytes = EnvFileWriter.Render(fit.Environment, EnvFileFormat.Dotenv, out var problems);
            if (problems.Count > 0)
            {
                Assert.AreSame(env, fit.Environment, "an environment the writer refuses is handed back unchanged");
                return PropertyRun.Outcome.Refused;
            }

            // GitLab's own limits: the file must be smaller than dotenv_size, with at most dotenv_variables variables.
            var seen = GitLabParsers.ParseDotenv(bytes, sizeLimit: maxBytes + 1, variableLimit: maxVariables);
            Assert.AreEqual(
                PropertyRun.Show(fit.Environment.Variables.Keys.Append(PinHeader.DotenvHashVariable).Order(StringComparer.Ordinal)),
                PropertyRun.Show(seen.Keys.Order(StringComparer.Ordinal)));
            foreach (var (name, value) in fit.Environment.Variables)
            {
                if (name == DotenvBudget.EmptyVariable)
                {
                    CollectionAssert.AreEqual(fit.Folded.ToList(), seen[name].Split(',').ToList());
                    Assert.IsTrue(fit.Folded.All(f => env.Variables[f].Length == 0), "only empty values are folded");
                }
                else
                {
                    Assert.AreEqual(env.Variables[name], seen[name], $"{name} changed value");
                }
            }

            var accounted = fit.Environment.Variables.Keys.Where(k => k != DotenvBudget.EmptyVariable).Concat(fit.Folded).Concat(fit.Dropped).Order(StringComparer.Ordinal);
            Assert.AreEqual(PropertyRun.Show(env.Variables.Keys), PropertyRun.Show(accounted), "every variable is kept, folded or dropped, once");
            Assert.IsFalse(fit.Dropped.Intersect(DotenvBudget.NeverDropped).Any(), "a never-dropped variable was dropped");
            return PropertyRun.Outcome.Carried;
        });
    }

    [TestMethod]
    public void CodeQuality_ArbitraryFindings_GitLabKeepsExactlyOneEntryPerFinding()
    {
        var fallback = Gen.Frequency((3, Gen.Const(".gitlab-ci.yml")), (1, Hostile.Text));
        PropertyRun.Check(Gen.Select(Hostile.AnyFinding.Array[0, 12], fallback), c =>
        {
            var (findings, fallbackPath) = c;
            var entries = GitLabParsers.ParseCodeQuality(CodeQualityReport.Render(findings, Hostile.Workspace, fallbackPath));

            // The documented refusal: an entry GoEnv cannot place (a file whose repository-relative path is white space)
            // is left out alone rather than written invalid.
            var placed = findings.Where(f => !(ReportText.RepositoryRelative(f.File, Hostile.Workspace) is { } r && string.IsNullOrWhiteSpace(r))).ToList();
            Assert.HasCount(placed.Count, entries, "GitLab keeps another number of entries than there are findings");
            Assert.HasCount(placed.Count, entries.Select(e => e.GetProperty("fingerprint").GetString()).Distinct().ToList(), "two entries share a fingerprint (GitLab would merge them)");
            for (var i = 0; i < placed.Count; i++)
            {
                var entry = entries[i];
                Assert.AreEqual(CodeQualityReport.SeverityOf(placed[i].Severity), entry.GetProperty("severity").GetString());
                var message = ReportText.JsonSafe(placed[i].Message).Trim();
                Assert.Contains(message, entry.GetProperty("description").GetString()!);
                var path = entry.GetProperty("location").GetProperty("path").GetString()!;
                if (path != ReportText.JsonSafe(fallbackPath) && path != CodeQualityReport.DefaultFallbackPath)
                {
                    // The fallback (the CI configuration file, CI_CONFIG_PATH) is the caller's; a finding's own file must be inside.
                    Assert.IsFalse(path.StartsWith('/') || path.Split('/').Contains(".."), $"{PropertyRun.Show(path)} is not repository-relative");
                }
                Assert.IsGreaterThanOrEqualTo(1, entry.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32());
            }

            return placed.Count == findings.Length ? PropertyRun.Outcome.Carried : PropertyRun.Outcome.Refused;
        });
    }

    [TestMethod]
    public void Sections_ArbitraryHeader_RendererSeesExactlyOurSectionAndTheHeaderAsOneLine()
    {
        var names = Gen.Frequency((4, Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_.-"], 1, 12]), (1, Hostile.Text));
        var times = Gen.Frequency((4, Gen.Long[0, 4_000_000_000]), (1, Gen.Long[long.MinValue, long.MaxValue]));
        PropertyRun.Check(Gen.Select(names, Hostile.Text, times, Gen.Bool), c =>
        {
            var (name, header, time, collapsed) = c;
            string start, end;
            try
            {
                start = GitLabSections.Start(name, header, time, collapsed);
                end = GitLabSections.End(name, time);
            }
            catch (ArgumentException)
            {
                return PropertyRun.Outcome.Refused;
            }

            var log = GitLabParsers.RenderLog(start + "body\n" + end);
            var folded = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]", "-");
            CollectionAssert.AreEqual(new[] { "start:" + folded + (collapsed ? "[collapsed=true]" : ""), "end:" + folded }, log.Events.ToList(), PropertyRun.Show(log.Events));
            var shown = LogText.Line(header);
            var expected = shown.Length == 0 ? new[] { "body" } : [shown, "body"];
            CollectionAssert.AreEqual(expected, log.Lines.Select(l => l.Text).ToList(), PropertyRun.Show(log.Lines.Select(l => l.Text)));
            Assert.IsTrue(log.Lines.All(l => l.Sections.SequenceEqual([folded])), "a line outside our section");
            return PropertyRun.Outcome.Carried;
        });
    }
}
