using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Rules;

namespace GoEnv.Core.Policy;

/// <summary>
/// GOENV0141. The policy is not part of the snapshot, so <see cref="Evaluate(GoSnapshot)"/> yields nothing and
/// <see cref="PolicyEvaluator"/> calls <see cref="Check"/>; living in a Rule subclass gives the findings the same
/// origin wording and redaction as every other rule, and gives `explain` its text.
/// </summary>
internal sealed class PolicyViolationRule : Rule
{
    public const string RuleId = "GOENV0141";

    public override string Id => RuleId;

    public override string Title => "The Go environment breaks the policy in .goenv.yml";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => null;

    public override string Description => "The repository's .goenv.yml pins what the Go environment must look like (a Go version range, a GOTOOLCHAIN policy, required or forbidden values such as GOFLAGS containing -mod=readonly, GOPROXY using https only, GOSUMDB not off). The effective environment — what `go env` reports after the process environment, the user's go/env file and $GOROOT/go.env are combined — does not meet one of those requirements. Each finding points at the requirement in the policy file and names the value and where it was set.";

    public override string Fix => "Change the variable where the pipeline sets it (or the go/env file line that sets it) so that it meets the requirement; if the requirement is wrong, change .goenv.yml.";

    public override string Versions => "all supported Go versions (1.19+); GOTOOLCHAIN counts as local before Go 1.21";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot) => [];

    public IEnumerable<Finding> Check(GoSnapshot snapshot, GoEnvPolicy policy)
    {
        if (policy.GoVersion is not null)
        {
            var at = policy.GoVersionLocation!;
            if (snapshot.Version is null)
            {
                yield return At(snapshot, policy, at, GoVariableNames.GoVersion, $"The policy requires Go {policy.GoVersion.Text}, but the Go version could not be determined{(snapshot.VersionText.Length > 0 ? $" (GOVERSION is {Quote(snapshot.VersionText)})" : "")}.", $"Install a Go release in the range {policy.GoVersion.Text} and put it first on PATH.");
            }
            else if (!policy.GoVersion.Contains(snapshot.Version))
            {
                var where = snapshot.Go is null ? "" : $" at {snapshot.Go.Path}";
                yield return At(snapshot, policy, at, GoVariableNames.GoVersion, $"The policy requires Go {policy.GoVersion.Text}, but the Go{where} is {snapshot.Version}.", $"Use a Go release in the range {policy.GoVersion.Text} (setup-go's go-version, the image tag, or PATH), or change go.version in {policy.Path}.");
            }
        }

        if (policy.Toolchain is not null && ToolchainViolation(snapshot, policy.Toolchain) is { } toolchainMessage)
        {
            yield return At(snapshot, policy, policy.ToolchainLocation!, GoVariableNames.GoToolchain, toolchainMessage, $"Set GOTOOLCHAIN={policy.Toolchain}: {WhereToChange(snapshot, GoVariableNames.GoToolchain)}.");
        }

        foreach (var requirement in policy.Requirements)
        {
            if (Violation(snapshot, requirement) is { } violation)
            {
                yield return At(snapshot, policy, requirement.Location, requirement.Variable, violation.Message, violation.Fix);
            }
        }
    }

    private static string? ToolchainViolation(GoSnapshot snapshot, string wanted)
    {
        var value = snapshot.Value(GoVariableNames.GoToolchain);
        var shown = $"{Origin(snapshot, GoVariableNames.GoToolchain)} is {Quote(value)}";
        var setting = GoToolchainSetting.Parse(value, out _);
        if (setting is null)
        {
            return $"The policy requires GOTOOLCHAIN {wanted}, but {shown}, which Go rejects.";
        }

        // Before Go 1.21 there is no toolchain switching at all, whatever the variable says.
        var effectivelyLocal = !snapshot.GoAtLeast(1, 21) || (setting.MinimumIsLocal && !setting.MaySwitch);
        var holds = wanted switch
        {
            "local" => effectivelyLocal,
            "auto" or "path" => snapshot.GoAtLeast(1, 21) && setting.Mode == wanted,
            _ => value == wanted,
        };
        if (holds)
        {
            return null;
        }

        return wanted switch
        {
            "local" => $"The policy requires GOTOOLCHAIN=local (never switch or download toolchains), but {shown}.",
            "auto" or "path" when !snapshot.GoAtLeast(1, 21) => $"The policy requires GOTOOLCHAIN {wanted}, but Go {snapshot.Version} predates toolchain switching (Go 1.21).",
            "auto" or "path" => $"The policy requires GOTOOLCHAIN in {wanted} mode, but {shown}.",
            _ => $"The policy requires GOTOOLCHAIN={wanted}, but {shown}.",
        };
    }

    private static (string Message, string Fix)? Violation(GoSnapshot snapshot, PolicyRequirement requirement)
    {
        var name = requirement.Variable;
        var value = snapshot.Value(name);
        var shown = $"{Origin(snapshot, name)} is {Quote(value)}";
        var where = WhereToChange(snapshot, name);
        var wanted = requirement.Value;
        switch (requirement.Kind)
        {
            case PolicyRequirementKind.EqualTo when value != wanted:
                return ($"The policy requires {name}={Quote(wanted)}, but {shown}.", $"Set {name}={wanted}: {where}.");
            case PolicyRequirementKind.OneOf when !requirement.Values.Contains(value, StringComparer.Ordinal):
                return ($"The policy requires {name} to be one of {string.Join(", ", requirement.Values.Select(Quote))}, but {shown}.", $"Set {name} to one of those values: {where}.");
            case PolicyRequirementKind.Not when value == wanted:
                return ($"The policy forbids {name}={Quote(wanted)}, but {shown}.", $"Give {name} another value: {where}.");
            case PolicyRequirementKind.Contains when !Entries(snapshot, name, value).Contains(Normalize(name, wanted), StringComparer.Ordinal):
                return ($"The policy requires {name} to contain {Quote(wanted)}, but {shown}.", $"Add {wanted} to {name}: {where}.");
            case PolicyRequirementKind.NotContains when Entries(snapshot, name, value).Contains(Normalize(name, wanted), StringComparer.Ordinal):
                return ($"The policy forbids {Quote(wanted)} in {name}, but {shown}.", $"Remove {wanted} from {name}: {where}.");
            case PolicyRequirementKind.Scheme:
                var offending = GoProxyList.Parse(value).Entries.FirstOrDefault(e => !e.IsKeyword && !e.Url.StartsWith(wanted + "://", StringComparison.OrdinalIgnoreCase));
                return offending is null ? null : ($"The policy requires every {name} URL to use {wanted}, but the entry {Quote(offending.Text)} does not ({shown}).", $"Use {wanted}:// URLs only in {name}: {where}.");
            default:
                return null;
        }
    }

    /// <summary>
    /// What "contains" looks in: GOFLAGS's words as the running Go splits them (with "--flag" read as "-flag", as Go's
    /// flag package does), GOPROXY's entries (cut at ',' and '|'), every other variable's comma-separated entries.
    /// </summary>
    private static IEnumerable<string> Entries(GoSnapshot snapshot, string name, string value) => name switch
    {
        GoVariableNames.GoFlags => GoFlagsTokenizer.Split(value, snapshot.Version, out _).Select(w => Normalize(name, w.Text)),
        GoVariableNames.GoProxy => value.Split([',', '|']).Select(e => e.Trim(GoStrings.AsciiSpace)).Where(e => e.Length > 0),
        _ => value.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0),
    };

    private static string Normalize(string name, string word) =>
        name == GoVariableNames.GoFlags && word.StartsWith("--", StringComparison.Ordinal) ? word[1..] : word;

    private Finding At(GoSnapshot snapshot, GoEnvPolicy policy, PolicyLocation location, string variable, string message, string fix) =>
        new(Id, DefaultSeverity, variable, snapshot.Redactor.Redact(message), snapshot.Redactor.Redact(fix), snapshot.Redactor.Redact(policy.Path), location.Line, location.Column);
}
