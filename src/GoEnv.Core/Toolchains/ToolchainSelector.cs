using GoEnv.Core.Go;

namespace GoEnv.Core.Toolchains;

/// <summary>
/// Chooses the installed toolchain to pin for a module: the `go` line is the minimum (Go 1.21+ semantics: a
/// language version "1.22" is satisfied by any 1.22.x release), a `toolchain` line names the preferred release
/// (taken when installed, else the minimum still decides), and an optional policy range narrows the choice.
/// Among the toolchains that qualify, the newest is pinned: it has every fix of that line.
/// </summary>
public static class ToolchainSelector
{
    public static ToolchainSelection Select(IReadOnlyList<InstalledToolchain> installed, GoVersion? goLine, GoVersion? toolchainLine, Func<GoVersion, bool>? policy = null, string? requirementText = null)
    {
        var qualifying = installed
            .Where(t => goLine is null || Satisfies(t.Version, goLine))
            .Where(t => policy is null || policy(t.Version))
            .OrderByDescending(t => t.Version)
            .ToList();

        var chosen = toolchainLine is not null && qualifying.FirstOrDefault(t => t.Version == toolchainLine) is { } exact ? exact : qualifying.FirstOrDefault();
        var requirement = requirementText ?? (goLine is null ? "any Go" : $"go >= {goLine.Text}");
        return new ToolchainSelection(chosen, requirement, installed.OrderByDescending(t => t.Version).ToList());
    }

    /// <summary>True when the release can build a module whose go line is <paramref name="minimum"/>.</summary>
    public static bool Satisfies(GoVersion release, GoVersion minimum) =>
        minimum.IsLanguageVersion
            ? release.Major > minimum.Major || (release.Major == minimum.Major && release.Minor >= minimum.Minor)
            : release >= minimum;
}
