using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

/// <summary>GOFLAGS split into words and looked up once per snapshot, shared by the GOFLAGS rules.</summary>
internal sealed class GoFlagsAnalysis
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GoSnapshot, GoFlagsAnalysis> s_cache = new();

    private GoFlagsAnalysis(GoSnapshot snapshot)
    {
        Value = snapshot.Value(GoVariableNames.GoFlags);
        Table = GoFlagCatalog.For(snapshot.Version);
        Words = GoFlagsTokenizer.Split(Value, snapshot.Version, out var error);
        SplitError = error;
    }

    public string Value { get; }

    public GoFlagTable Table { get; }

    public IReadOnlyList<GoFlagsWord> Words { get; }

    public string? SplitError { get; }

    /// <summary>
    /// The flag words Go gets to, with their index: none when GOFLAGS cannot be split, and none after the first
    /// non-flag word (Go stops there; GOENV0050 reports it).
    /// </summary>
    public IEnumerable<(int Index, GoFlagsWord Word)> Flags()
    {
        if (SplitError is not null)
        {
            yield break;
        }

        for (var i = 0; i < Words.Count && Words[i].IsFlag; i++)
        {
            yield return (i, Words[i]);
        }
    }

    /// <summary>Whether a boolean flag is on: its last occurrence Go gets to is bare or has a value ParseBool takes as true.</summary>
    public bool IsOn(string name) => Flags().Select(f => f.Word).LastOrDefault(w => w.Name == name) is { } word && GoStrings.IsOn(word.Value);

    /// <summary>The flags whose value commonly holds several space-separated words.</summary>
    public static bool TakesWordList(string name) => name is "ldflags" or "gcflags" or "asmflags" or "gccgoflags" or "tags" or "toolexec" or "exec";

    /// <summary>The commands a CI pipeline runs: a flag none of them knows is dropped everywhere it matters.</summary>
    public static bool UsedByBuildCommands(GoFlagInfo info) =>
        info.Commands.Any(c => c is "build" or "install" or "run" or "test" or "vet" or "list");

    /// <summary>The word before, when it is a flag that takes a space-separated list (the user meant one value).</summary>
    public GoFlagsWord? ListFlagBefore(int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var word = Words[i];
            if (word.IsFlag && Table.IsKnown(word.Name))
            {
                return TakesWordList(word.Name) && word.Value is not null && !word.Quoted ? word : null;
            }
        }

        return null;
    }

    public static GoFlagsAnalysis Of(GoSnapshot snapshot) => s_cache.GetValue(snapshot, s => new GoFlagsAnalysis(s));
}
