using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace GoEnv.Core.Discovery;

/// <summary>
/// The stat data of one file as Linux reports it through statx(2), whose struct has the same layout on every
/// architecture (unlike struct stat). Only what git records in its index and what GoEnv asks about owners.
/// </summary>
internal readonly partial record struct UnixFileStatus(
    long CtimeSeconds,
    uint CtimeNanoseconds,
    long MtimeSeconds,
    uint MtimeNanoseconds,
    ulong Inode,
    uint Mode,
    uint Uid,
    uint Gid,
    ulong Size)
{
    /// <summary>S_IFMT bits of <see cref="Mode"/>.</summary>
    public uint FileType => Mode & 0xF000;

    /// <summary>Any execute bit set (what git's 100755 means).</summary>
    public bool IsExecutable => (Mode & 0x49) != 0;

    /// <summary>
    /// lstat-like (symbolic links are not followed) status of a path; null when the file does not exist, cannot be
    /// asked about, or the platform has no statx (not Linux, or a libc without it).
    /// </summary>
    public static UnixFileStatus? TryGet(string path, bool followSymbolicLinks = false)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        Span<byte> buffer = stackalloc byte[256];
        try
        {
            const int AtFdCwd = -100;
            const int AtSymlinkNoFollow = 0x100;
            const uint StatxBasicStats = 0x7ff;
            if (Statx(AtFdCwd, path, followSymbolicLinks ? 0 : AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        // struct statx (linux/stat.h): stx_uid u32 @20, stx_gid u32 @24, stx_mode u16 @28, stx_ino u64 @32,
        // stx_size u64 @40, statx_timestamp { s64 tv_sec; u32 tv_nsec; s32 pad } stx_ctime @96, stx_mtime @112.
        return new UnixFileStatus(
            CtimeSeconds: BinaryPrimitives.ReadInt64LittleEndian(buffer[96..]),
            CtimeNanoseconds: BinaryPrimitives.ReadUInt32LittleEndian(buffer[104..]),
            MtimeSeconds: BinaryPrimitives.ReadInt64LittleEndian(buffer[112..]),
            MtimeNanoseconds: BinaryPrimitives.ReadUInt32LittleEndian(buffer[120..]),
            Inode: BinaryPrimitives.ReadUInt64LittleEndian(buffer[32..]),
            Mode: BinaryPrimitives.ReadUInt16LittleEndian(buffer[28..]),
            Uid: BinaryPrimitives.ReadUInt32LittleEndian(buffer[20..]),
            Gid: BinaryPrimitives.ReadUInt32LittleEndian(buffer[24..]),
            Size: BinaryPrimitives.ReadUInt64LittleEndian(buffer[40..]));
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, Span<byte> buffer);
}
