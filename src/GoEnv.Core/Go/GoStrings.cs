namespace GoEnv.Core.Go;

internal static class GoStrings
{
    /// <summary>strings.TrimSpace's ASCII white space (the Unicode ones are rare enough in env values to match too).</summary>
    public static readonly char[] AsciiSpace = [' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0'];

    /// <summary>cmd/go's base.ShortPath: the path relative to the working directory when that is shorter.</summary>
    public static string ShortPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.Length < path.Length ? relative : path;
    }
}
