using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Toolchain;

internal sealed class GoToolchainInvalidRule : Rule
{
    public override string Id => "GOENV0100";

    public override string Title => "GOTOOLCHAIN cannot be parsed";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoToolchain;

    public override string Description => "GOTOOLCHAIN (Go 1.21+) is local, auto, path, a toolchain name like go1.22.3, or a name/local followed by +auto or +path; case-sensitive, no spaces. Go evaluates it before every command in module mode, even `go version`, and exits: `go: invalid GOTOOLCHAIN \"bogus\"`. Go 1.19/1.20 ignore the variable.";

    public override string Fix => "Use GOTOOLCHAIN=local (never download a toolchain), auto, or an exact toolchain such as go1.22.3.";

    public override string Versions => "1.21+ (ignored by older Go)";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var value = snapshot.Value(GoVariableNames.GoToolchain);
        if (value.Length == 0 || snapshot.Value(GoVariableNames.Go111Module) == "off")
        {
            yield break;
        }

        if (GoToolchainSetting.Parse(value, out var error) is null)
        {
            if (snapshot.GoAtLeast(1, 21) || snapshot.Version is null)
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoToolchain)} is {Quote(value)}: every go command in module mode fails with \"go: {error}\".", FixWhere(snapshot, GoVariableNames.GoToolchain));
            }
            else
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoToolchain)} is {Quote(value)}, which Go 1.21+ rejects (\"go: {error}\"); Go {snapshot.VersionText} ignores GOTOOLCHAIN, so it only breaks once Go is upgraded.", severity: Severity.Warning);
            }
        }
    }
}
