using GoEnv.Core.Discovery;

namespace GoEnv.Core.Go;

/// <summary>
/// What the golang.org/x/mod/modfile parser vendored in each Go release accepts in a main module's go.mod and in
/// go.work, and the errors it reports (in line order, every one, as `go: errors parsing go.mod:` lists them). Each
/// directive with the release that introduced it, as observed with real Go 1.19–1.27: `toolchain` 1.21, `godebug`
/// 1.23 (go.mod and go.work), `tool` 1.24, `ignore` 1.25; a patch-level `go` line needs 1.21.
/// </summary>
public static class ModFileGrammar
{
    private static readonly Dictionary<string, int> s_goMod = new(StringComparer.Ordinal)
    {
        ["module"] = 0, ["go"] = 0, ["require"] = 0, ["exclude"] = 0, ["replace"] = 0, ["retract"] = 16,
        ["toolchain"] = 21, ["godebug"] = 23, ["tool"] = 24, ["ignore"] = 25,
    };

    private static readonly Dictionary<string, int> s_goWork = new(StringComparer.Ordinal)
    {
        ["go"] = 0, ["use"] = 0, ["replace"] = 0, ["toolchain"] = 21, ["godebug"] = 23,
    };

    /// <summary>Directives that may open a block; `go` and `toolchain` never do.</summary>
    private static readonly HashSet<string> s_blocks = new(StringComparer.Ordinal) { "module", "require", "exclude", "replace", "retract", "godebug", "tool", "ignore", "use" };

    /// <summary>The directives and the minor release that introduced each, for go.mod or go.work.</summary>
    public static IReadOnlyDictionary<string, int> Directives(bool workspace) => workspace ? s_goWork : s_goMod;

    /// <summary>The parse errors the release reports for the file: (line, text after "file:line: ").</summary>
    public static IReadOnlyList<(int Line, string Text)> Errors(ModuleFile file, GoVersion release)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(release);
        var known = Directives(file.IsWorkspace);
        var errors = new List<(int, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in file.Statements)
        {
            var verb = statement.Verb;
            if (!known.TryGetValue(verb, out var since) || !release.AtLeast(1, since))
            {
                errors.Add((statement.Line, statement.IsBlock ? $"unknown block type: {verb}" : $"unknown directive: {verb}"));
            }
            else if (statement.IsBlock && !s_blocks.Contains(verb))
            {
                errors.Add((statement.Line, $"unknown block type: {verb}"));
            }
            else if (verb is "module" or "go" or "toolchain" && !seen.Add(verb))
            {
                errors.Add((statement.Line, $"repeated {verb} statement"));
            }
            else if (verb == "go" && !release.AtLeast(1, 21) && file.Go is { } go && go.Line == statement.Line && go.Value.Count(c => c == '.') > 1)
            {
                // Before 1.21 the go line is a language version only.
                errors.Add((statement.Line, $"invalid go version '{go.Value}': must match format 1.23"));
            }
        }

        return errors;
    }
}
