namespace GoEnv.Core.Caching;

/// <summary>What `cache prepare` did to a restored build cache.</summary>
/// <param name="JobStart">The recorded start: entries used from now on have an mtime at or after it.</param>
/// <param name="Entries">Cache entry files found (a restored cache, or none).</param>
/// <param name="Bytes">Their size.</param>
/// <param name="Backdated">Entries moved back in time so that Go refreshes them when it uses them.</param>
/// <param name="Skipped">What was left alone, and why (symbolic links).</param>
public sealed record BuildCachePreparation(DateTimeOffset JobStart, int Entries, long Bytes, int Backdated, IReadOnlyList<string> Skipped);
