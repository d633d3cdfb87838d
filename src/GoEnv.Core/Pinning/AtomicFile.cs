namespace GoEnv.Core.Pinning;

/// <summary>
/// Replaces a file so that readers see the old content or the new one, never a partial file: the content goes to
/// a temp file in the same directory (a rename is only atomic within one file system), is flushed to the disk, then
/// renamed over the target (rename(2) on Unix, MoveFileEx with REPLACE_EXISTING on Windows).
/// </summary>
/// <remarks>
/// On any failure the temp file is deleted and the previous file is left as it was. Not covered: the directory entry
/// itself is not fsynced (.NET has no API for it), so after a power loss the rename may be lost and the old file
/// seen, still whole. A process killed between create and rename leaves a `.goenv-*.tmp` file behind.
/// The new file gets default permissions (umask), not the replaced file's mode.
/// </remarks>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content) => Write(path, content, () => null);

    /// <summary>
    /// Writes what <paramref name="writeContent"/> puts into the stream. An exception from the callback aborts the
    /// write like an I/O error does: temp file deleted, target untouched, exception rethrown.
    /// </summary>
    public static void Write(string path, Action<Stream> writeContent) => Write(path, writeContent, () => null);

    /// <summary>
    /// Writes like <see cref="Write(string, Action{Stream})"/>, but asks <paramref name="confirm"/> after the content is
    /// on disk and before the rename: a non-null answer (why not) deletes the temp file, leaves the target as it was,
    /// and is returned.
    /// </summary>
    public static string? Write(string path, ReadOnlySpan<byte> content, Func<string?> confirm)
    {
        // A span cannot be captured by the callback; env files are small, so one copy is cheaper than a second code path.
        var bytes = content.ToArray();
        return Write(path, stream => stream.Write(bytes), confirm);
    }

    private static string? Write(string path, Action<Stream> writeContent, Func<string?> confirm)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(writeContent);
        var target = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target) ?? throw new IOException($"Cannot write '{target}': it has no parent directory.");
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Cannot write '{target}': the directory '{directory}' does not exist.");
        }

        if (Directory.Exists(target))
        {
            throw new IOException($"Cannot write '{target}': a directory with that name exists.");
        }

        // A fixed-length name, not derived from the target's: a target name near NAME_MAX must not make the temp
        // name too long. Hidden so globs like *.env do not pick it up.
        var temp = Path.Combine(directory, $".goenv-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                writeContent(stream);
                stream.Flush(flushToDisk: true);
            }

            if (confirm() is { } refusal)
            {
                DeleteQuietly(temp);
                return refusal;
            }

            File.Move(temp, target, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            DeleteQuietly(temp);
            throw new IOException($"Could not write '{target}' (the previous file, if any, is unchanged): {e.Message}", e);
        }
        catch
        {
            DeleteQuietly(temp);
            throw;
        }
    }

    private static void DeleteQuietly(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original failure is what the caller needs to hear about; a leftover temp file is harmless.
        }
    }
}
