using System.Runtime.InteropServices;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>
/// Appends bytes to a file the runner created, in one write at the end of the file as it is at that moment, so
/// that other appenders (MSBuild nodes, a `>>` in a script, a second goenv) cannot overwrite it or be overwritten.
/// </summary>
/// <remarks>
/// .NET's FileMode.Append does not open with O_APPEND: it reads the length once at open and then writes at that
/// offset (pwrite), so two appenders that open before either writes overwrite each other (dotnet/runtime#53432;
/// seen here: 9 of 50 rounds of two threads appending 200 records each lost records). On Linux and macOS the file is
/// therefore opened with open(2) O_WRONLY|O_APPEND (no O_CREAT: a missing file is an error, never silently created)
/// and written with write(2), which the kernel places at the end of the file atomically. Elsewhere (Windows) it
/// falls back to FileStream(FileMode.Append, FileShare.ReadWrite): one write, but with that stale-offset race.
/// </remarks>
internal static partial class AppendOnlyFile
{
    private const int Enoent = 2;
    private const int Eintr = 4;
    private const int Eacces = 13;

    /// <param name="path">The file; it must exist.</param>
    /// <param name="content">Everything to append, written with one write.</param>
    /// <param name="what">What the file is for people, e.g. "GITHUB_ENV", for error messages.</param>
    public static void Append(string path, ReadOnlySpan<byte> content, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {what} path contains a NUL character.", nameof(path));
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            AppendUnix(path, content, what);
            return;
        }

        if (!File.Exists(path))
        {
            throw Missing(path, what);
        }

        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, bufferSize: 1);
        stream.Write(content);
        stream.Flush();
    }

    private static void AppendUnix(string path, ReadOnlySpan<byte> content, string what)
    {
        // O_WRONLY | O_APPEND | O_CLOEXEC; the values differ between the two kernels' headers.
        var flags = OperatingSystem.IsMacOS() ? 0x0001 | 0x0008 | 0x0100_0000 : 0x0001 | 0x0400 | 0x0008_0000;
        int fd;
        do
        {
            fd = Open(path, flags);
        }
        while (fd < 0 && Marshal.GetLastPInvokeError() == Eintr);

        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                Enoent => Missing(path, what),
                Eacces => new UnauthorizedAccessException($"Cannot append to the {what} file '{path}': {Marshal.GetPInvokeErrorMessage(errno)}."),
                _ => new IOException($"Cannot open the {what} file '{path}' for appending: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})."),
            };
        }

        try
        {
            // A regular file takes a write whole; the loop only matters after a signal or a full disk.
            while (!content.IsEmpty)
            {
                var written = Write(fd, content, (nuint)content.Length);
                if (written < 0)
                {
                    var errno = Marshal.GetLastPInvokeError();
                    if (errno == Eintr)
                    {
                        continue;
                    }

                    throw new IOException($"Cannot append to the {what} file '{path}': {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).");
                }

                content = content[(int)written..];
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    private static FileNotFoundException Missing(string path, string what) =>
        new($"The {what} file '{path}' does not exist. The runner creates it before each step; it is only valid inside that step.", path);

    // Declared without the variadic mode argument: it is only read with O_CREAT, and variadic arguments travel
    // differently on Apple arm64.
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int fd, ReadOnlySpan<byte> buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
