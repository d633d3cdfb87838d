namespace GoEnv.Core.Go;

/// <summary>The parts of Go's net/url.Parse that decide whether cmd/go accepts a URL.</summary>
internal static class GoUrl
{
    /// <summary>url.getScheme: letters first, then letters, digits, '+', '-', '.' up to ':'; lower-cased.</summary>
    public static (string Scheme, string Remainder, string? Error) SplitScheme(string raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsAsciiLetter(c))
            {
                continue;
            }

            if (char.IsAsciiDigit(c) || c is '+' or '-' or '.')
            {
                if (i == 0)
                {
                    return ("", raw, null);
                }

                continue;
            }

            if (c == ':')
            {
                if (i == 0)
                {
                    return ("", raw, "missing protocol scheme");
                }

                return (raw[..i].ToLowerInvariant(), raw[(i + 1)..], null);
            }

            return ("", raw, null);
        }

        return ("", raw, null);
    }

    /// <summary>The host part must parse (a bracketed IPv6 literal closed, a numeric port).</summary>
    public static string? CheckAuthority(string raw, string rest)
    {
        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var authority = rest[2..];
        var end = authority.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            authority = authority[..end];
        }

        var at = authority.LastIndexOf('@');
        var host = at >= 0 ? authority[(at + 1)..] : authority;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return $"parse \"{raw}\": missing ']' in host";
            }

            host = host[(close + 1)..];
            if (host.Length > 0 && host[0] != ':')
            {
                return $"parse \"{raw}\": invalid port \"{host}\" after host";
            }
        }

        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !host[(colon + 1)..].All(char.IsAsciiDigit))
        {
            return $"parse \"{raw}\": invalid port \"{host[colon..]}\" after host";
        }

        return null;
    }
}
