using System.Text.RegularExpressions;

namespace GoEnv.Tasks;

/// <summary>
/// Where a diagnostic without a file of its own is placed (a variable set in the process environment, a pin that
/// could not be written): the line of the PackageReference that brings GoEnv.Tasks into the build, in the file that
/// defines it (the project, Directory.Build.props, …). A diagnostic needs a line for the IDE's error list and for CI
/// problem matchers: actions/setup-dotnet's takes `file(line[,col]): error CODE: text [project]` only.
/// </summary>
/// <param name="File">The file; null when nothing is known.</param>
/// <param name="Line">1-based; 0 when the file has no line to point at.</param>
/// <param name="Column">1-based; 0 with no line.</param>
/// <param name="ProjectFile">The project being built.</param>
internal sealed partial record DiagnosticLocation(string? File, int Line, int Column, string? ProjectFile = null)
{
    /// <summary>
    /// The text of a diagnostic placed at <paramref name="file"/>: MSBuild's console logger ends a diagnostic with
    /// " [project]" only when its file is not the project itself, and setup-dotnet's matcher needs that ending, so a
    /// diagnostic on the project file carries it in its text.
    /// </summary>
    public string Text(string text, string? file) =>
        ProjectFile is not null && string.Equals(file, ProjectFile, StringComparison.Ordinal) ? $"{text} [{ProjectFile}]" : text;

    /// <param name="definingFile">The PackageReference's DefiningProjectFullPath, when MSBuild gave it.</param>
    /// <param name="projectFile">The project being built (line 1 when the reference cannot be found in a file).</param>
    public static DiagnosticLocation Find(string? definingFile, string? projectFile)
    {
        foreach (var file in new[] { definingFile, projectFile }.Where(f => !string.IsNullOrEmpty(f)).Distinct(StringComparer.Ordinal))
        {
            string text;
            try
            {
                text = System.IO.File.ReadAllText(file!);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var match = Reference().Match(text);
            if (match.Success)
            {
                var before = text.AsSpan(0, match.Index);
                var line = before.Count('\n') + 1;
                var column = match.Index - (before.LastIndexOf('\n') + 1) + 1;
                return new DiagnosticLocation(file, line, column, projectFile);
            }
        }

        return string.IsNullOrEmpty(projectFile) ? new DiagnosticLocation(null, 0, 0) : new DiagnosticLocation(projectFile, 1, 1, projectFile);
    }

    /// <summary>&lt;PackageReference Include="GoEnv.Tasks" …&gt; (or GlobalPackageReference, PackageVersion is not it), attributes in any order.</summary>
    [GeneratedRegex("""<(?:Global)?PackageReference\b[^>]*?\b(?:Include|Update)\s*=\s*["']\s*GoEnv\.Tasks\s*["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Reference();
}
