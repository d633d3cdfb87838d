using System.Globalization;
using System.Text.RegularExpressions;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>One installed Go toolchain: its GOROOT, its <c>go</c> binary and the version it reports.</summary>
internal sealed partial record GoToolchain(string GoRoot, string Version, int Major, int Minor, int Patch)
{
    public string BinDirectory => Path.Combine(GoRoot, "bin");

    public string GoBinary => Path.Combine(BinDirectory, "go");

    /// <summary>True for Go 1.<paramref name="minor"/> and later.</summary>
    public bool IsAtLeast(int minor) => Major > 1 || (Major == 1 && Minor >= minor);

    public override string ToString() => Version;

    /// <summary>Parses <c>go1.21.13</c>, <c>go1.22rc1</c> or <c>go1.19</c>; null when the text is no Go version.</summary>
    public static GoToolchain? FromVersion(string goRoot, string version)
    {
        Match match = VersionPattern().Match(version.Trim());
        if (!match.Success)
        {
            return null;
        }

        int patch = match.Groups["patch"].Success ? int.Parse(match.Groups["patch"].Value, CultureInfo.InvariantCulture) : 0;
        return new GoToolchain(
            goRoot,
            match.Value,
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture),
            patch);
    }

    [GeneratedRegex(@"^go(?<major>\d+)\.(?<minor>\d+)(?:\.(?<patch>\d+))?(?:(?:rc|beta)\d+)?")]
    private static partial Regex VersionPattern();
}
