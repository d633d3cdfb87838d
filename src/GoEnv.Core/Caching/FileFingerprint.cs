namespace GoEnv.Core.Caching;

/// <param name="Path">The relative, '/'-separated path that goes into the key.</param>
/// <param name="BlobId">The git blob id (40 lowercase hex) of the content, or null when the file is absent.</param>
/// <param name="Source">How the id was obtained; not part of the key.</param>
public sealed record FileFingerprint(string Path, string? BlobId, FileFingerprintSource Source);
