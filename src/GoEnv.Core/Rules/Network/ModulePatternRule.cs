using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class ModulePatternRule : Rule
{
    public override string Id => "GOENV0090";

    public override string Title => "A GOPRIVATE/GONOPROXY/GONOSUMDB/GOINSECURE pattern never matches";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoPrivate;

    public override string Description => "These variables are comma lists of path.Match globs matched against module path prefixes. Go does not trim spaces, compares case-sensitively, and silently ignores a malformed glob: `GOPRIVATE=\"corp.example.com, git.example.org\"` does not make git.example.org private, so its module paths go to the public proxy and checksum database (leaking private names, and failing to download). Go never reports it.";

    public override string Fix => "Write the list without spaces (GOPRIVATE=corp.example.com,git.example.org) and use module path prefixes, not URLs.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var name in new[] { GoVariableNames.GoPrivate, GoVariableNames.GoNoProxy, GoVariableNames.GoNoSumDb, GoVariableNames.GoInsecure })
        {
            var variable = snapshot.Variable(name);
            if (!variable.IsExplicit)
            {
                continue;
            }

            foreach (var glob in ModulePathPatterns.Split(variable.Value))
            {
                if (ModulePathPatterns.Problem(glob) is { } problem)
                {
                    var trimmed = string.Join(',', ModulePathPatterns.Split(variable.Value).Select(g => g.Trim()).Where(g => g.Length > 0));
                    yield return Report(snapshot, $"{Origin(snapshot, name)} has the pattern {Quote(glob)}, which {problem}. Module paths it was meant to cover are not treated as private.", $"Set {name}={trimmed}; {WhereToChange(snapshot, name)}.", variable: name);
                }
            }
        }
    }
}
