using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// A throw-away copy of the action as a runner downloads it, plus a release served from a file:// URL, in a fresh
/// temp directory:
/// <code>
///   action/      action.yml, scripts/, dist/ copied from the repository (GITHUB_ACTION_PATH)
///   release/     goenv-action-&lt;rid&gt;.tar.gz archives the tests build (the download-url input)
///   runner/      RUNNER_TEMP and RUNNER_TOOL_CACHE
///   workspace/   GITHUB_WORKSPACE
/// </code>
/// </summary>
internal sealed class ActionCheckout : IDisposable
{
    private ActionCheckout(string root)
    {
        Root = root;
        ActionDirectory = Path.Combine(root, "action");
        ReleaseDirectory = Path.Combine(root, "release");
        RunnerDirectory = Path.Combine(root, "runner");
        Workspace = Path.Combine(root, "workspace");
    }

    public string Root { get; }

    public string ActionDirectory { get; }

    public string ReleaseDirectory { get; }

    public string RunnerDirectory { get; }

    public string Workspace { get; }

    public string DownloadUrl => "file://" + ReleaseDirectory;

    public string InstallScript => Path.Combine(ActionDirectory, "scripts", "install-goenv-action.sh");

    public string Checksums => Path.Combine(ActionDirectory, "dist", "SHA256SUMS");

    public string Version => File.ReadAllText(Path.Combine(ActionDirectory, "dist", "VERSION")).Trim();

    public static ActionCheckout Create()
    {
        var checkout = new ActionCheckout(Directory.CreateTempSubdirectory("goenv-action-").FullName);
        var repository = PublishedBinary.RepositoryRoot;
        Directory.CreateDirectory(checkout.ActionDirectory);
        Directory.CreateDirectory(checkout.ReleaseDirectory);
        Directory.CreateDirectory(checkout.RunnerDirectory);
        Directory.CreateDirectory(checkout.Workspace);
        File.Copy(Path.Combine(repository, "action.yml"), Path.Combine(checkout.ActionDirectory, "action.yml"));
        CopyDirectory(Path.Combine(repository, "scripts"), Path.Combine(checkout.ActionDirectory, "scripts"));
        CopyDirectory(Path.Combine(repository, "dist"), Path.Combine(checkout.ActionDirectory, "dist"));
        return checkout;
    }

    /// <summary>The published goenv-action (and the native libraries beside it) as goenv-action-linux-x64.tar.gz; returns its SHA-256.</summary>
    public string AddPublishedArchive()
    {
        var binary = PublishedBinary.Path;
        var files = Directory.EnumerateFiles(Path.GetDirectoryName(binary)!)
            .Where(f => !f.EndsWith(".dbg", StringComparison.Ordinal) && !f.EndsWith(".pdb", StringComparison.Ordinal))
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
        return AddArchive("linux-x64", files);
    }

    /// <summary>A goenv-action-linux-x64.tar.gz whose goenv-action is a bash script (<paramref name="script"/>); returns its SHA-256.</summary>
    public string AddFakeArchive(string script, string rid = "linux-x64") =>
        AddArchive(rid, [("goenv-action", System.Text.Encoding.UTF8.GetBytes(script))]);

    /// <summary>Writes release/goenv-action-&lt;rid&gt;.tar.gz with the files at its top level (mode 0755); returns its SHA-256.</summary>
    public string AddArchive(string rid, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var archive = Path.Combine(ReleaseDirectory, $"goenv-action-{rid}.tar.gz");
        using (var stream = File.Create(archive))
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax))
        {
            foreach (var (name, content) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
                    DataStream = new MemoryStream(content),
                };
                tar.WriteEntry(entry);
            }
        }

        return Sha256(archive);
    }

    /// <summary>Replaces dist/SHA256SUMS with these lines (sha256sum's format) under a comment.</summary>
    public void PinChecksums(params (string Archive, string Sha256)[] lines) =>
        File.WriteAllText(Checksums, "# written by a test\n" + string.Concat(lines.Select(l => $"{l.Sha256}  {l.Archive}\n")));

    public static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory must not fail a test.
        }
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var target = Path.Combine(destination, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
