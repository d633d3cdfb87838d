namespace GoEnv.Core.Caching;

/// <summary>One go.sum that decides the module download set. It need not exist: an absent go.sum is part of the key.</summary>
/// <param name="RelativePath">Relative to <see cref="GoSumSet.BaseDirectory"/>, '/'-separated.</param>
/// <param name="FullPath">Absolute path on this machine.</param>
public sealed record GoSumFile(string RelativePath, string FullPath);
