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

        return Match(pattern, 0, name, 0, []);
    }

    /// <summary>
    /// Whether p[pi..] matches s[si..]. A failed (pi, si) is remembered: without that, each '*' retrying every split
    /// of the rest made "*a*a*a…*b" grow combinatorially with the stars (a dozen over 30 characters took 2.5 s), where
    /// Go's path.Match stays polynomial.
    /// </summary>
    private static bool Match(string p, int pi, string s, int si, HashSet<(int, int)> failed)
    {
        if (failed.Contains((pi, si)))
        {
            return false;
        }

        if (MatchFrom(p, pi, s, si, failed))
        {
            return true;
        }

        failed.Add((pi, si));
        return false;
    }

    private static bool MatchFrom(string p, int pi, string s, int si, HashSet<(int, int)> failed)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            switch (c)
            {
                case '*':
                    while (pi < p.Length && p[pi] == '*')
                    {
                        pi++;
                    }

                    if (pi == p.Length)
                    {
                        return s.IndexOf('/', si) < 0;
                    }

                    for (var k = si; k <= s.Length; k++)
                    {
                        if (Match(p, pi, s, k, failed))
                        {
                            return true;
                        }

                        if (k < s.Length && s[k] == '/')
                        {
                            return false;
                        }
                    }

                    return false;
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

        return si == s.Length;
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
