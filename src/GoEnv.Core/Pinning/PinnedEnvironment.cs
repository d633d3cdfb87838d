using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using GoEnv.Core.Reporting;

namespace GoEnv.Core.Pinning;

/// <summary>
/// The environment `pin` fixes: variable names to values, kept in ordinal order so every writer, the content hash
/// and `verify` see the same sequence whatever order the process environment had, plus the Go version text for
/// the file header.
/// </summary>
/// <remarks>
/// Values are kept as given, including characters some formats cannot carry (a newline, NUL): refusing them is
/// the writer's job, per format, so the reason can name the format. Only text that has no UTF-8 form at all
/// (a lone UTF-16 surrogate) is refused here, because it could not even be hashed faithfully.
/// </remarks>
public sealed class PinnedEnvironment
{
    private readonly string _contentHash;

    public PinnedEnvironment(string goVersion, IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(goVersion);
        ArgumentNullException.ThrowIfNull(variables);
        if (goVersion.Length == 0 || goVersion.Trim().Length != goVersion.Length || goVersion.Any(char.IsControl) || !ReportText.IsWellFormedUtf16(goVersion))
        {
            // The version text goes verbatim into a comment line of sh/pwsh/go-env files: a line break there would
            // turn the rest of the text into code, so it is refused rather than escaped.
            throw new ArgumentException($"The Go version text '{goVersion}' must be one line without control characters or surrounding spaces.", nameof(goVersion));
        }

        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"'{name}' is not a variable name ([A-Za-z_][A-Za-z0-9_]*).", nameof(variables));
            }

            ArgumentNullException.ThrowIfNull(value, name);
            if (!ReportText.IsWellFormedUtf16(value))
            {
                throw new ArgumentException($"The value of {name} is not valid Unicode (a lone surrogate) and has no UTF-8 form.", nameof(variables));
            }

            if (!sorted.TryAdd(name, value))
            {
                // Two values for one name would make "the pinned value" depend on input order.
                throw new ArgumentException($"{name} is given twice.", nameof(variables));
            }
        }

        GoVersion = goVersion;
        Variables = new ReadOnlyDictionary<string, string>(sorted);
        _contentHash = ComputeHash(sorted);
    }

    /// <summary>The Go version text as `go env GOVERSION` printed it, e.g. "go1.22.12".</summary>
    public string GoVersion { get; }

    /// <summary>Name → value, enumerated in ordinal name order.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    public int Count => Variables.Count;

    /// <summary>
    /// Lowercase hex SHA-256 of the canonical body: the sorted `NAME=value\n` lines in UTF-8, so for a file without
    /// multi-line values `grep -v '^#' pin.env | sha256sum` (go-env format) reproduces it.
    /// </summary>
    /// <remarks>
    /// `NAME=value\n` alone is ambiguous once a value may hold a newline ({A="x\nB=y"} and {A="x", B="y"} give the same
    /// bytes), and the sh and JSON formats do carry newlines. So when any value contains '\n' the body starts with the
    /// line `%escaped` (no plain body can start with '%', names start with a letter or '_') and every value has '\'
    /// written as `\\` and '\n' as `\n`. Both forms are injective and they cannot collide with each other.
    /// </remarks>
    public string ContentHash() => _contentHash;

    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name)
        && (char.IsAsciiLetter(name[0]) || name[0] == '_')
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static string ComputeHash(SortedDictionary<string, string> variables)
    {
        var escaped = variables.Values.Any(v => v.Contains('\n', StringComparison.Ordinal));
        var body = new StringBuilder();
        if (escaped)
        {
            body.Append("%escaped\n");
        }

        foreach (var (name, value) in variables)
        {
            body.Append(name).Append('=');
            body.Append(escaped ? value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) : value);
            body.Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body.ToString()))).ToLowerInvariant();
    }
}
