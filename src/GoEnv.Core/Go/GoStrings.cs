using System.Buffers;
using System.Globalization;
using System.Text;

namespace GoEnv.Core.Go;

internal static class GoStrings
{
    /// <summary>
    /// strconv.Quote (Go's %q): backslash and quote escaped, printable characters (letters, marks, numbers,
    /// punctuation, symbols, the ASCII space) as they are, \a \b \f \n \r \t \v, other characters below U+0020 and
    /// DEL as \xHH, other non-printable ones as \uHHHH or \UHHHHHHHH (a lone surrogate reads as U+FFFD). Every rule that
    /// shows a value quotes it with this, so a value reads the same in every finding and as Go prints it.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length;)
        {
            var rune = Rune.DecodeFromUtf16(value.AsSpan(i), out var r, out var used) == OperationStatus.Done ? r : Rune.ReplacementChar;
            i += Math.Max(used, 1);
            switch (rune.Value)
            {
                case '"' or '\\':
                    quoted.Append('\\').Append((char)rune.Value);
                    continue;
                case ' ':
                    quoted.Append(' ');
                    continue;
            }

            if (IsPrint(rune))
            {
                quoted.Append(rune.ToString());
                continue;
            }

            quoted.Append(rune.Value switch
            {
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                < ' ' or 0x7f => "\\x" + rune.Value.ToString("x2", CultureInfo.InvariantCulture),
                < 0x10000 => "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture),
                _ => "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>unicode.IsPrint without the space: a letter, mark, number, punctuation or symbol.</summary>
    private static bool IsPrint(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => false,
        _ => true,
    };

    /// <summary>strings.TrimSpace's ASCII white space (the Unicode ones are rare enough in env values to match too).</summary>
    public static readonly char[] AsciiSpace = [' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0'];

    /// <summary>strconv.ParseBool: 1, t, T, TRUE, true, True / 0, f, F, FALSE, false, False; anything else is null.</summary>
    public static bool? ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>A boolean flag's word is on: bare (-name) or with a value ParseBool takes as true.</summary>
    public static bool IsOn(string? flagValue) => flagValue is null || ParseBool(flagValue) == true;

    /// <summary>cmd/go's base.ShortPath: the path relative to the working directory when that is shorter.</summary>
    public static string ShortPath(string path, string workingDirectory)
    {
        var relative = Path.GetRelativePath(workingDirectory, path);
        return relative.Length < path.Length ? relative : path;
    }
}
