namespace GoEnv.Core.Caching;

/// <summary>
/// A tracked file's staged blob id, and whether the work-tree file is known to still hold exactly that blob
/// (stat data unchanged and not racy). When it is not known, the file is hashed and compared.
/// </summary>
internal readonly record struct IndexedBlob(string ObjectId, bool KnownUnmodified);
