namespace GoEnv.Core.Go;

/// <summary>
/// GOPRIVATE / GONOPROXY / GONOSUMDB / GOINSECURE: a comma list of path.Match globs matched against path-element
/// prefixes of a module path (golang.org/x/mod/module.MatchPrefixPatterns). No trimming, case-sensitive, and a
/// malformed glob silently never matches.
/// </summary>
public static class ModulePathPatterns
{
    public static IReadOnlyList<string> Split(string globs) => globs.Split(',');

    public static bool Matches(string globs, string target)
    {
        foreach (var raw in globs.Split(','))
        {
            var glob = raw.EndsWith('/') ? raw[..^1] : raw;
            if (glob.Length == 0)
            {
                continue;
            }

            var n = glob.Count(c => c == '/');
            var prefix = target;
            for (var i = 0; i < target.Length; i++)
            {
                if (target[i] == '/')
                {
                    if (n == 0)
                    {
                        prefix = target[..i];
                        break;
                    }

                    n--;
                }
            }

            if (n > 0)
            {
                continue;
            }

            if (PathMatch(glob, prefix) == true)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why Go would silently never match this glob, or null when it is a sound pattern.</summary>
    public static string? Problem(string glob)
    {
        if (glob.Length == 0)
        {
            return null;
        }

        if (glob != glob.Trim())
        {
            return "has white space around it, which Go does not trim, so it never matches a module path";
        }

        if (glob.Contains("://", StringComparison.Ordinal))
        {
            return "is a URL; patterns match module paths (e.g. github.com/org), so it never matches";
        }

        if (PathMatch(glob, "") is null)
        {
            return "is not a valid path.Match pattern (Go ignores it silently)";
        }

        if (glob.Any(char.IsWhiteSpace))
        {
            return "contains white space, which no module path has";
        }

        return null;
    }

    /// <summary>Go's path.Match; null for a malformed pattern (ErrBadPattern), which Go checks over the whole pattern.</summary>
    public static bool? PathMatch(string pattern, string name)
    {
        if (!IsValidPattern(pattern))
        {
            return null;
        }

        return Match(pattern, name);
    }

    /// <summary>
    /// Go's path.Match algorithm for a valid pattern: the pattern is cut into chunks, each after a run of stars; a
    /// chunk is matched at the current position, else (after a star) at the first later position before a '/' where
    /// it matches — Go never backtracks into an earlier chunk, so this is O(pattern × name) like Go's, where a full
    /// backtracking search grew combinatorially with the stars ("*a*a*a…" against a long name took seconds).
    /// </summary>
    private static bool Match(string p, string s)
    {
        var pi = 0;
        var si = 0;
        while (pi < p.Length)
        {
            var star = false;
            while (pi < p.Length && p[pi] == '*')
            {
                pi++;
                star = true;
            }

            var chunkEnd = ChunkEnd(p, pi);
            if (star && chunkEnd == pi)
            {
                // A trailing star matches the rest of the name unless it has a '/'.
                return s.IndexOf('/', si) < 0;
            }

            // The last chunk must use up the name; an earlier one leaves the rest to the chunks after it.
            var last = chunkEnd == p.Length;
            if (MatchChunk(p, pi, chunkEnd, s, si, out var rest) && (rest == s.Length || !last))
            {
                (pi, si) = (chunkEnd, rest);
                continue;
            }

            var found = false;
            for (var i = si; star && !found && i < s.Length && s[i] != '/'; i++)
            {
                if (MatchChunk(p, pi, chunkEnd, s, i + 1, out rest) && !(last && rest < s.Length))
                {
                    (pi, si, found) = (chunkEnd, rest, true);
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return si == s.Length;
    }

    /// <summary>Where the chunk starting at <paramref name="from"/> ends: at the next '*' outside a character class (Go's scanChunk).</summary>
    private static int ChunkEnd(string p, int from)
    {
        var inRange = false;
        for (var i = from; i < p.Length; i++)
        {
            switch (p[i])
            {
                case '\\':
                    if (i + 1 < p.Length)
                    {
                        i++;
                    }

                    break;
                case '[':
                    inRange = true;
                    break;
                case ']':
                    inRange = false;
                    break;
                case '*' when !inRange:
                    return i;
            }
        }

        return p.Length;
    }

    /// <summary>Whether the star-free chunk p[pi..end) matches the name at si; <paramref name="rest"/> is where the name continues.</summary>
    private static bool MatchChunk(string p, int pi, int end, string s, int si, out int rest)
    {
        rest = si;
        while (pi < end)
        {
            var c = p[pi];
            switch (c)
            {
                case '?':
                    if (si >= s.Length || s[si] == '/')
                    {
                        return false;
                    }

                    pi++;
                    si++;
                    break;
                case '[':
                    if (si >= s.Length || s[si] == '/')
                    {
                        return false;
                    }

                    var ch = s[si];
                    pi++;
                    var negated = pi < p.Length && p[pi] == '^';
                    if (negated)
                    {
                        pi++;
                    }

                    var matched = false;
                    var nrange = 0;
                    while (true)
                    {
                        if (pi < p.Length && p[pi] == ']' && nrange > 0)
                        {
                            pi++;
                            break;
                        }

                        var lo = ReadEscaped(p, ref pi);
                        var hi = lo;
                        if (pi < p.Length && p[pi] == '-')
                        {
                            pi++;
                            hi = ReadEscaped(p, ref pi);
                        }

                        if (lo <= ch && ch <= hi)
                        {
                            matched = true;
                        }

                        nrange++;
                    }

                    if (matched == negated)
                    {
                        return false;
                    }

                    si++;
                    break;
                case '\\':
                    pi++;
                    goto default;
                default:
                    if (si >= s.Length || s[si] != p[pi])
                    {
                        return false;
                    }

                    pi++;
                    si++;
                    break;
            }
        }

        rest = si;
        return true;
    }

    private static char ReadEscaped(string p, ref int pi)
    {
        if (p[pi] == '\\')
        {
            pi++;
        }

        return p[pi++];
    }

    /// <summary>The pattern grammar of path.Match: '[' needs a closing ']' and a non-empty range list; '\\' needs a character.</summary>
    private static bool IsValidPattern(string p)
    {
        var i = 0;
        while (i < p.Length)
        {
            switch (p[i])
            {
                case '\\':
                    if (i + 1 >= p.Length)
                    {
                        return false;
                    }

                    i += 2;
                    break;
                case '[':
                    i++;
                    if (i < p.Length && p[i] == '^')
                    {
                        i++;
                    }

                    var nrange = 0;
                    while (true)
                    {
                        if (i < p.Length && p[i] == ']' && nrange > 0)
                        {
                            i++;
                            break;
                        }

                        if (!ValidEscaped(p, ref i))
                        {
                            return false;
                        }

                        if (i < p.Length && p[i] == '-')
                        {
                            i++;
                            if (!ValidEscaped(p, ref i))
                            {
                                return false;
                            }
                        }

                        nrange++;
                    }

                    break;
                default:
                    i++;
                    break;
            }
        }

        return true;
    }

    private static bool ValidEscaped(string p, ref int i)
    {
        if (i >= p.Length || p[i] is '-' or ']')
        {
            return false;
        }

        if (p[i] == '\\')
        {
            i++;
            if (i >= p.Length)
            {
                return false;
            }
        }

        i++;
        return true;
    }
}
