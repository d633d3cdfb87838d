using System.Globalization;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>
/// GitLab's collapsible log sections (ci-protocols.md §3.5): `\e[0Ksection_start:&lt;unix&gt;:&lt;name&gt;[collapsed=true]\r\e[0K&lt;header&gt;`
/// and `\e[0Ksection_end:&lt;unix&gt;:&lt;name&gt;\r\e[0K`, each ending its own log line.
/// </summary>
/// <remarks>
/// GitLab's renderer (lib/gitlab/ci/ansi2json/converter.rb) recognises a marker anywhere in a line by
/// `section_(start|end):\d+:[a-zA-Z0-9_.-]+(\[k=v,…\])?\r\e\[0K` (lib/gitlab/regex.rb). The header is untrusted
/// (it may name a path or a value from the repository), so it goes through <see cref="LogText.Line"/>: a CR, LF or
/// ESC in it is shown as `\r`, `\n`, `\e`, so it can neither complete a forged marker (which needs a real
/// `\r\e[0K`), nor erase the line (a bare CR clears it), nor start a new one. GitLab folds names with
/// `downcase.gsub(/[^a-z0-9]/, '-')`, so `go.env` and `go-env` are the same section: callers keep names distinct
/// after that folding.
/// </remarks>
public static class GitLabSections
{
    private const string EraseLine = "\u001b[0K";

    public static string Start(string name, string header, long unixSeconds, bool collapsed = true)
    {
        CheckName(name);
        CheckTime(unixSeconds);
        // LogText.Line shows ESC, CR and LF as visible escapes, so the header cannot end the section line early.
        var safeHeader = LogText.Line(header);
        return EraseLine + "section_start:" + unixSeconds.ToString(CultureInfo.InvariantCulture) + ":" + name
            + (collapsed ? "[collapsed=true]" : "") + "\r" + EraseLine + safeHeader + "\n";
    }

    public static string End(string name, long unixSeconds)
    {
        CheckName(name);
        CheckTime(unixSeconds);
        return EraseLine + "section_end:" + unixSeconds.ToString(CultureInfo.InvariantCulture) + ":" + name + "\r" + EraseLine + "\n";
    }

    /// <summary>True for a name GitLab keeps as written: ^[a-z0-9_.-]+$ (upper case would be folded to lower case).</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '.' or '-');

    private static void CheckName(string name)
    {
        if (!IsValidName(name))
        {
            throw new ArgumentException($"'{LogText.Line(name)}' is not a GitLab section name (^[a-z0-9_.-]+$).", nameof(name));
        }
    }

    private static void CheckTime(long unixSeconds)
    {
        // The marker's timestamp is \d+: a negative number would make the whole marker plain text.
        ArgumentOutOfRangeException.ThrowIfNegative(unixSeconds);
    }
}
