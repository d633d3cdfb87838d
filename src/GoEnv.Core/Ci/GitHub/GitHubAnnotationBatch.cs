using GoEnv.Core.Findings;

namespace GoEnv.Core.Ci.GitHub;

/// <summary>The annotation command lines for one step, and what did not fit the runner's per-type budget.</summary>
/// <param name="Lines">`::error …`, `::warning …`, `::notice …` lines, in the findings' order; print each on a fresh stdout line.</param>
/// <param name="NotAnnotated">How many findings got no line (over 10 of their type); the caller says so in the log and summary.</param>
/// <param name="Annotated">The findings behind <paramref name="Lines"/>, one per line, same order.</param>
public sealed record GitHubAnnotationBatch(IReadOnlyList<string> Lines, int NotAnnotated, IReadOnlyList<Finding> Annotated);
