namespace GoEnv.Core.Git;

/// <summary>
/// One entry of the git index as git wrote it (Documentation/gitformat-index.txt): the staged blob and the stat
/// data of the work-tree file at the time git last looked at it. Times and sizes are git's truncated 32-bit fields.
/// </summary>
internal readonly record struct GitIndexEntry(
    string Path,
    string ObjectId,
    uint Mode,
    int Stage,
    bool AssumeValid,
    bool SkipWorktree,
    bool IntentToAdd,
    uint CtimeSeconds,
    uint CtimeNanoseconds,
    uint MtimeSeconds,
    uint MtimeNanoseconds,
    uint Inode,
    uint Uid,
    uint Gid,
    uint Size);
