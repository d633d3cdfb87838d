using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class GoAuthRule : Rule
{
    public override string Id => "GOENV0075";

    public override string Title => "GOAUTH cannot be used, or runs a command";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoAuth;

    public override string Description => "GOAUTH (Go 1.24+) is a `;`-separated list of authentication commands, run in reverse order before Go's first HTTPS request: `off` (alone), `netrc` (the default), `git DIR` (an absolute directory), or any other command line, which Go runs with the URL to get HTTP headers. Go checks the list only then, and fails every download: `GOAUTH encountered an empty command (GOAUTH=netrc;)`, `GOAUTH=off cannot be combined with other authentication commands`, `GOAUTH=git dir method requires an absolute path to the git working directory`. A command is code that Go executes with the job's rights: a notice says where the value came from (a go env file written by an earlier step, or a pull request's environment, can plant one).";

    public override string Fix => "Use GOAUTH=netrc (the default), off, `git /abs/dir`, or a command you control; separate entries with `;` and leave no empty one.";

    public override string Versions => "1.24+ (ignored by older Go)";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoAuth);
        if (value.Length == 0 || !snapshot.GoAtLeast(1, 24))
        {
            yield break;
        }

        // runGoAuth only runs for an https request: a proxy or direct fetches (file:// and off never do).
        var https = GoProxyList.Parse(snapshot.Value(GoVariableNames.GoProxy)).Entries.Any(e => e.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || e.Url == "direct");
        var commands = value.Split(';');
        foreach (var raw in commands)
        {
            var words = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var error = words.Length == 0 ? $"GOAUTH encountered an empty command (GOAUTH={value})"
                : words[0] == "off" && commands.Length != 1 ? $"GOAUTH=off cannot be combined with other authentication commands (GOAUTH={value})"
                : words[0] == "git" ? GitError(words)
                : null;
            if (error is not null)
            {
                yield return https
                    ? Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoAuth)} is {Quote(value)}: every module download over HTTPS fails with \"go: {error}\".", FixWhere(snapshot, GoVariableNames.GoAuth))
                    : Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoAuth)} is {Quote(value)}, which Go rejects (\"go: {error}\") at its first HTTPS request; GOPROXY has none now, so it breaks only once one is added.", FixWhere(snapshot, GoVariableNames.GoAuth), Severity.Warning);
                yield break;
            }
        }

        foreach (var command in commands.Select(c => c.Trim()).Where(c => c.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0] is not ("off" or "netrc" or "git")))
        {
            yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoAuth)} makes Go run the command {Quote(command)} before its HTTPS requests, with the job's rights and environment: make sure that is a program you put there.", $"Keep GOAUTH in the pipeline definition you review, not in a go env file or an environment a pull request can change ({WhereToChange(snapshot, GoVariableNames.GoAuth)}).", Severity.Notice);
        }
    }

    private static string? GitError(string[] words)
    {
        const string requires = "GOAUTH=git dir method requires an absolute path to the git working directory";
        if (words.Length != 2)
        {
            return requires;
        }

        if (!Path.IsPathFullyQualified(words[1]))
        {
            return requires + ", dir is not absolute";
        }

        return File.Exists(words[1]) ? requires + ", dir is not a directory"
            : !Directory.Exists(words[1]) ? $"GOAUTH=git encountered an error; cannot stat {words[1]}: stat {words[1]}: no such file or directory"
            : null;
    }
}
