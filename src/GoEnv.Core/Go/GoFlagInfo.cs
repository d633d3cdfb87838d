namespace GoEnv.Core.Go;

internal sealed record GoFlagInfo(string Name, GoFlagKind Kind, IReadOnlyList<string> Commands, string? OtherValues = null)
{
    public bool IsBuildFlag => Commands.Contains("build");
}
