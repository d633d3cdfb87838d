using GoEnv.Core.Findings;
using GoEnv.Core.Go;

namespace GoEnv.Core.Rules.Flags;

internal sealed class GoFlagsBadValueRule : Rule
{
    public override string Id => "GOENV0053";

    public override string Title => "A GOFLAGS flag has a bad value";

    public override Severity DefaultSeverity => Severity.Error;

    public override string? Variable => GoVariableNames.GoFlags;

    public override string Description => "The commands that define a GOFLAGS flag parse its value: a boolean flag needs true/false (or nothing), -p a number, -mod one of mod, readonly, vendor, -buildvcs true/false/auto, a value flag needs `=value`. Otherwise `go build` (and the other commands that take the flag) fails: `go: invalid boolean value \"asdf\" for flag -race (from $GOFLAGS): parse error`, `go: flag needs an argument: -ldflags (from $GOFLAGS)`, `go: -mod=bogus not supported (can be '', 'mod', 'readonly', or 'vendor')`.";

    public override string Fix => "Correct the value.";

    private static readonly string[] s_boolValues = ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"];

    public override IEnumerable<Finding> Evaluate(GoSnapshot snapshot)
    {
        var analysis = GoFlagsAnalysis.Of(snapshot);
        foreach (var (_, word) in analysis.Flags())
        {
            if (analysis.Table.Get(word.Name) is not { } info || !GoFlagsAnalysis.UsedByBuildCommands(info))
            {
                continue;
            }

            var problem = Check(info, word, snapshot);
            if (problem is not null)
            {
                yield return Report(snapshot, $"{Origin(snapshot, GoVariableNames.GoFlags)}: {problem}", $"Correct {word.Text}; {WhereToChange(snapshot, GoVariableNames.GoFlags)}.");
            }
        }
    }

    private static string? Check(GoFlagInfo info, GoFlagsWord word, GoSnapshot snapshot)
    {
        var name = word.Name;
        var value = word.Value;
        if (name == "C")
        {
            return $"go commands fail with \"go: invalid value {Quote(value ?? "")} for flag -C (from $GOFLAGS): -C flag must be first flag on command line\".";
        }

        switch (info.Kind)
        {
            case GoFlagKind.Bool:
                if (value is not null && !s_boolValues.Contains(value, StringComparer.Ordinal))
                {
                    return $"go build fails with \"go: invalid boolean value {Quote(value)} for flag -{name} (from $GOFLAGS): parse error\".";
                }

                return null;
            case GoFlagKind.Int:
                if (value is null)
                {
                    return $"go build fails with \"go: flag needs an argument: -{name} (from $GOFLAGS)\".";
                }

                if (!long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    return $"go build fails with \"go: invalid value {Quote(value)} for flag -{name} (from $GOFLAGS): parse error\".";
                }

                if (name == "p" && number <= 0)
                {
                    return $"go build fails with \"go: -p must be a positive integer: {value}\".";
                }

                return null;
            default:
                if (value is null)
                {
                    // Boolean-like values (-buildvcs, go test -v from 1.21) take the bare name.
                    return info.OtherIsBoolFlag ? null : $"go build fails with \"go: flag needs an argument: -{name} (from $GOFLAGS)\".";
                }

                if (info.OtherIsBoolFlag && name != "buildvcs" && !s_boolValues.Contains(value, StringComparer.Ordinal)
                    && !(info.OtherValues ?? "").Split(", ").Contains(value, StringComparer.Ordinal))
                {
                    return $"go commands that take -{name} fail with \"go: invalid boolean value {Quote(value)} for flag -{name} (from $GOFLAGS)\".";
                }

                if (name == "mod" && value is not ("" or "mod" or "readonly" or "vendor"))
                {
                    return $"go build fails with \"-mod={value} not supported (can be '', 'mod', 'readonly', or 'vendor')\".";
                }

                if (name == "buildvcs" && value != "auto" && !s_boolValues.Contains(value, StringComparer.Ordinal))
                {
                    return $"go build fails with \"go: invalid boolean value {Quote(value)} for flag -buildvcs (from $GOFLAGS): value is neither 'auto' nor a valid bool\".";
                }

                return null;
        }
    }
}
