using GoEnv.Core.Findings;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>
/// Colours for GitLab's job log. Its renderer interprets SGR (`ESC[…m`) only, and of that only 8/16 colours,
/// 256 colours, bold, italic, underline, conceal, strike and the resets; 24-bit colour is ignored
/// (ci-protocols.md §3.6, lib/gitlab/ci/ansi2json/parser.rb). So: 31;1 red bold for errors, 33;1 yellow bold for
/// warnings, 36 cyan for notices, and 0 to reset.
/// </summary>
public static class GitLabAnsi
{
    public const string Reset = "\u001b[0m";

    /// <summary>
    /// One coloured log line. The text goes through <see cref="LogText.Line"/> first (it is idempotent, so
    /// already sanitised text is unchanged): an ESC, CR or LF inside could otherwise recolour or erase the line.
    /// </summary>
    public static string Paint(string text, Severity severity) => Sgr(severity) + LogText.Line(text) + Reset;

    /// <summary>The opening SGR sequence for a severity.</summary>
    public static string Sgr(Severity severity) => severity switch
    {
        Severity.Error => "\u001b[31;1m",
        Severity.Warning => "\u001b[33;1m",
        _ => "\u001b[36m",
    };
}
