namespace GoEnv.Core.Pinning;

/// <summary>`verify`: the environment of a later step against the pinned file, variable by variable.</summary>
public static class PinVerifier
{
    public static IReadOnlyList<PinDrift> Compare(EnvFileContent pinned, GoSnapshot current)
    {
        var now = new Dictionary<string, string>(PinResolver.Resolve(current).Environment.Variables, StringComparer.Ordinal)
        {
            // The resolver writes what pin decides; verify must see what this step really has.
            [GoVariableNames.GoEnv] = current.Host.Get(GoVariableNames.GoEnv) ?? "",
            [GoVariableNames.GoToolchain] = current.Value(GoVariableNames.GoToolchain),
        };

        var drifts = new List<PinDrift>();
        foreach (var (name, variable) in Expand(pinned).OrderBy(v => v.Value.Line).ThenBy(v => v.Key, StringComparer.Ordinal))
        {
            if (name == PinHeader.DotenvHashVariable)
            {
                continue;
            }

            // A variable whose value holds a secret here was left out of the pin on purpose; compare the rest.
            var actual = now.TryGetValue(name, out var v) ? v : current.Host.Get(name) ?? "";
            if (!string.Equals(actual, variable.Value, StringComparison.Ordinal))
            {
                drifts.Add(new PinDrift(name, current.Redactor.Redact(variable.Value), current.Redactor.Redact(actual), variable.Line));
            }
        }

        return drifts;
    }

    /// <summary>
    /// Real Go's word on the step: its go (the one the snapshot examined) run under the step's own environment, as
    /// <see cref="PinConfirmation"/> does for pin. Null when Go accepts it, else why not.
    /// </summary>
    public static string? Confirm(GoSnapshot current, Discovery.IProcessRunner runner, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(runner);
        if (current.Go is not { } go)
        {
            return current.GoProblem ?? "no go executable";
        }

        var request = PinConfirmation.Request(current, go.Path, current.Host.Variables, timeout ?? PinConfirmation.DefaultTimeout);
        return PinConfirmation.Refusal(request, runner.Run(request), current.Redactor);
    }

    /// <summary>The file's variables with GOENV_PIN_EMPTY (GitLab dotenv) turned back into one empty variable per name, at its line.</summary>
    private static IEnumerable<KeyValuePair<string, EnvFileVariable>> Expand(EnvFileContent pinned)
    {
        foreach (var pair in pinned.Variables)
        {
            if (pair.Key != PinHeader.DotenvEmptyVariable)
            {
                yield return pair;
                continue;
            }

            foreach (var name in pair.Value.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!pinned.Variables.ContainsKey(name))
                {
                    yield return new(name, pair.Value with { Name = name, Value = "" });
                }
            }
        }
    }
}
