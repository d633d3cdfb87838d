using System.Text;
using GoEnv.Core.Findings;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Reporting;

/// <summary>The rule reference: `goenv-action explain ID` and docs/rules.md (generated, and checked by a test).</summary>
public static class RuleDocs
{
    public static string Explain(Rule rule) =>
        $"{rule.Id}: {rule.Title}\n" +
        $"severity: {SeverityName(rule.DefaultSeverity)}\n" +
        (rule.Variable is null ? "" : $"variable: {rule.Variable}\n") +
        $"go versions: {rule.Versions}\n\n" +
        $"{rule.Description}\n\n" +
        $"fix: {rule.Fix}\n";

    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# GoEnv rules\n\n");
        sb.Append("Generated from the rule catalog (`goenv-action explain --all --markdown`); a test keeps this file in step with the code.\n");
        sb.Append("Severity: **error** = Go will fail; **warning** = works, but unsafe or not reproducible; **notice** = worth knowing.\n\n");
        sb.Append("| id | title | severity | variable |\n|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All)
        {
            sb.Append($"| [{rule.Id}](#{rule.Id.ToLowerInvariant()}) | {rule.Title.Replace("|", "\\|", StringComparison.Ordinal)} | {SeverityName(rule.DefaultSeverity)} | {rule.Variable ?? "—"} |\n");
        }

        foreach (var rule in RuleCatalog.All)
        {
            sb.Append($"\n## {rule.Id}\n\n**{rule.Title}** — {SeverityName(rule.DefaultSeverity)}");
            if (rule.Variable is not null)
            {
                sb.Append($", `{rule.Variable}`");
            }

            sb.Append($"; Go versions: {rule.Versions}.\n\n{rule.Description}\n\n**Fix:** {rule.Fix}\n");
        }

        return sb.ToString();
    }

    private static string SeverityName(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "notice",
    };
}
