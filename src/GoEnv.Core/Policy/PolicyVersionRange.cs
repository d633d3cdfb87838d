using GoEnv.Core.Go;

namespace GoEnv.Core.Policy;

/// <summary>
/// `go.version`: comparators separated by spaces (or commas), all of which must hold — ">=1.22 &lt;1.24",
/// "1.22.x", "1.22" (same as 1.22.x), "1.22.3" (exactly). Versions compare as cmd/go's gover does, so "&lt;1.24"
/// excludes 1.24rc1 (the language version 1.24 sorts before every 1.24 release) and "&gt;=1.22" admits 1.22rc1.
/// </summary>
public sealed class PolicyVersionRange
{
    private readonly IReadOnlyList<Comparator> _comparators;

    private PolicyVersionRange(string text, IReadOnlyList<Comparator> comparators)
    {
        Text = text;
        _comparators = comparators;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    public bool Contains(GoVersion version) => _comparators.All(c => c.Holds(version));

    /// <summary>Parses a range; null with a reason when it is not one.</summary>
    public static PolicyVersionRange? Parse(string text, out string? error)
    {
        error = null;
        var comparators = new List<Comparator>();
        foreach (var token in text.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var op = token.StartsWith(">=", StringComparison.Ordinal) ? ">="
                : token.StartsWith("<=", StringComparison.Ordinal) ? "<="
                : token.StartsWith('>') ? ">"
                : token.StartsWith('<') ? "<"
                : token.StartsWith('=') ? "="
                : "";
            var rest = token[op.Length..];
            if (rest.StartsWith("go", StringComparison.Ordinal))
            {
                rest = rest[2..];
            }

            var wildcard = rest.EndsWith(".x", StringComparison.Ordinal);
            var version = GoVersion.ParseStrict(wildcard ? rest[..^2] : rest);
            if (version is null || version.Text.IndexOf('.', StringComparison.Ordinal) < 0)
            {
                error = $"\"{token}\" is not a Go version comparator (use >=1.22, <1.24, 1.22.x or 1.22.3)";
                return null;
            }

            if (wildcard && !version.IsLanguageVersion)
            {
                error = $"\"{token}\": a wildcard applies to a language version such as 1.22.x";
                return null;
            }

            if (op.Length == 0 || op == "=")
            {
                if (version.IsLanguageVersion)
                {
                    // "1.22" and "1.22.x" both mean every 1.22 release (and its prereleases).
                    comparators.Add(new Comparator(">=", version));
                    comparators.Add(new Comparator("<", GoVersion.ParseStrict($"{version.Major}.{version.Minor + 1}")!));
                }
                else
                {
                    comparators.Add(new Comparator("=", version));
                }

                continue;
            }

            if (wildcard)
            {
                error = $"\"{token}\": a wildcard cannot follow {op}; write {op}{version.Text}";
                return null;
            }

            comparators.Add(new Comparator(op, version));
        }

        if (comparators.Count == 0)
        {
            error = "the version range is empty";
            return null;
        }

        return new PolicyVersionRange(text, comparators);
    }

    public override string ToString() => Text;

    private sealed record Comparator(string Op, GoVersion Version)
    {
        public bool Holds(GoVersion v) => Op switch
        {
            ">=" => v >= Version,
            "<=" => v <= Version,
            ">" => v > Version,
            "<" => v < Version,
            _ => v == Version,
        };
    }
}
