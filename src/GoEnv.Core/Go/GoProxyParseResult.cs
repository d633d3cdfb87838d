namespace GoEnv.Core.Go;

/// <param name="Entries">The entries Go will use, in order.</param>
/// <param name="Error">Go's error text for the first bad entry (raised lazily, at the first download).</param>
/// <param name="IgnoredTail">Entries after "off"/"direct", which Go ignores.</param>
public sealed record GoProxyParseResult(IReadOnlyList<GoProxyEntry> Entries, string? Error, string? IgnoredTail)
{
    /// <summary>True when module downloads are impossible: the list is "off" before any proxy or direct.</summary>
    public bool IsOff => Error is null && Entries.Count > 0 && Entries[0].Url == "off";
}
