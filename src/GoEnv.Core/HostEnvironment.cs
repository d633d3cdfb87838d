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

    public HostOs Os { get; }

    public IReadOnlyDictionary<string, string> Variables => _variables;

    public char PathListSeparator => Os == HostOs.Windows ? ';' : ':';

    /// <summary>The raw value, or null when the variable is not set at all.</summary>
    public string? Get(string name) => _variables.TryGetValue(name, out var value) ? value : null;

    /// <summary>Go's rule: an empty process variable counts as unset (cmd/go/internal/cfg.Getenv).</summary>
    public string? GetNonEmpty(string name) => _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>True when running in a CI system (the CI variable that every major CI sets).</summary>
    public bool IsCi => string.Equals(Get("CI"), "true", StringComparison.OrdinalIgnoreCase) || Get("GITHUB_ACTIONS") == "true" || Get("GITLAB_CI") == "true";
}
