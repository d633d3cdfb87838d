namespace GoEnv.Core.Go;

internal static class GoStrings
{
    /// <summary>Go's %q for the text GoEnv quotes: backslash, quote and the control characters a setting may carry.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal) + "\"";

    /// <summary>strings.TrimSpace's ASCII white space (the Unicode ones are rare enough in env values to match too).</summary>
    public static readonly char[] AsciiSpace = [' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0'];

    /// <summary>strconv.ParseBool: 1, t, T, TRUE, true, True / 0, f, F, FALSE, false, False; anything else is null.</summary>
    public static bool? ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>A boolean flag's word is on: bare (-name) or with a value ParseBool takes as true.</summary>
    public static bool IsOn(string? flagValue) => flagValue is null || ParseBool(flagValue) == true;

    /// <summary>cmd/go's base.ShortPath: the path relative to the working directory when that is shorter.</summary>
    public static string ShortPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.Length < path.Length ? relative : path;
    }
}
