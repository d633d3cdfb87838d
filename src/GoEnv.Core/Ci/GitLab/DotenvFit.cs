using GoEnv.Core.Pinning;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>What <see cref="DotenvBudget.Fit"/> made of a pinned environment so GitLab accepts its dotenv file.</summary>
/// <param name="Environment">The environment to write (the input itself when it fit).</param>
/// <param name="Folded">The names pinned to empty that were folded into GOENV_PIN_EMPTY, sorted; empty when nothing was folded.</param>
/// <param name="Dropped">The names left out of the pin, in the order they were dropped.</param>
/// <param name="Notes">One sentence per fold or drop, for the log and the summary.</param>
public sealed record DotenvFit(PinnedEnvironment Environment, IReadOnlyList<string> Folded, IReadOnlyList<string> Dropped, IReadOnlyList<string> Notes);
