using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Network;

internal sealed class ModulePatternTooWideRule : Rule
{
    public override string Id => "GOENV0091";

    public override string Title => "GONOSUMDB, GOINSECURE or GOPRIVATE matches every module";

    public override Severity DefaultSeverity => Severity.Warning;

    public override string? Variable => GoVariableNames.GoNoSumDb;

    public override string Description => "A pattern such as `*` matches every module path. In GONOSUMDB (or GOPRIVATE, which it defaults to) that turns off checksum-database verification for all modules; in GOINSECURE it allows plain HTTP and unverified TLS for every direct fetch; in GOPRIVATE/GONOPROXY it also bypasses the proxy for everything.";

    public override string Fix => "List only your private module prefixes (e.g. GOPRIVATE=github.com/your-org).";

    private static readonly string[] s_publicModules = ["github.com/stretchr/testify", "golang.org/x/text", "google.golang.org/protobuf", "gopkg.in/yaml.v3", "example.org/m"];

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var name in new[] { GoVariableNames.GoNoSumDb, GoVariableNames.GoInsecure, GoVariableNames.GoPrivate })
        {
            var variable = snapshot.Variable(name);
            if (!variable.IsExplicit || variable.Value.Length == 0)
            {
                continue;
            }

            if (s_publicModules.All(m => ModulePathPatterns.Matches(variable.Value, m)))
            {
                var effect = name switch
                {
                    GoVariableNames.GoInsecure => "every direct module fetch may use plain HTTP or unverified TLS",
                    GoVariableNames.GoPrivate => "no module is checked against the checksum database or fetched through the proxy",
                    _ => "no module is checked against the checksum database",
                };
                yield return Report(snapshot, $"{Origin(snapshot, name)} is {Quote(variable.Value)}, which matches every module path: {effect}.", variable: name);
            }
        }
    }
}
