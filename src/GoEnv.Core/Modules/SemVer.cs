namespace GoEnv.Core.Modules;

/// <summary>golang.org/x/mod/semver's IsValid: v1, v1.2, v1.2.3, with -prerelease and +build on a full version.</summary>
public static class SemVer
{
    public static bool IsValid(string v)
    {
        if (v.Length < 2 || v[0] != 'v')
        {
            return false;
        }

        var i = 1;
        for (var part = 0; part < 3; part++)
        {
            if (!Number(v, ref i))
            {
                return false;
            }

            if (i == v.Length)
            {
                return true;
            }

            if (part < 2)
            {
                if (v[i] != '.')
                {
                    return false;
                }

                i++;
            }
        }

        // A full major.minor.patch may carry -prerelease and +build.
        if (v[i] == '-' && !Identifiers(v, ref i, numericNoLeadingZero: true))
        {
            return false;
        }

        if (i < v.Length && v[i] == '+' && !Identifiers(v, ref i, numericNoLeadingZero: false))
        {
            return false;
        }

        return i == v.Length;
    }

    /// <summary>semver.Compare for valid versions: by major, minor, patch, then prerelease (a release is higher); build metadata ignored.</summary>
    public static int Compare(string a, string b)
    {
        var (ca, pa) = Split(a);
        var (cb, pb) = Split(b);
        for (var i = 0; i < 3; i++)
        {
            var c = CompareNumbers(i < ca.Length ? ca[i] : "0", i < cb.Length ? cb[i] : "0");
            if (c != 0)
            {
                return c;
            }
        }

        if (pa.Length == 0 || pb.Length == 0)
        {
            return pa.Length == 0 ? (pb.Length == 0 ? 0 : 1) : -1;
        }

        var ia = pa.Split('.');
        var ib = pb.Split('.');
        for (var i = 0; i < Math.Min(ia.Length, ib.Length); i++)
        {
            var na = ia[i].All(char.IsAsciiDigit);
            var nb = ib[i].All(char.IsAsciiDigit);
            var c = na && nb ? CompareNumbers(ia[i], ib[i]) : na ? -1 : nb ? 1 : string.CompareOrdinal(ia[i], ib[i]);
            if (c != 0)
            {
                return Math.Sign(c);
            }
        }

        return ia.Length.CompareTo(ib.Length);
    }

    private static (string[] Core, string Pre) Split(string v)
    {
        var s = v.TrimStart('v');
        var plus = s.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            s = s[..plus];
        }

        var dash = s.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (s.Split('.'), "") : (s[..dash].Split('.'), s[(dash + 1)..]);
    }

    private static int CompareNumbers(string a, string b) =>
        a.Length != b.Length ? a.Length.CompareTo(b.Length) : Math.Sign(string.CompareOrdinal(a, b));

    private static bool Number(string v, ref int i)
    {
        var start = i;
        while (i < v.Length && char.IsAsciiDigit(v[i]))
        {
            i++;
        }

        return i > start && !(v[start] == '0' && i - start > 1);
    }

    private static bool Identifiers(string v, ref int i, bool numericNoLeadingZero)
    {
        i++;
        var start = i;
        while (i < v.Length && v[i] != '+')
        {
            var idStart = i;
            var numeric = true;
            while (i < v.Length && v[i] is not '.' and not '+')
            {
                if (!char.IsAsciiLetterOrDigit(v[i]) && v[i] != '-')
                {
                    return false;
                }

                numeric &= char.IsAsciiDigit(v[i]);
                i++;
            }

            if (i == idStart || (numericNoLeadingZero && numeric && v[idStart] == '0' && i - idStart > 1))
            {
                return false;
            }

            if (i < v.Length && v[i] == '.')
            {
                i++;
                if (i == v.Length)
                {
                    return false;
                }
            }

            if (!numericNoLeadingZero && i < v.Length && v[i] == '+')
            {
                return false;
            }
        }

        return i > start;
    }
}
