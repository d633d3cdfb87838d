using System.Text;

namespace GoEnv.Tests.Ci;

/// <summary>
/// A model of how PowerShell's tokenizer reads a script made of `$env:NAME = '…'` statements, comment lines and
/// blank lines: the assignments in order. Newlines are CR and LF; a single-quoted string starts and ends at any of
/// the five single-quote characters (Tokenizer.ScanStringLiteral with CharExtensions.IsSingleQuote: ' U+2018 U+2019
/// U+201A U+201B), two single-quote characters in a row stand for the second, and the string may span lines. Any
/// other statement shape is <see cref="Unsafe"/>: for a pinned file it means a value escaped its quotes.
/// </summary>
internal static class PowerShellModel
{
    public static List<(string Name, string Value)> Assignments(string script)
    {
        var assignments = new List<(string, string)>();
        var i = 0;
        while (i < script.Length)
        {
            var c = script[i];
            if (c is '\r' or '\n' or ' ' or '\t')
            {
                i++;
                continue;
            }

            if (c == '#')
            {
                while (i < script.Length && script[i] is not ('\r' or '\n'))
                {
                    i++;
                }

                continue;
            }

            const string Prefix = "$env:";
            if (string.CompareOrdinal(script, i, Prefix, 0, Prefix.Length) != 0)
            {
                throw new Unsafe($"a statement at {i} that is not $env:NAME = '…'");
            }

            i += Prefix.Length;
            var nameStart = i;
            while (i < script.Length && (char.IsAsciiLetterOrDigit(script[i]) || script[i] == '_'))
            {
                i++;
            }

            var name = script[nameStart..i];
            if (name.Length == 0 || string.CompareOrdinal(script, i, " = ", 0, 3) != 0)
            {
                throw new Unsafe($"no ' = ' after $env:{name} at {i}");
            }

            i += 3;
            if (i >= script.Length || !IsSingleQuote(script[i]))
            {
                throw new Unsafe($"the value of {name} at {i} is not a single-quoted string");
            }

            i++;
            var value = new StringBuilder();
            while (true)
            {
                if (i >= script.Length)
                {
                    throw new Unsafe($"the string for {name} is not terminated");
                }

                var s = script[i++];
                if (IsSingleQuote(s))
                {
                    if (i < script.Length && IsSingleQuote(script[i]))
                    {
                        value.Append(script[i++]);
                        continue;
                    }

                    break;
                }

                value.Append(s);
            }

            while (i < script.Length && script[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < script.Length && script[i] is not ('\r' or '\n'))
            {
                throw new Unsafe($"'{script[i]}' after the string for {name} at {i} continues the statement");
            }

            assignments.Add((name, value.ToString()));
        }

        return assignments;
    }

    private static bool IsSingleQuote(char c) => c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B';

    /// <summary>The script is not only `$env:NAME = '…'` statements.</summary>
    public sealed class Unsafe(string message) : Exception(message);
}
