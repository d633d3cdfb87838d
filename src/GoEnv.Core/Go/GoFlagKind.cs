namespace GoEnv.Core.Go;

/// <summary>How a go command parses a flag's value when it applies GOFLAGS (base.SetFromGOFLAGS).</summary>
internal enum GoFlagKind
{
    /// <summary>
    /// A plain boolean: the bare "-name" means true, "-name=v" takes what strconv.ParseBool takes (1, t, T, TRUE,
    /// true, True, 0, f, F, FALSE, false, False); anything else fails with "invalid boolean value".
    /// </summary>
    Bool,

    /// <summary>A flag.Int: "-name=v" with v as strconv.ParseInt(v, 0, 64) reads it; a bare "-name" fails.</summary>
    Int,

    /// <summary>Any string, checked (if at all) only when the command runs; a bare "-name" fails.</summary>
    String,

    /// <summary>
    /// A custom flag.Value (GoFlagInfo.OtherValues says what it takes). Some of them also report IsBoolFlag()
    /// (GoFlagInfo.OtherIsBoolFlag): -buildvcs takes true/false/auto and the bare "-buildvcs".
    /// </summary>
    Other,
}
