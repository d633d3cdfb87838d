using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Platform;

internal sealed class ArchitectureLevelRule : Rule
{
    public override string Id => "GOENV0121";

    public override string Title => "An architecture variable has an invalid value";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoAmd64;

    public override string Description => "GOAMD64 (v1–v4), GOARM (5, 6, 7, from 1.22 with ,softfloat/,hardfloat), GOARM64 (v8.0–v9.5 with ,lse/,crypto), GO386, GOMIPS, GOMIPS64, GOPPC64, GORISCV64 and GOWASM take fixed values. Go validates them for every command, whatever GOARCH is (`go: invalid GOAMD64: must be v1, v2, v3, v4`) — except GO386, read only when GOARCH=386, and GOAMD64 and GOARM from Go 1.23, which silently accepts a bad value (a bug: the GOARM64 check overwrites the error), builds for the default level, and records the bad value in the binary's build info. GoEnv reports a bad value as an error, and as a notice where Go ignores it (a level for another GOARCH than the target's).";

    public override string Fix => "Use one of the documented values, or unset the variable.";

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        foreach (var (name, minor) in ArchitectureLevels.Variables)
        {
            if (minor > 0 && snapshot.Version is { } v && !v.AtLeast(1, minor))
            {
                continue;
            }

            var value = snapshot.Value(name);
            if (ArchitectureLevels.Validate(name, value, snapshot.Version) is not { } error)
            {
                continue;
            }

            // A level for another GOARCH than the target's: GO386 is read only for 386, and 1.23+ do not check GOAMD64 or
            // GOARM at all; the value has no effect then. Every other one Go checks whatever GOARCH is (observed).
            var goarch = snapshot.Value(GoVariableNames.GoArch);
            if (Pinning.PinResolver.ArchitectureVariable(goarch, snapshot.Version) != name
                && (name == GoVariableNames.Go386 || (name is GoVariableNames.GoAmd64 or GoVariableNames.GoArm && snapshot.GoAtLeast(1, 23))))
            {
                yield return Report(snapshot, $"{Origin(snapshot, name)} is {Quote(value)} ({error}), but GOARCH is {goarch}: Go ignores {name} for this target, so it has no effect here; it breaks once the job builds for the architecture it belongs to.", FixWhere(snapshot, name), Severity.Notice, name);
                continue;
            }

            var silent = name is GoVariableNames.GoAmd64 or GoVariableNames.GoArm && snapshot.GoAtLeast(1, 23)
                ? $" Go {snapshot.VersionText} does not even report it (a Go 1.23+ bug): it builds for the default level and stamps {name}={value} into the binary."
                : $" Go fails with \"go: {error}\".";
            yield return Report(snapshot, $"{Origin(snapshot, name)} is {Quote(value)}: {error}.{silent}", FixWhere(snapshot, name), variable: name);
        }
    }
}
