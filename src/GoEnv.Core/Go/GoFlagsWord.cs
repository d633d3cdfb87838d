namespace GoEnv.Core.Go;

/// <param name="Text">The word as Go sees it (quotes removed).</param>
/// <param name="Offset">Where it starts in the GOFLAGS value.</param>
/// <param name="Quoted">True when it was written in quotes.</param>
public sealed record GoFlagsWord(string Text, int Offset, bool Quoted)
{
    /// <summary>
    /// cmd/go's InitGOFLAGS test: a word must be "-name" or "-name=value" (or with "--"), and not "-", "--",
    /// "---…", "-=…", "--=…".
    /// </summary>
    public bool IsFlag => Text.StartsWith('-') && Text != "-" && Text != "--" && !Text.StartsWith("---", StringComparison.Ordinal)
        && !Text.StartsWith("-=", StringComparison.Ordinal) && !Text.StartsWith("--=", StringComparison.Ordinal);

    /// <summary>The flag name without dashes and value ("ldflags" for "-ldflags=-s").</summary>
    public string Name
    {
        get
        {
            var name = Text.StartsWith("--", StringComparison.Ordinal) ? Text[2..] : Text.StartsWith('-') ? Text[1..] : Text;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            return eq >= 0 ? name[..eq] : name;
        }
    }

    /// <summary>The value after '=', or null for "-name".</summary>
    public string? Value
    {
        get
        {
            var eq = Text.IndexOf('=', StringComparison.Ordinal);
            return eq >= 0 ? Text[(eq + 1)..] : null;
        }
    }
}
