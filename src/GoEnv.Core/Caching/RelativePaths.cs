namespace GoEnv.Core.Caching;

/// <summary>
/// Paths relative to a root with '/' separators, for thousands of go.sum files: Path.GetRelativePath normalises
/// both sides every time (a sixth of `pin` on a 5,000-module workspace), while these paths are almost always
/// already normalised and under the root, where cutting the prefix gives the same answer.
/// </summary>
internal static class RelativePaths
{
    public static string Of(string root, string fullPath)
    {
        var trimmed = Path.TrimEndingDirectorySeparator(root);
        if (fullPath.Length > trimmed.Length + 1
            && fullPath.StartsWith(trimmed, StringComparison.Ordinal)
            && fullPath[trimmed.Length] == Path.DirectorySeparatorChar
            && IsNormalised(fullPath.AsSpan(trimmed.Length)))
        {
            return fullPath[(trimmed.Length + 1)..].Replace('\\', '/');
        }

        return Path.GetRelativePath(root, fullPath).Replace('\\', '/');
    }

    /// <summary>
    /// True when <paramref name="relative"/>, a Path.GetRelativePath result, leaves its root: "..", "../x" (also
    /// "..\x" where '\' separates, on Windows), or a rooted path (another drive or share). "." is the root itself.
    /// </summary>
    public static bool LeavesRoot(string relative) =>
        relative == ".." || relative.StartsWith("../", StringComparison.Ordinal)
        || (Path.DirectorySeparatorChar == '\\' && relative.StartsWith("..\\", StringComparison.Ordinal))
        || Path.IsPathRooted(relative);

    /// <summary>No empty, "." or ".." segment (and so nothing GetRelativePath would rewrite).</summary>
    private static bool IsNormalised(ReadOnlySpan<char> tail)
    {
        var separator = Path.DirectorySeparatorChar;
        while (tail.Length > 0)
        {
            tail = tail[1..];
            var end = tail.IndexOf(separator);
            var part = end < 0 ? tail : tail[..end];
            if (part.Length == 0 || part is "." or ".." || (separator == '\\' && part.Contains('/')))
            {
                return false;
            }

            tail = end < 0 ? [] : tail[end..];
        }

        return true;
    }
}
