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
    public static uint? OwnerUid(string path) => UnixFileStatus.TryGet(path, followSymbolicLinks: true)?.Uid;

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

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEuid();
}
