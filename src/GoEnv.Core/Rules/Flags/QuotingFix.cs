using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

/// <summary>How to keep a space-separated flag value together in GOFLAGS, for the running Go version.</summary>
internal static class QuotingFix
{
    public static string For(GoSnapshot snapshot, GoFlagsWord listFlag, IReadOnlyList<GoFlagsWord> words, int strayIndex)
    {
        // The words the user most likely meant as one value: from the list flag up to the stray word.
        var start = IndexOf(words, listFlag);
        var meant = string.Join(' ', words.Skip(start).Take(strayIndex - start + 1).Select(w => w.Text));
        if (GoFlagsTokenizer.SupportsQuoting(snapshot.Version))
        {
            return $"-{words[strayIndex].Name} was meant as part of {listFlag.Text.Split('=')[0]}'s value, but Go splits GOFLAGS at spaces. Quote the whole flag: GOFLAGS=\"'{meant}'\" (Go 1.21+).";
        }

        return $"-{words[strayIndex].Name} was meant as part of {listFlag.Text.Split('=')[0]}'s value, but Go splits GOFLAGS at spaces and Go {snapshot.VersionText} has no quoting (Go 1.21+ has). Pass \"{meant}\" on the go command line instead.";
    }

    private static int IndexOf(IReadOnlyList<GoFlagsWord> words, GoFlagsWord word)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (ReferenceEquals(words[i], word))
            {
                return i;
            }
        }

        return 0;
    }
}
