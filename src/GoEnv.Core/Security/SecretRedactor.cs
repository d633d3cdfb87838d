using System.Text.RegularExpressions;

namespace GoEnv.Core.Security;

/// <summary>
/// Removes credentials from text before it can reach any output. Two layers:
/// URL user-info (`scheme://user:secret@host` → `scheme://user:***@host`, `scheme://token@host` → `scheme://***@host`),
/// and every secret learned from the environment replaced wherever it appears, even outside a URL
/// (Go's own messages, file contents echoed back, a secret split from its URL by a parser).
/// Besides URL user-info, values are searched for the token formats GitHub and GitLab document (their fixed
/// prefixes make them recognisable anywhere, e.g. a GOPRIVATE pattern `corp.example.com/ghp_…` pasted by mistake).
/// </summary>
public sealed partial class SecretRedactor
{
    public const string Mask = "***";

    private readonly List<string> _secrets = [];

    /// <summary>Secrets shorter than this are not replaced as free text: they would mask ordinary words.</summary>
    private const int MinimumFreeTextSecretLength = 4;

    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>Learns the secrets inside a value (URL user-info), so they are masked wherever they appear later.</summary>
    public void LearnFrom(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        foreach (Match m in TokenPattern().Matches(value))
        {
            Add(m.Value);
        }

        if (!value.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match m in UserInfoPattern().Matches(value))
        {
            var userInfo = m.Groups["userinfo"].Value;
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var secret = colon >= 0 ? userInfo[(colon + 1)..] : userInfo;
            Add(secret);
            if (secret != Uri.UnescapeDataString(secret))
            {
                Add(Uri.UnescapeDataString(secret));
            }
        }
    }

    /// <summary>Learns a secret met outside a variable (a .netrc password, an extra header's value): masked wherever it appears.</summary>
    public void LearnSecret(string secret) => Add(secret);

    /// <summary>
    /// Learns the secrets in a command line's arguments (GOCACHEPROG, GOAUTH): the value of every flag whose name
    /// speaks of one (token, secret, password, key, auth, credential), inline (--token=X) or as the next argument.
    /// </summary>
    public void LearnFromArguments(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            LearnFrom(argument);
            if (!argument.StartsWith('-'))
            {
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? argument : argument[..equals];
            if (!SecretFlagName().IsMatch(name))
            {
                continue;
            }

            if (equals >= 0)
            {
                Add(argument[(equals + 1)..]);
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith('-'))
            {
                Add(arguments[i + 1]);
            }
        }
    }

    private void Add(string secret)
    {
        if (secret.Length >= MinimumFreeTextSecretLength && !_secrets.Contains(secret, StringComparer.Ordinal))
        {
            _secrets.Add(secret);
            // Longest first, so a secret that contains another is masked whole.
            _secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
        }
    }

    /// <summary>True when the value carries credentials in a URL.</summary>
    public static bool HasCredentials(string? value) => !string.IsNullOrEmpty(value) && UserInfoPattern().IsMatch(value);

    /// <summary>The text with every URL's user-info masked (`scheme://user:***@host`, `scheme://***@host`).</summary>
    public static string MaskUserInfo(string text) =>
        text.Contains('@', StringComparison.Ordinal)
            ? UserInfoPattern().Replace(text, m =>
            {
                var userInfo = m.Groups["userinfo"].Value;
                var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
                var kept = colon >= 0 ? userInfo[..colon] + ":" + Mask : Mask;
                return m.Groups["scheme"].Value + "://" + kept + "@";
            })
            : text;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        var result = MaskUserInfo(text);
        foreach (var secret in _secrets)
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return result;
    }

    // scheme://userinfo@ — userinfo stops at characters that cannot be in it unescaped (RFC 3986 §3.2.1),
    // so "a@b" in free text or "@" in a path is not taken for credentials. The lookbehind lets a scheme start only
    // at the first letter of a run of scheme characters (where the leftmost match starts anyway): without it, every
    // letter of a long run is tried as a start and scanned to the run's end, quadratic in the value's length
    // (6 s for a 256 KiB GOPRIVATE).
    [GeneratedRegex(@"(?<=(?:^|[^A-Za-z0-9+.\-])[0-9+.\-]*)(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?<userinfo>[^/?#@\s,|]+)@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPattern();

    // GitHub: ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62 characters, github_pat_ + 82 ("Behind GitHub's new authentication
    // token formats", github.blog 2021-04-05; fine-grained PATs 2022-10-18). GitLab: glpat- and the other gl*- prefixes
    // of its token-prefix table (docs.gitlab.com/security/tokens), 20 or more characters. Lower bounds, not exact
    // lengths: a longer token must still be masked whole.
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}|gl(?:pat|dt|rt|cbt|ptt|ft|imt|oas|soat|agent)-[A-Za-z0-9_\-]{20,})", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    [GeneratedRegex("token|secret|passw|key|auth|credential|bearer", RegexOptions.IgnoreCase)]
    private static partial Regex SecretFlagName();
}
