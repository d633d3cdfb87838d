namespace GoEnv.Core.Ci;

/// <summary>
/// Which CI runs us, from the environment the runner gives every child process (ci-protocols.md §1):
/// GITHUB_ACTIONS=true first, then GITLAB_CI=true, then TF_BUILD=True (Azure Pipelines), else none. `--ci` overrides it.
/// </summary>
public static class CiDetector
{
    public static readonly IReadOnlyList<string> Words = ["auto", "github", "gitlab", "azure", "none"];

    public static CiPlatform Detect(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (host.Get("GITHUB_ACTIONS") == "true")
        {
            return CiPlatform.GitHub;
        }

        if (host.Get("GITLAB_CI") == "true")
        {
            return CiPlatform.GitLab;
        }

        // The agent sets TF_BUILD=True (capitalised); compare as Windows would.
        return string.Equals(host.Get("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase) ? CiPlatform.Azure : CiPlatform.None;
    }

    /// <summary>The platform for a `--ci` word: auto detects, the others force one.</summary>
    public static CiPlatform Resolve(string? word, HostEnvironment host) => word switch
    {
        null or "" or "auto" => Detect(host),
        "github" => CiPlatform.GitHub,
        "gitlab" => CiPlatform.GitLab,
        "azure" => CiPlatform.Azure,
        "none" => CiPlatform.None,
        _ => throw new ArgumentOutOfRangeException(nameof(word), word, "expected auto, github, gitlab, azure or none"),
    };
}
