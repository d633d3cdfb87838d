namespace GoEnv.Core.Go;

/// <summary>
/// Splits GOFLAGS into words exactly as the running Go version does: strings.Fields before Go 1.21,
/// cmd/internal/quoted.Split from 1.21 (a word that starts with ' or " runs to the next identical quote,
/// no escapes; quotes elsewhere are literal).
/// </summary>
public static class GoFlagsTokenizer
{
    public static bool SupportsQuoting(GoVersion? version) => version is null || version.AtLeast(1, 21);

    /// <summary>The words, or an error exactly as Go words it (e.g. "unterminated ' string").</summary>
    public static IReadOnlyList<GoFlagsWord> Split(string value, GoVersion? version, out string? error)
    {
        error = null;
        return SupportsQuoting(version) ? QuotedSplit(value, out error) : Fields(value);
    }

    /// <summary>strings.Fields: split around runs of Unicode white space.</summary>
    private static List<GoFlagsWord> Fields(string s)
    {
        var words = new List<GoFlagsWord>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(new GoFlagsWord(s[start..i], start, false));
            }
        }

        return words;
    }

    private static List<GoFlagsWord> QuotedSplit(string s, out string? error)
    {
        error = null;
        var words = new List<GoFlagsWord>();
        var i = 0;
        while (true)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }

            if (i >= s.Length)
            {
                break;
            }

            var quote = s[i];
            if (quote is '\'' or '"')
            {
                var end = s.IndexOf(quote, i + 1);
                if (end < 0)
                {
                    error = $"unterminated {quote} string";
                    return words;
                }

                words.Add(new GoFlagsWord(s[(i + 1)..end], i, true));
                i = end + 1;
                continue;
            }

            var stop = s.IndexOfAny([' ', '\t', '\n', '\r'], i);
            if (stop < 0)
            {
                stop = s.Length;
            }

            words.Add(new GoFlagsWord(s[i..stop], i, false));
            i = stop;
        }

        return words;
    }
}
