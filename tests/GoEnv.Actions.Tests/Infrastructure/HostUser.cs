namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>Facts about the user running the tests.</summary>
internal static class HostUser
{
    private static readonly Lazy<bool> s_isRoot = new(() =>
    {
        ProcessResult id = ChildProcess.Run("/usr/bin/id", ["-u"], "/", new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }, TimeSpan.FromSeconds(10));
        return id.ExitCode == 0 && id.StandardOutput.Trim() == "0";
    });

    /// <summary>Root bypasses file permissions: unwritable-directory scenarios only mean something for other users, and chown works.</summary>
    public static bool IsRoot => s_isRoot.Value;
}
