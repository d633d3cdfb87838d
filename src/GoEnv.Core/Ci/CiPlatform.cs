namespace GoEnv.Core.Ci;

/// <summary>The CI system whose protocols GoEnv speaks: annotations, exports, reports.</summary>
public enum CiPlatform
{
    /// <summary>No CI protocol: plain text on stdout, no exports beyond the env file.</summary>
    None,

    /// <summary>GitHub Actions (and act/Gitea/Forgejo, which set GITHUB_ACTIONS=true too).</summary>
    GitHub,

    /// <summary>GitLab CI.</summary>
    GitLab,

    /// <summary>Azure Pipelines (TF_BUILD=True).</summary>
    Azure,
}
