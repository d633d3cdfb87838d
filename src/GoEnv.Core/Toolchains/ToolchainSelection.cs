using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <param name="Chosen">The toolchain to pin, or null when none satisfies the requirement.</param>
/// <param name="Requirement">The requirement in words, e.g. "go >= 1.22.3 (go.mod:3)".</param>
/// <param name="Candidates">Every installed toolchain considered, newest first.</param>
public sealed record ToolchainSelection(InstalledToolchain? Chosen, string Requirement, IReadOnlyList<InstalledToolchain> Candidates);
