using System.Text;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// A model of how a POSIX shell (XCU 2.3 token recognition, 2.2 quoting) reads a script made of simple commands: the
/// words of each command after quote removal. Anything that would make the shell do more than run simple commands
/// with literal words (an operator, an expansion, a glob, a tilde, an unterminated quote, here-documents) is
/// reported as <see cref="PosixShellModel.Unsafe"/> rather than modelled: for a pinned file it means the value
/// escaped its quotes.
/// </summary>
internal static class PosixShellModel
{
    /// <summary>The commands of the script, each a list of words; or throws <see cref="Unsafe"/>.</summary>
    public static List<List<string>> Commands(string script)
    {
        var commands = new List<List<string>>();
        var words = new List<string>();
        StringBuilder? word = null;
        var i = 0;

        void EndWord()
        {
            if (word is not null)
            {
                words.Add(word.ToString());
                word = null;
            }
        }

        void EndCommand()
        {
            EndWord();
            if (words.Count > 0)
            {
                commands.Add(words);
                words = [];
            }
        }

        while (i < script.Length)
        {
            var c = script[i];
            switch (c)
            {
                case '\n':
                    EndCommand();
                    i++;
                    break;
                case ' ' or '\t':
                    EndWord();
                    i++;
                    break;
                case '#' when word is null:
                    // A comment runs to the newline, which still ends the command.
                    while (i < script.Length && script[i] != '\n')
                    {
                        i++;
                    }

                    break;
                case '\'':
                    var close = script.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw new Unsafe($"unterminated single quote at {i}");
                    }

                    (word ??= new StringBuilder()).Append(script, i + 1, close - i - 1);
                    i = close + 1;
                    break;
                case '\\':
                    if (i + 1 >= script.Length)
                    {
                        (word ??= new StringBuilder()).Append('\\');
                        i++;
                    }
                    else if (script[i + 1] == '\n')
                    {
                        // Line continuation: both characters are removed.
                        i += 2;
                    }
                    else
                    {
                        (word ??= new StringBuilder()).Append(script[i + 1]);
                        i += 2;
                    }

                    break;
                case '"':
                    throw new Unsafe($"double quotes at {i} (their contents are expanded)");
                case '$' or '`':
                    throw new Unsafe($"unquoted '{c}' at {i} starts an expansion");
                case ';' or '&' or '|' or '<' or '>' or '(' or ')':
                    throw new Unsafe($"unquoted operator '{c}' at {i}");
                case '*' or '?' or '[':
                    throw new Unsafe($"unquoted pattern character '{c}' at {i}");
                case '~' when word is null:
                    throw new Unsafe($"tilde expansion at {i}");
                case '\0':
                    throw new Unsafe($"NUL at {i} (shells stop reading or drop it)");
                default:
                    (word ??= new StringBuilder()).Append(c);
                    i++;
                    break;
            }
        }

        EndCommand();
        return commands;
    }

    /// <summary>The script does something other than run simple commands with literal words.</summary>
    public sealed class Unsafe(string message) : Exception(message);
}
