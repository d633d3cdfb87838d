namespace GoEnv.Core.Discovery;

/// <summary>One `replace` of a go.mod or go.work: `old [version] => new [version]`.</summary>
/// <param name="OldPath">The replaced module path.</param>
/// <param name="OldVersion">The replaced version; empty for a wildcard replacement (every version).</param>
/// <param name="NewPath">The replacement: a module path, or a directory when <paramref name="NewVersion"/> is empty.</param>
/// <param name="NewVersion">The replacement's version; empty for a directory replacement.</param>
/// <param name="Line">1-based line in the file.</param>
public sealed record ModuleReplacement(string OldPath, string OldVersion, string NewPath, string NewVersion, int Line)
{
    /// <summary>A directory on disk (modfile: a replacement without a version must be a file path).</summary>
    public bool IsDirectory => NewVersion.Length == 0;

    /// <summary>"example.org/x@v1.0.0" or "example.org/x" as Go's errors name the old side.</summary>
    public string DescribeOld() => OldVersion.Length == 0 ? OldPath : OldPath + "@" + OldVersion;

    /// <summary>"../x" or "example.org/y@v1.2.0" as Go's errors name the new side.</summary>
    public string DescribeNew() => NewVersion.Length == 0 ? NewPath : NewPath + "@" + NewVersion;

    /// <summary>Parses the words after `replace` (or a block line); null when they are not a replacement.</summary>
    public static ModuleReplacement? Parse(IReadOnlyList<string> words, int line)
    {
        var arrow = -1;
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == "=>")
            {
                arrow = i;
                break;
            }
        }

        if (arrow is < 1 or > 2 || words.Count - arrow - 1 is < 1 or > 2)
        {
            return null;
        }

        return new ModuleReplacement(
            words[0],
            arrow == 2 ? words[1] : "",
            words[arrow + 1],
            words.Count - arrow - 1 == 2 ? words[arrow + 2] : "",
            line);
    }
}
