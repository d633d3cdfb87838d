namespace GoEnv.Core.Modules;

/// <summary>
/// How git would reach a repository Go fetches directly, as far as the environment shows it: the URL Go asks git for,
/// where git's url.&lt;base&gt;.insteadOf sends it, and what git would authenticate with there. Nothing secret is kept:
/// a rewritten URL's user-info is masked, credentials are named by kind and place only.
/// </summary>
/// <param name="Url">The URL Go gives git (https://git.corp.example/team/lib: for a root with a .git suffix, the first of the secure schemes Go tries that git can reach).</param>
/// <param name="Rewritten">Where insteadOf sends it, user-info masked; null when no rewrite applies.</param>
/// <param name="RewriteWhere">The file:line of that insteadOf.</param>
/// <param name="Transport">How git talks to the place it ends up at.</param>
/// <param name="Credentials">What git would authenticate with, each with where it is set ("a credential helper (~/.gitconfig:4)").</param>
/// <param name="Unreachable">Why git cannot reach it at all, in a sentence; null when it may.</param>
public sealed record RepositoryAccess(string Url, string? Rewritten, string? RewriteWhere, GitTransport Transport, IReadOnlyList<string> Credentials, string? Unreachable)
{
    /// <summary>The place git ends up at: the rewritten URL, or the one Go asked for.</summary>
    public string Target => Rewritten ?? Url;

    /// <summary>The transport needs credentials for anything private and none are visible.</summary>
    public bool NoVisibleCredentials => Unreachable is null && Transport is GitTransport.Https or GitTransport.Ssh && Credentials.Count == 0;
}
