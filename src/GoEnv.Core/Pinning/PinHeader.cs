namespace GoEnv.Core.Pinning;

/// <summary>
/// The header comment `# goenv pin: go1.22.12 sha256:&lt;hash&gt;` shared by the sh, pwsh and go-env formats ('#' starts
/// a comment in all three; Go skips any line not starting with A–Z), and the dotenv stand-in variable.
/// </summary>
internal static class PinHeader
{
    public const string CommentPrefix = "# goenv pin: ";

    private const string HashMarker = " sha256:";

    /// <summary>
    /// GitLab's dotenv parser fails the whole artifact on a comment or a blank line, so dotenv carries the hash as
    /// its first variable instead.
    /// </summary>
    public const string DotenvHashVariable = "GOENV_PIN_SHA256";

    /// <summary>
    /// GitLab dotenv only: the comma-separated names pinned to the empty value, folded into one variable when the
    /// file would otherwise pass GitLab's variable limit (Ci.GitLab.DotenvBudget). `verify` expands it.
    /// </summary>
    public const string DotenvEmptyVariable = "GOENV_PIN_EMPTY";

    public static string Comment(PinnedEnvironment env) => CommentPrefix + env.GoVersion + HashMarker + env.ContentHash();

    /// <summary>Reads a header comment line; false for any other line.</summary>
    public static bool TryParse(string line, out string goVersion, out string sha256)
    {
        goVersion = "";
        sha256 = "";
        if (!line.StartsWith(CommentPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // The version text may contain spaces ("devel go1.27-abc Tue …"), the hash never does: split at the last marker.
        var rest = line[CommentPrefix.Length..];
        var marker = rest.LastIndexOf(HashMarker, StringComparison.Ordinal);
        if (marker <= 0)
        {
            return false;
        }

        goVersion = rest[..marker];
        sha256 = rest[(marker + HashMarker.Length)..];
        return true;
    }
}
