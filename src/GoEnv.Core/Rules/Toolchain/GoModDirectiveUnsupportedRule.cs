using GoEnv.Core.Discovery;
using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GoModDirectiveUnsupportedRule : Rule
{
    public override string Id => "GOENV0102";

    public override string Title => "go.mod/go.work has syntax the running Go cannot parse";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "Each Go release parses go.mod and go.work with the directives it knows: `toolchain` and a patch-level `go` line from 1.21, `godebug` from 1.23 (go.mod and go.work), `tool` from 1.24, `ignore` from 1.25. A directive the running release does not know, a block of a kind it does not know, or a repeated `module`/`go`/`toolchain` line fails every module command: `go: errors parsing go.mod:` `go.mod:5: unknown directive: godebug` (`unknown block type: godebug`, `repeated go statement`; for go.work: `go: reading go.work: …`). The running release is the one GOTOOLCHAIN selects. From 1.24, a go.mod whose go line is newer than the release reports that instead (GOENV0101); 1.21–1.23 report the parse error first (terraform's `godebug` line with Go 1.21: `go.mod:5: unknown directive: godebug`).";

    public override string Fix => "Run a Go release that knows the directive (the go line should ask for it), or remove the directive; remove a repeated line.";

    public override string Versions => "all supported Go versions (the directives each release knows differ)";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        if (snapshot.RunningVersion is not { } release || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        var files = new List<ModuleFile>();
        if (snapshot.GoWork is { } work)
        {
            files.Add(work);
            files.AddRange(snapshot.WorkspaceModules.Select(m => m.GoMod).OfType<ModuleFile>());
        }
        else if (snapshot.GoMod is { } mod)
        {
            files.Add(mod);
        }

        foreach (var file in files)
        {
            // From 1.24 a go.mod whose go line is newer than the release reports "requires go >= …" instead of its
            // parse errors (modload.ReadModFile retries with modfile.ParseLax); 1.21–1.23 and go.work report them.
            if (!file.IsWorkspace && release.AtLeast(1, 24) && file.GoLineVersion is { } wanted && wanted > release)
            {
                continue;
            }

            var shown = file.IsWorkspace || !release.AtLeast(1, 21) ? file.Path : GoStrings.ShortPath(file.Path, snapshot.Host.WorkingDirectory);
            var errors = ModFileGrammar.Errors(file, release).ToList();
            foreach (var (line, text) in errors)
            {
                yield return ReportAt(snapshot, file.Path, line, $"{Path.GetFileName(file.Path)} line {line} cannot be parsed by go{release.Text}{(snapshot.Toolchain.Switches ? $" (the toolchain GOTOOLCHAIN selects)" : "")}: every module command fails with \"{shown}:{line}: {text}\".", FixFor(text, file.IsWorkspace), variable: file.IsWorkspace ? GoVariableNames.GoWork : null);
            }

            // Go stops at the first file it cannot parse (go.work, then the modules in `use` order): it never reads the others.
            if (errors.Count > 0)
            {
                yield break;
            }
        }
    }

    private string FixFor(string text, bool workspace)
    {
        if (text.StartsWith("repeated ", StringComparison.Ordinal))
        {
            return "Keep one of the repeated lines.";
        }

        var verb = text[(text.LastIndexOf(' ') + 1)..];
        if (text.StartsWith("invalid go version", StringComparison.Ordinal))
        {
            return "Use Go 1.21 or newer for this module (the go line asks for it anyway).";
        }

        return ModFileGrammar.Directives(workspace).TryGetValue(verb, out var since)
            ? $"`{verb}` needs Go 1.{since} or newer: run Go 1.{since}+ (and say so in the go line), or remove the directive."
            : $"`{verb}` is not a {(workspace ? "go.work" : "go.mod")} directive in any Go release: remove it.";
    }
}
