namespace GoEnv.Core.Go;

/// <summary>
/// GOPROXY as cmd/go's modfetch.proxyList reads it: cut at ',' (fall back on 404/410) or '|' (fall back on any
/// error), every entry TrimSpace'd, empty entries skipped, "off"/"direct" end the list, a word with '.', ':' or '/'
/// but no ":/" and not an absolute path gets "https://", and each URL must have scheme https, http or file.
/// </summary>
public static class GoProxyList
{
    /// <summary>Module proxies anyone can use (they learn every path asked of them, and can serve only public modules).</summary>
    private static readonly string[] s_publicProxyHosts = ["proxy.golang.org", "goproxy.io", "goproxy.cn", "proxy.golang.com.cn", "mirrors.aliyun.com", "goproxy.baidu.com", "mirrors.tencent.com", "gocenter.io"];

    /// <summary>The GOPROXY entry's URL is a public proxy's.</summary>
    public static bool IsPublicProxy(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && s_publicProxyHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);

    public static GoProxyParseResult Parse(string value)
    {
        var entries = new List<GoProxyEntry>();
        var rest = value;
        while (rest.Length > 0)
        {
            string url;
            var fallBackOnError = false;
            var i = rest.IndexOfAny([',', '|']);
            if (i >= 0)
            {
                url = rest[..i];
                fallBackOnError = rest[i] == '|';
                rest = rest[(i + 1)..];
            }
            else
            {
                url = rest;
                rest = "";
            }

            url = url.Trim(GoStrings.AsciiSpace);
            if (url.Length == 0)
            {
                continue;
            }

            if (url is "off" or "direct")
            {
                entries.Add(new GoProxyEntry(url, url, fallBackOnError));
                return new GoProxyParseResult(entries, null, rest.Trim(GoStrings.AsciiSpace).Length > 0 ? rest : null);
            }

            var effective = url;
            if (url.IndexOfAny(['.', ':', '/']) >= 0 && !url.Contains(":/", StringComparison.Ordinal) && !IsAbsolutePath(url))
            {
                effective = "https://" + url;
            }

            var error = CheckUrl(effective);
            if (error is not null)
            {
                return new GoProxyParseResult(entries, error, null);
            }

            entries.Add(new GoProxyEntry(url, effective, fallBackOnError));
        }

        return entries.Count == 0
            ? new GoProxyParseResult(entries, "GOPROXY list is not the empty string, but contains no entries", null)
            : new GoProxyParseResult(entries, null, null);
    }

    // filepath.IsAbs on Unix and path.IsAbs: a leading '/'. (On Windows also "C:\"; cmd/go checks both.)
    private static bool IsAbsolutePath(string s) => s.StartsWith('/') || (s.Length >= 3 && char.IsAsciiLetter(s[0]) && s[1] == ':' && s[2] is '\\' or '/');

    /// <summary>newProxyRepo's checks, with url.Parse's scheme rules (scheme lower-cased).</summary>
    private static string? CheckUrl(string raw)
    {
        var (scheme, rest, parseError) = GoUrl.SplitScheme(raw);
        if (parseError is not null)
        {
            return $"parse \"{raw}\": {parseError}";
        }

        switch (scheme)
        {
            case "http" or "https":
                return GoUrl.CheckAuthority(raw, rest);
            case "file":
                // Only scheme and path: "file:///abs/path". "file:/x" (no authority), a host, user-info, a query
                // or a fragment are "non-path elements".
                if (!rest.StartsWith("///", StringComparison.Ordinal) || rest.IndexOfAny(['?', '#']) >= 0)
                {
                    return $"invalid file:// proxy URL with non-path elements: {raw}";
                }

                return null;
            case "":
                return $"invalid proxy URL missing scheme: {raw}";
            default:
                return $"invalid proxy URL scheme (must be https, http, file): {raw}";
        }
    }
}
