namespace GoEnv.Core.Caching;

/// <summary>Where a file's content id came from.</summary>
public enum FileFingerprintSource
{
    /// <summary>The blob id of a tracked file that is unmodified in the work tree, read from the git index.</summary>
    GitIndex,

    /// <summary>Computed from the file's bytes (untracked, modified, outside git, or no usable repository).</summary>
    Hashed,

    /// <summary>The file does not exist.</summary>
    Absent,
}
