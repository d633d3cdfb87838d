namespace GoEnv.Core.Git;

/// <summary>
/// One setting of git's configuration as git reads it: the key (section and name in lower case, a subsection as
/// written, e.g. `url.https://x@host/.insteadof`), its value, and where it is set (the file and its 1-based line; 0
/// when the line is not found, e.g. a setting from an included file, and the file names the variable for
/// GIT_CONFIG_COUNT's pairs).
/// </summary>
public sealed record GitConfigEntry(string Key, string Value, string File, int Line)
{
    public string Where => Line > 0 ? $"{File}:{Line}" : File;
}
