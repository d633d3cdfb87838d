namespace GoEnv.Core.Ci;

/// <summary>
/// Which CI runs us, from the environment the runner gives every child process (ci-protocols.md §1):
/// GITHUB_ACTIONS=true first, then GITLAB_CI=true, else none. `--ci` overrides it.
/// </summary>
public static class CiDetector
{
    public static readonly IReadOnlyList<string> Words = ["auto", "github", "gitlab", "none"];

    public static CiPlatform Detect(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Get("GITHUB_ACTIONS") == "true")
        {
            return CiPlatform.GitHub;
        }

        return host.Get("GITLAB_CI") == "true" ? CiPlatform.GitLab : CiPlatform.None;
    }

    /// <summary>The platform for a `--ci` word: auto detects, the others force one.</summary>
    public static CiPlatform Resolve(string? word, HostEnvironment host) => word switch
    {
        null or "" or "auto" => Detect(host),
        "github" => CiPlatform.GitHub,
        "gitlab" => CiPlatform.GitLab,
        "none" => CiPlatform.None,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "expected auto, github, gitlab or none"),
    };
}
