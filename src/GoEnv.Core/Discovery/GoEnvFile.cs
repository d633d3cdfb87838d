namespace GoEnv.Core.Discovery;

/// <summary>
/// A go/env file (written by `go env -w`) or $GOROOT/go.env, read exactly as cmd/go's readEnvFile does:
/// one KEY=VALUE per line split at the first '=', a line is a setting only if its first byte is 'A'..'Z',
/// no quoting, no trimming (a CRLF file keeps the '\r'), the last line for a key wins.
/// </summary>
public sealed class GoEnvFile
{
    private readonly Dictionary<string, GoEnvFileEntry> _entries;

    private GoEnvFile(string path, bool exists, string? readError, Dictionary<string, GoEnvFileEntry> entries, IReadOnlyList<GoEnvFileEntry> suspicious)
    {
        Path = path;
        Exists = exists;
        ReadError = readError;
        _entries = entries;
        SuspiciousLines = suspicious;
    }

    public string Path { get; }

    public bool Exists { get; }

    /// <summary>Why an existing file could not be read (Go then ignores it silently).</summary>
    public string? ReadError { get; }

    public IReadOnlyDictionary<string, GoEnvFileEntry> Entries => _entries;

    /// <summary>
    /// Lines that look like a setting but that Go reads as another key: `GOPRIVATE = x` defines "GOPRIVATE ",
    /// `export GOFLAGS=…` is a comment to Go. Go silently ignores what the user meant.
    /// </summary>
    public IReadOnlyList<GoEnvFileEntry> SuspiciousLines { get; }

    public GoEnvFileEntry? Get(string key) => _entries.TryGetValue(key, out var e) ? e : null;

    public static GoEnvFile Read(string path)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                // os.ReadFile fails with EISDIR and Go ignores the file, as for any read error.
                return new GoEnvFile(path, true, "it is a directory", [], []);
            }

            if (!File.Exists(path))
            {
                return new GoEnvFile(path, false, null, [], []);
            }

            // Bytes decoded as they are: File.ReadAllText would drop a BOM (and take a UTF-16 one as an encoding),
            // while cmd/go reads the bytes, so a BOM makes it skip the first line (checked with go1.22).
            text = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new GoEnvFile(path, true, e.Message, [], []);
        }

        return Parse(path, text);
    }

    public static GoEnvFile Parse(string path, string text)
    {
        var entries = new Dictionary<string, GoEnvFileEntry>(StringComparer.Ordinal);
        var suspicious = new List<GoEnvFileEntry>();
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] < 'A' || line[0] > 'Z' || eq < 0)
            {
                var trimmed = line.TrimStart();
                var maybe = trimmed.StartsWith("export ", StringComparison.Ordinal) ? trimmed[7..].TrimStart() : trimmed;
                var meq = maybe.IndexOf('=', StringComparison.Ordinal);
                if (meq > 0 && IsVariableName(maybe[..meq].Trim()) && !trimmed.StartsWith('#'))
                {
                    suspicious.Add(new GoEnvFileEntry(maybe[..meq].Trim(), maybe[(meq + 1)..], lineNumber, line));
                }

                continue;
            }

            var key = line[..eq];
            var entry = new GoEnvFileEntry(key, line[(eq + 1)..], lineNumber, line);
            entries[key] = entry;
            if (key != key.Trim() || !IsVariableName(key))
            {
                suspicious.Add(entry);
            }
        }

        return new GoEnvFile(path, true, null, entries, suspicious);
    }

    private static bool IsVariableName(string s) =>
        s.Length > 0 && s.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');
}
