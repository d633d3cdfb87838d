namespace GoEnv.Core.Policy;

/// <summary>The keys of a `require:` entry.</summary>
public enum PolicyRequirementKind
{
    /// <summary>`equals: v` — the effective value is exactly v.</summary>
    EqualTo,

    /// <summary>`oneOf: [a, b]` — the effective value is one of them.</summary>
    OneOf,

    /// <summary>`not: [a, b]` — the effective value is none of them.</summary>
    Not,

    /// <summary>`contains: [x]` — x is one of the value's words/entries (GOFLAGS words, GOPROXY entries, comma lists).</summary>
    Contains,

    /// <summary>`notContains: [x]` — x is none of the value's words/entries.</summary>
    NotContains,

    /// <summary>`scheme: https` — every URL entry of GOPROXY uses that scheme ("off" and "direct" are not URLs).</summary>
    Scheme,
}
