namespace GoEnv.Core.Pinning;

/// <summary>The words the CLI and action inputs use for <see cref="EnvFileFormat"/>: dotenv|sh|pwsh|json|goenv.</summary>
public static class EnvFileFormatNames
{
    public static IReadOnlyList<string> Words { get; } = ["dotenv", "sh", "pwsh", "json", "goenv"];

    public static string ToWord(EnvFileFormat format) => format switch
    {
        EnvFileFormat.Dotenv => "dotenv",
        EnvFileFormat.Sh => "sh",
        EnvFileFormat.Pwsh => "pwsh",
        EnvFileFormat.Json => "json",
        EnvFileFormat.GoEnv => "goenv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>Case-insensitive, but no other spelling: Enum.TryParse would also accept "1" or " Sh".</summary>
    public static bool TryParse(string? word, out EnvFileFormat format)
    {
        foreach (var candidate in Enum.GetValues<EnvFileFormat>())
        {
            if (string.Equals(word, ToWord(candidate), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    public static EnvFileFormat Parse(string? word) =>
        TryParse(word, out var format)
            ? format
            : throw new ArgumentException($"Unknown env file format '{word}'; expected one of {string.Join('|', Words)}.", nameof(word));
}
