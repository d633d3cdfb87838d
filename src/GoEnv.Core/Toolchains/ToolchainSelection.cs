using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <param name="Chosen">The toolchain to pin, or null when none satisfies the requirement.</param>
/// <param name="Requirement">The requirement in words, e.g. "go >= 1.22.3 (go.mod:3)".</param>
/// <param name="Candidates">Every installed toolchain considered, newest first.</param>
public sealed record ToolchainSelection(InstalledToolchain? Chosen, string Requirement, IReadOnlyList<InstalledToolchain> Candidates)
{
    /// <summary>What is installed, for a refusal: "go1.22.12 (/usr/lib/go-1.22, via PATH), …" or "none".</summary>
    public string Installed => Candidates.Count == 0 ? "none" : string.Join(", ", Candidates.Select(t => $"go{t.Version.Text} ({t.GoRoot}, via {t.FoundVia})"));
}
