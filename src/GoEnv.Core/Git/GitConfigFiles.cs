namespace GoEnv.Core.Git;

/// <summary>
/// The configuration files git reads outside a repository, for the environment a go command runs git in (Go runs it
/// in the module cache's vcs directory, so no repository's .git/config applies): the system file (unless
/// GIT_CONFIG_NOSYSTEM; GIT_CONFIG_SYSTEM replaces it), the XDG file ($XDG_CONFIG_HOME/git/config, else
/// ~/.config/git/config) and the global one (~/.gitconfig), or GIT_CONFIG_GLOBAL instead of both; lowest priority first.
/// </summary>
public sealed record GitConfigFiles(string? System, string? Xdg, string? Global)
{
    public static GitConfigFiles For(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var home = host.GetNonEmpty("HOME") ?? (host.Os == HostOs.Windows ? host.GetNonEmpty("USERPROFILE") : null);
        var noSystem = host.Get("GIT_CONFIG_NOSYSTEM") is { Length: > 0 } flag && flag is not ("0" or "false" or "no" or "off");
        var system = noSystem ? null : host.GetNonEmpty("GIT_CONFIG_SYSTEM") ?? (host.Os == HostOs.Windows ? null : "/etc/gitconfig");
        if (host.GetNonEmpty("GIT_CONFIG_GLOBAL") is { } global)
        {
            return new GitConfigFiles(system, null, global);
        }

        var xdgHome = host.GetNonEmpty("XDG_CONFIG_HOME") ?? (home is null ? null : Path.Combine(home, ".config"));
        return new GitConfigFiles(system, xdgHome is null ? null : Path.Combine(xdgHome, "git", "config"), home is null ? null : Path.Combine(home, ".gitconfig"));
    }
}
