namespace GoEnv.Core;

/// <summary>
/// The host's view of the world that Core may read: environment variables, working directory, OS.
/// Hosts build it (from the process, from MSBuild, from a test); Core never reads the process directly.
/// </summary>
public sealed class HostEnvironment
{
    private readonly Dictionary<string, string> _variables;

    public HostEnvironment(IEnumerable<KeyValuePair<string, string>> variables, string workingDirectory, HostOs os)
    {
        // Environment names are case-sensitive on Unix and not on Windows; Go itself compares exactly on Unix.
        _variables = new Dictionary<string, string>(os == HostOs.Windows ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var (key, value) in variables)
        {
            _variables[key] = value;
        }

        WorkingDirectory = workingDirectory;
        Os = os;
    }

    public string WorkingDirectory { get; }

    /// <summary>
    /// A process's variables as its OS looks them up, for hosts to pass in: <paramref name="all"/> is
    /// Environment.GetEnvironmentVariables(), <paramref name="lookUp"/> Environment.GetEnvironmentVariable. A Windows
    /// block may hold one name in several letter cases (`Path` and `PATH`, from a runner that merges environments):
    /// GetEnvironmentVariableW, and so cmd.exe and Go's os.Getenv, take the first in block order, while
    /// GetEnvironmentVariables keeps whichever it met last. Elsewhere names are exact and nothing changes.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> ProcessVariables(System.Collections.IDictionary all, Func<string, string?> lookUp, HostOs os)
    {
        foreach (System.Collections.DictionaryEntry entry in all)
        {
            var name = (string)entry.Key;
            var value = (string?)entry.Value ?? "";
            yield return new KeyValuePair<string, string>(name, os == HostOs.Windows ? lookUp(name) ?? value : value);
        }
    }

    public HostOs Os { get; }

    public IReadOnlyDictionary<string, string> Variables => _variables;

    /// <summary>
    /// Go's filepath.SplitList for this host: nothing for "", else the entries between separators; on Windows a
    /// double-quoted part may hold ';' and the quotes are removed (`"C:;b";C:\c` is `C:;b` and `C:\c`).
    /// </summary>
    public IReadOnlyList<string> SplitList(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        if (Os != HostOs.Windows)
        {
            return value.Split(':');
        }

        var entries = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == ';' && !quoted)
            {
                entries.Add(value[start..i].Replace("\"", "", StringComparison.Ordinal));
                start = i + 1;
            }
        }

        entries.Add(value[start..].Replace("\"", "", StringComparison.Ordinal));
        return entries;
    }

    /// <summary>The raw value, or null when the variable is not set at all.</summary>
    /// <summary>The home directory as Go's os.UserHomeDir finds it: USERPROFILE on Windows, HOME elsewhere; null when unset or empty.</summary>
    public string? HomeDirectory => GetNonEmpty(Os == HostOs.Windows ? "USERPROFILE" : "HOME");

    public string? Get(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Go's rule: an empty process variable counts as unset (cmd/go/internal/cfg.Getenv).</summary>
    public string? GetNonEmpty(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>True when running in a CI system (the CI variable that every major CI sets).</summary>
    public bool IsCi => string.Equals(Get("CI"), "true", StringComparison.OrdinalIgnoreCase) || Get("GITHUB_ACTIONS") == "true" || Get("GITLAB_CI") == "true";
}
