namespace GoEnv.Tasks;

/// <summary>
/// Codes of the MSBuild host's own errors (not rules: the rule catalog is GOENV0001–GOENV0999). Documented in
/// docs/msbuild.md; never reused. GOENV1001 (MSBuild too old) is raised by build/GoEnv.Tasks.targets.
/// </summary>
internal static class HostDiagnostics
{
    /// <summary>The check passed but the env file could not be written (a value the format cannot carry, an I/O error).</summary>
    public const string PinNotWritten = "GOENV1002";

    public const string HelpLink = "https://github.com/org/goenv-action/blob/main/docs/msbuild.md#diagnostics";
}
