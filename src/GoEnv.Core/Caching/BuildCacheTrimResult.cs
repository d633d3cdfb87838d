namespace GoEnv.Core.Caching;

/// <summary>What `cache trim` removed from and kept in a build cache.</summary>
/// <param name="Since">Entries last used before this were removed.</param>
/// <param name="Kept">Entries kept (used in this job, within the size bound).</param>
/// <param name="KeptBytes">Their size.</param>
/// <param name="Removed">Entries removed because this job did not use them.</param>
/// <param name="RemovedBytes">Their size.</param>
/// <param name="RemovedForSize">Used entries removed, least recently used first, to fit --max-size.</param>
/// <param name="RemovedForSizeBytes">Their size.</param>
/// <param name="Skipped">What was left alone or could not be removed, and why.</param>
public sealed record BuildCacheTrimResult(
    DateTimeOffset Since,
    int Kept,
    long KeptBytes,
    int Removed,
    long RemovedBytes,
    int RemovedForSize,
    long RemovedForSizeBytes,
    IReadOnlyList<string> Skipped);
