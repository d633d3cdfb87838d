namespace GoEnv.Core.Pinning;

/// <summary>What an env file says: its variables and the pin header (when present).</summary>
public sealed class EnvFileContent
{
    public required EnvFileFormat Format { get; init; }

    /// <summary>The Go version from the header; null for dotenv (no header) or when the header is missing.</summary>
    public string? GoVersion { get; init; }

    /// <summary>The content hash the writer recorded; null when the file has none.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Name → variable, in ordinal name order. For duplicates the consumer's rule applies: the last one wins.</summary>
    public required IReadOnlyDictionary<string, EnvFileVariable> Variables { get; init; }
}
