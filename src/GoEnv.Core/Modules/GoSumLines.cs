using System.Text;

namespace GoEnv.Core.Modules;

/// <summary>
/// The checksums Go has for verifying modules: the lines of the main module's go.sum (and, in workspace mode, every
/// workspace module's go.sum and go.work.sum), as modfetch reads them: `path version hash` for the zip and
/// `path version/go.mod hash` for the go.mod. Unreadable or absent files contribute nothing.
/// </summary>
/// <remarks>
/// A workspace's go.sum files hold thousands of lines of which a check looks up a few hundred: the files are kept as
/// bytes and indexed by a hash of `path version`, and a <see cref="GoSumEntry"/> is made only for the lines looked
/// up (parsing every line into strings was most of what the module graph allocated on a 30-module workspace).
/// </remarks>
public sealed class GoSumLines
{
    private readonly List<byte[]> _texts = [];
    private readonly List<Line> _lines = [];

    // Hash of `path version` → index in _lines of the last line with that hash; Line.Previous chains the others.
    private readonly Dictionary<ulong, int> _last = [];

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
            byte[] text;
            try
            {
                text = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            sums.Files.Add(file);
            sums._texts.Add(text);
            sums.Index(sums._texts.Count - 1, text);
        }

        return sums;
    }

    /// <summary>go.sum's lines for a module's zip (<paramref name="goMod"/> false) or its go.mod, in file order.</summary>
    public IReadOnlyList<GoSumEntry> For(string path, string version, bool goMod)
    {
        var pathBytes = Encoding.UTF8.GetBytes(path);
        var versionBytes = Encoding.UTF8.GetBytes(goMod ? version + "/go.mod" : version);
        if (!_last.TryGetValue(Key(pathBytes, versionBytes), out var at))
        {
            return [];
        }

        var found = new List<GoSumEntry>();
        for (; at >= 0; at = _lines[at].Previous)
        {
            var line = _lines[at];
            var text = _texts[line.Text];
            if (text.AsSpan(line.Path.Start, line.Path.Length).SequenceEqual(pathBytes) && text.AsSpan(line.Version.Start, line.Version.Length).SequenceEqual(versionBytes))
            {
                found.Add(new GoSumEntry(Encoding.UTF8.GetString(text, line.Hash.Start, line.Hash.Length), Files[line.Text], line.Number));
            }
        }

        found.Reverse();
        return found;
    }

    private void Index(int textIndex, byte[] text)
    {
        // modfetch.readGoSum: blank lines are skipped, anything else must have three fields (else go.sum is
        // malformed, which GOENV reports through Go's own load error).
        Span<Range> fields = stackalloc Range[3];
        var number = 0;
        for (var start = 0; start < text.Length;)
        {
            var end = text.AsSpan(start).IndexOf((byte)'\n');
            end = end < 0 ? text.Length : start + end;
            number++;
            if (LineFields.Split(text.AsSpan(start, end - start), LineFields.ByteSeparators, fields) == 3)
            {
                var path = Offset(fields[0], start);
                var version = Offset(fields[1], start);
                var key = Key(text.AsSpan(path.Start, path.Length), text.AsSpan(version.Start, version.Length));
                _lines.Add(new Line(textIndex, number, path, version, Offset(fields[2], start), _last.TryGetValue(key, out var previous) ? previous : -1));
                _last[key] = _lines.Count - 1;
            }

            start = end + 1;
        }
    }

    private static (int Start, int Length) Offset(Range field, int lineStart) => (lineStart + field.Start.Value, field.End.Value - field.Start.Value);

    /// <summary>FNV-1a over path, a separator no path holds, and version.</summary>
    private static ulong Key(ReadOnlySpan<byte> path, ReadOnlySpan<byte> version)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in path)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        hash = (hash ^ 0) * 1099511628211UL;
        foreach (var b in version)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private readonly record struct Line(int Text, int Number, (int Start, int Length) Path, (int Start, int Length) Version, (int Start, int Length) Hash, int Previous);
}
