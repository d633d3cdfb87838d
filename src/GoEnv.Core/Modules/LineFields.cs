namespace GoEnv.Core.Modules;

/// <summary>
/// The fields of one line of go.sum or vendor/modules.txt as ranges into it (strings.Fields for the separators
/// those readers use: space, tab and a carriage return left by CRLF), so a reader makes strings only for what it keeps.
/// </summary>
internal static class LineFields
{
    public static ReadOnlySpan<byte> ByteSeparators => " \t\r"u8;

    public static ReadOnlySpan<char> CharSeparators => " \t\r";

    /// <summary>Fills <paramref name="fields"/> and returns how many fields the line has; a line with more than fields.Length gives fields.Length + 1.</summary>
    public static int Split<T>(ReadOnlySpan<T> line, ReadOnlySpan<T> separators, Span<Range> fields)
        where T : IEquatable<T>
    {
        var count = 0;
        var at = 0;
        while (true)
        {
            var skip = line[at..].IndexOfAnyExcept(separators);
            if (skip < 0)
            {
                return count;
            }

            if (count == fields.Length)
            {
                return count + 1;
            }

            var start = at + skip;
            var length = line[start..].IndexOfAny(separators);
            at = length < 0 ? line.Length : start + length;
            fields[count++] = start..at;
        }
    }
}
