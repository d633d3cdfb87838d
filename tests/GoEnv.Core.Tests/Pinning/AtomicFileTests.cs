using System.Text;
using GoEnv.Core.Pinning;

namespace GoEnv.Core.Tests.Pinning;

[TestClass]
public sealed class AtomicFileTests
{
    [TestMethod]
    public void Write_NewAndExistingFile_HasExactlyTheContent()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");

        AtomicFile.Write(path, "first\n"u8);
        AtomicFile.Write(path, "second, longer\n"u8);

        CollectionAssert.AreEqual("second, longer\n"u8.ToArray(), File.ReadAllBytes(path));
        AssertOnlyFile(box, "pin.env");
    }

    [TestMethod]
    public void Write_ContentFailsHalfway_PreviousFileIntactAndNoTempLeft()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");
        File.WriteAllText(path, "previous\n");

        var e = Assert.ThrowsExactly<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            stream.Flush();
            throw new IOException("disk full (simulated)");
        }));

        StringAssert.Contains(e.Message, path);
        StringAssert.Contains(e.Message, "disk full");
        Assert.AreEqual("previous\n", File.ReadAllText(path));
        AssertOnlyFile(box, "pin.env");
    }

    [TestMethod]
    public void Write_CallbackThrowsNonIoException_RethrownAndNoTempLeft()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");
        File.WriteAllText(path, "previous\n");

        Assert.ThrowsExactly<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("bug")));

        Assert.AreEqual("previous\n", File.ReadAllText(path));
        AssertOnlyFile(box, "pin.env");
    }

    [TestMethod]
    public void Write_TargetIsADirectory_ClearErrorAndDirectoryUntouched()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "inside"), "keep");

        var e = Assert.ThrowsExactly<IOException>(() => AtomicFile.Write(path, "x"u8));

        StringAssert.Contains(e.Message, path);
        Assert.AreEqual("keep", File.ReadAllText(Path.Combine(path, "inside")));
        AssertOnlyFile(box, "pin.env");
    }

    [TestMethod]
    public void Write_MissingDirectory_NamesIt()
    {
        using var box = new PinningSandbox();
        var path = Path.Combine(box.Root, "no", "such", "pin.env");

        var e = Assert.ThrowsExactly<DirectoryNotFoundException>(() => AtomicFile.Write(path, "x"u8));

        StringAssert.Contains(e.Message, Path.Combine(box.Root, "no", "such"));
    }

    [TestMethod]
    public void Write_RenameFailsAfterTheTempFileIsWritten_TempFileDeleted()
    {
        // A failure that is real even as root and happens at the rename, after the temp file was created and flushed:
        // the temp name has a fixed length, but a 300-byte target name exceeds NAME_MAX (ENAMETOOLONG).
        using var box = new PinningSandbox();
        var path = box.PathOf(new string('n', 300));

        var e = Assert.ThrowsExactly<IOException>(() => AtomicFile.Write(path, "content"u8));

        StringAssert.Contains(e.Message, "Could not write");
        Assert.IsEmpty(Directory.GetFileSystemEntries(box.Root).Where(p => Path.GetFileName(p) != "home"));
    }

    [TestMethod]
    public void Write_WhileAnotherThreadReads_ReaderNeverSeesAPartialFile()
    {
        using var box = new PinningSandbox();
        var path = box.PathOf("pin.env");
        var small = Encoding.ASCII.GetBytes(new string('a', 10_000));
        var large = Encoding.ASCII.GetBytes(new string('b', 400_000));
        AtomicFile.Write(path, small);

        using var stop = new CancellationTokenSource();
        var reads = 0;
        var reader = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var seen = File.ReadAllBytes(path);
                Assert.IsTrue(seen.AsSpan().SequenceEqual(small) || seen.AsSpan().SequenceEqual(large), $"partial read of {seen.Length} bytes");
                Interlocked.Increment(ref reads);
            }
        });

        // At least 40 replacements, and on a loaded machine as many more as it takes for the reader to overlap them
        // (a reader that never ran would prove nothing).
        for (var i = 0; i < 40 || (Volatile.Read(ref reads) < 20 && i < 20_000 && !reader.IsCompleted); i++)
        {
            AtomicFile.Write(path, i % 2 == 0 ? large : small);
        }

        stop.Cancel();
        reader.GetAwaiter().GetResult();
        Assert.IsTrue(reads > 0);
        AssertOnlyFile(box, "pin.env");
    }

    private static void AssertOnlyFile(PinningSandbox box, string name)
    {
        var entries = Directory.GetFileSystemEntries(box.Root).Select(Path.GetFileName).Where(n => n != "home").ToArray();
        CollectionAssert.AreEqual(new[] { name }, entries, "no temp file left behind");
    }
}
