using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Go;

/// <summary>
/// GOSUMDB as modfetch.dbDial reads it: "off", a known name, or a verifier key "name+hash+key", optionally followed by
/// one URL (strings.Fields). The key is checked exactly as golang.org/x/mod/sumdb/note.NewVerifier does.
/// </summary>
public static class GoSumDb
{
    /// <summary>The checksum database is the public one (sum.golang.org, also behind sum.golang.google.cn): it knows only public modules.</summary>
    public static bool IsPublic(string name) => name is "sum.golang.org" or "sum.golang.google.cn";

    /// <summary>Go's error text (as printed after "verifying module: "), or null when Go accepts it.</summary>
    public static string? Validate(string value, out string? url)
    {
        url = null;
        if (value == "off")
        {
            return null;
        }

        var gosumdb = value == "sum.golang.google.cn" ? "sum.golang.org https://sum.golang.google.cn" : value;
        var fields = gosumdb.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            return "missing GOSUMDB";
        }

        if (fields.Length > 2)
        {
            return "invalid GOSUMDB: too many fields";
        }

        // The built-in key is valid; checking it would only load the crypto library (~3 ms of a ~15 ms check).
        var name = "sum.golang.org";
        if (fields[0] != name && ValidateVerifierKey(fields[0], out name) is { } keyError)
        {
            return "invalid GOSUMDB: " + keyError;
        }

        if (name.EndsWith('/') || name.IndexOfAny(['?', '#', '@', ' ']) >= 0 || name.StartsWith('/') || name.Length == 0)
        {
            return $"invalid sumdb name (must be host[/path]): {name}";
        }

        if (fields.Length == 2)
        {
            url = fields[1];
            var (_, rest, error) = GoUrl.SplitScheme(url);
            if (error is not null)
            {
                return $"invalid GOSUMDB URL: parse \"{url}\": {error}";
            }

            var authority = GoUrl.CheckAuthority(url, rest);
            if (authority is not null)
            {
                return "invalid GOSUMDB URL: " + authority;
            }
        }

        return null;
    }

    /// <summary>note.NewVerifier: "malformed verifier id", "invalid verifier hash", "unknown verifier algorithm".</summary>
    public static string? ValidateVerifierKey(string vkey, out string name)
    {
        (name, var rest) = Chop(vkey, '+');
        var (hash16, key64) = Chop(rest, '+');
        byte[] key;
        try
        {
            key = Convert.FromBase64String(key64);
        }
        catch (FormatException)
        {
            return "malformed verifier id";
        }

        if (hash16.Length != 8 || !uint.TryParse(hash16, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var hash)
            || !IsValidName(name) || key.Length == 0 || !IsStdBase64(key64))
        {
            return "malformed verifier id";
        }

        if (hash != KeyHash(name, key))
        {
            return "invalid verifier hash";
        }

        if (key[0] != 1)
        {
            return "unknown verifier algorithm";
        }

        return key.Length - 1 != 32 ? "malformed verifier id" : null;
    }

    private static (string Head, string Tail) Chop(string s, char sep)
    {
        var i = s.IndexOf(sep, StringComparison.Ordinal);
        return i < 0 ? (s, "") : (s[..i], s[(i + 1)..]);
    }

    // Go's base64.StdEncoding is strict: padding required, no white space (Convert tolerates white space).
    private static bool IsStdBase64(string s) => s.Length % 4 == 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=');

    private static bool IsValidName(string name) => name.Length > 0 && !name.Any(char.IsWhiteSpace) && !name.Contains('+', StringComparison.Ordinal);

    private static uint KeyHash(string name, byte[] key)
    {
        var data = new byte[Encoding.UTF8.GetByteCount(name) + 1 + key.Length];
        var n = Encoding.UTF8.GetBytes(name, 0, name.Length, data, 0);
        data[n] = (byte)'\n';
        key.CopyTo(data, n + 1);
        var sum = SHA256.HashData(data);
        return (uint)(sum[0] << 24 | sum[1] << 16 | sum[2] << 8 | sum[3]);
    }
}
