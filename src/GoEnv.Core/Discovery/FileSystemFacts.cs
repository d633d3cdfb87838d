using System.Runtime.InteropServices;

namespace GoEnv.Core.Discovery;

/// <summary>Questions about directories that Go will create or write into.</summary>
public static partial class FileSystemFacts
{
    /// <summary>The nearest existing ancestor of a path (the path itself when it exists).</summary>
    public static string? NearestExisting(string path)
    {
        string? dir = path;
        while (dir is not null && !Directory.Exists(dir) && !File.Exists(dir))
        {
            dir = Path.GetDirectoryName(dir);
        }

        return dir;
    }

    /// <summary>
    /// Whether the current user can create files in a directory, found by really creating (and removing) one:
    /// the only answer that also covers read-only mounts and ACLs.
    /// </summary>
    public static bool CanWriteInto(string directory, out string? error)
    {
        error = null;
        var probe = Path.Combine(directory, ".goenv-write-probe-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>The owner uid of a file (Linux, through statx), or null where that cannot be asked.</summary>
    public static uint? OwnerUid(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var buffer = new byte[256];
            const int AtFdCwd = -100;
            const uint StatxUid = 0x8;
            if (Statx(AtFdCwd, path, 0, StatxUid, buffer) != 0)
            {
                return null;
            }

            // struct statx: stx_mask u32 @0, stx_blksize u32 @4, stx_attributes u64 @8, stx_nlink u32 @16, stx_uid u32 @20.
            return BitConverter.ToUInt32(buffer, 20);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The effective uid of this process (Unix), or null.</summary>
    public static uint? EffectiveUid()
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        try
        {
            return GetEuid();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
