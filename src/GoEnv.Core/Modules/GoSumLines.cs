namespace GoEnv.Core.Modules;

/// <summary>
/// The checksums Go has for verifying modules: the lines of the main module's go.sum (and, in workspace mode, every
/// workspace module's go.sum and go.work.sum), as modfetch reads them: `path version hash` for the zip and
/// `path version/go.mod hash` for the go.mod. Unreadable or absent files contribute nothing.
/// </summary>
public sealed class GoSumLines
{
    private readonly Dictionary<(string Path, string Version), List<GoSumEntry>> _entries = [];

    private GoSumLines()
    {
    }

    /// <summary>The go.sum files read, in order.</summary>
    public List<string> Files { get; } = [];

    public static GoSumLines Read(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sums = new GoSumLines();
        foreach (var file in files)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            sums.Files.Add(file);
            sums.Add(file, text);
        }

        return sums;
    }

    /// <summary>go.sum's lines for a module's zip (<paramref name="goMod"/> false) or its go.mod.</summary>
    public IReadOnlyList<GoSumEntry> For(string path, string version, bool goMod) =>
        _entries.TryGetValue((path, goMod ? version + "/go.mod" : version), out var list) ? list : [];

    private void Add(string file, string text)
    {
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            // modfetch.readGoSum: blank lines are skipped, anything else must have three fields (else go.sum is
            // malformed, which GOENV reports through Go's own load error).
            var fields = raw.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 3)
            {
                continue;
            }

            var key = (fields[0], fields[1]);
            if (!_entries.TryGetValue(key, out var list))
            {
                _entries[key] = list = [];
            }

            list.Add(new GoSumEntry(fields[2], file, line));
        }
    }
}
