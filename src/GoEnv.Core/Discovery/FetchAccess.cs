using GoEnv.Core.Git;
using GoEnv.Core.Modules;
using GoEnv.Core.Security;

namespace GoEnv.Core.Discovery;

/// <summary>
/// What the environment gives git and Go to reach a module's origin: git's configuration (insteadOf rewrites,
/// credential helpers, extra headers, askpass), git's ~/.netrc, SSH keys and agent. Read once, on first use: only a
/// check with a module to fetch pays for it. Secrets met on the way are collected for the redactor.
/// </summary>
internal sealed class FetchAccess(HostEnvironment host)
{
    private readonly Lazy<IReadOnlyList<GitConfigEntry>> _config = new(() => GitConfigReader.Read(host));
    private readonly Lazy<NetrcFile?> _netrc = new(() => NetrcFile.Read(NetrcFile.GitPath(host)));
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private bool _learned;

    /// <summary>Credentials seen in what was read (netrc passwords, user-info in insteadOf bases, extra headers' values).</summary>
    public IReadOnlyCollection<string> Secrets => _secrets;

    /// <summary>How git reaches the repository Go fetches <paramref name="repository"/> from.</summary>
    public RepositoryAccess Of(ModuleRepository repository)
    {
        // Go asks git for https://github.com/owner/repo; for a root with a .git suffix it pings each secure scheme in
        // turn (vcs.go: https, git+ssh, ssh) on the root without the suffix, and uses the first git can reach.
        string[] urls = repository.BySuffix
            ? [.. new[] { "https", "git+ssh", "ssh" }.Select(s => s + "://" + repository.Root[..^(repository.Vcs.Length + 1)])]
            : ["https://" + repository.Root];
        LearnSecrets();
        var accesses = urls.Select(Resolve).ToList();
        if (accesses.FirstOrDefault(a => a.Unreachable is null) is { } reachable)
        {
            return reachable;
        }

        // None reachable: say why through the rewrite, if one applied, else that nothing rewrites the name.
        return accesses.FirstOrDefault(a => a.Rewritten is not null)
            ?? accesses[0] with { Unreachable = $"{ModuleHost.NameOf(ModuleHost.Of(repository.Root))} does not resolve (its top-level domain is reserved; no hosts-file entry) and no url.<base>.insteadOf rewrites {string.Join(", ", urls)}" };
    }

    /// <summary>
    /// Why the path looks private though nothing routes it so: a private-network name, or git's configuration or
    /// .netrc singles its host out (an insteadOf rewrite, a credential setting, a machine entry), on a host that is
    /// not a public code host. Null when nothing says so.
    /// </summary>
    public string? PrivateEvidence(string modulePath)
    {
        LearnSecrets();
        var host = ModuleHost.Of(modulePath);
        if (ModuleHost.IsPrivateNetworkName(host))
        {
            return $"{ModuleHost.NameOf(host)} is a private-network name";
        }

        if (s_publicCodeHosts.Contains(ModuleHost.NameOf(host)))
        {
            return null;
        }

        var prefix = "https://" + host + "/";
        foreach (var entry in _config.Value)
        {
            if ((IsInsteadOf(entry) && ((prefix.StartsWith(entry.Value, StringComparison.Ordinal) && entry.Value.Length > "https://".Length) || entry.Value.StartsWith(prefix, StringComparison.Ordinal)))
                || (UrlSetting(entry, "credential") is { } url && UrlMatches(url, prefix)))
            {
                return $"{entry.Where} singles out {host}";
            }
        }

        return _netrc.Value?.For(host) is { } machine ? $"{_netrc.Value.Path}:{machine.Line} holds credentials for {host}" : null;
    }

    /// <summary>Hosts where both public and private repositories live: that git has credentials for them says nothing of one path.</summary>
    private static readonly HashSet<string> s_publicCodeHosts = new(StringComparer.OrdinalIgnoreCase) { "github.com", "gitlab.com", "bitbucket.org", "codeberg.org", "gitea.com", "dev.azure.com", "ssh.dev.azure.com", "git.sr.ht", "launchpad.net" };

    private RepositoryAccess Resolve(string url)
    {
        var config = _config.Value;

        // git's url.<base>.insteadOf: the longest matching value wins.
        GitConfigEntry? rewrite = null;
        foreach (var entry in config)
        {
            if (IsInsteadOf(entry) && entry.Value.Length > 0 && url.StartsWith(entry.Value, StringComparison.Ordinal) && (rewrite is null || entry.Value.Length > rewrite.Value.Length))
            {
                rewrite = entry;
            }
        }

        var target = rewrite is null ? url : BaseOf(rewrite) + url[rewrite.Value.Length..];
        var transport = TransportOf(target);
        var credentials = new List<string>();
        string? unreachable = null;
        switch (transport)
        {
            case GitTransport.Local:
                var path = target.StartsWith("file://", StringComparison.Ordinal) ? Uri.UnescapeDataString(target["file://".Length..]) : target;
                if (!Directory.Exists(path))
                {
                    unreachable = $"the insteadOf at {rewrite?.Where} sends it to {path}, which does not exist";
                }

                break;
            case GitTransport.Https:
                CredentialsForHttps(target, config, credentials);
                break;
            case GitTransport.Ssh:
                CredentialsForSsh(config, credentials);
                break;
        }

        if (unreachable is null && rewrite is null && transport != GitTransport.Local && HostOf(target) is { } targetHost && ModuleHost.NeverResolved(targetHost) && !ModuleHost.InHostsFile(targetHost, host.Os))
        {
            unreachable = $"{ModuleHost.NameOf(targetHost)} does not resolve";
        }

        return new RepositoryAccess(url, rewrite is null ? null : SecretRedactor.MaskUserInfo(target), rewrite?.Where, transport, credentials, unreachable);
    }

    private void CredentialsForHttps(string target, IReadOnlyList<GitConfigEntry> config, List<string> credentials)
    {
        if (UserInfo(target) is { Length: > 0 })
        {
            credentials.Add("user-info in the rewritten URL");
        }

        // credential.helper is a list: an empty value clears what came before it.
        var helper = config.LastOrDefault(e => (e.Key == "credential.helper" || (UrlSetting(e, "credential") is { } url && e.Key.EndsWith(".helper", StringComparison.Ordinal) && UrlMatches(url, target))));
        if (helper is { Value.Length: > 0 })
        {
            credentials.Add($"a credential helper ({helper.Where})");
        }

        if (config.LastOrDefault(e => e.Key == "http.extraheader" || (UrlSetting(e, "http") is { } url && e.Key.EndsWith(".extraheader", StringComparison.Ordinal) && UrlMatches(url, target))) is { Value.Length: > 0 } header)
        {
            credentials.Add($"an extra HTTP header ({header.Where})");
        }

        if (HostOf(target) is { } targetHost && _netrc.Value?.For(ModuleHost.NameOf(targetHost)) is { } machine)
        {
            credentials.Add($"a .netrc machine ({_netrc.Value.Path}:{machine.Line})");
        }

        if (host.GetNonEmpty("GIT_ASKPASS") is not null || config.Any(e => e.Key == "core.askpass" && e.Value.Length > 0) || host.GetNonEmpty("SSH_ASKPASS") is not null)
        {
            credentials.Add("an askpass program (GIT_ASKPASS, core.askPass or SSH_ASKPASS)");
        }
    }

    private void CredentialsForSsh(IReadOnlyList<GitConfigEntry> config, List<string> credentials)
    {
        if (host.GetNonEmpty("SSH_AUTH_SOCK") is not null)
        {
            credentials.Add("an SSH agent (SSH_AUTH_SOCK)");
        }

        if (host.GetNonEmpty("GIT_SSH_COMMAND") is not null || host.GetNonEmpty("GIT_SSH") is not null || config.Any(e => e.Key == "core.sshcommand" && e.Value.Length > 0))
        {
            credentials.Add("an SSH command of its own (GIT_SSH_COMMAND, GIT_SSH or core.sshCommand)");
        }

        var home = host.HomeDirectory;
        if (home is not null)
        {
            var ssh = Path.Combine(home, ".ssh");
            if (new[] { "id_ed25519", "id_ecdsa", "id_rsa", "id_ed25519_sk", "id_ecdsa_sk", "id_dsa" }.Select(k => Path.Combine(ssh, k)).FirstOrDefault(File.Exists) is { } key)
            {
                credentials.Add($"an SSH key ({key})");
            }
            else if (File.Exists(Path.Combine(ssh, "config")))
            {
                credentials.Add($"an SSH client configuration ({Path.Combine(ssh, "config")})");
            }
        }
    }

    /// <summary>Once, before anything read is used: the credentials in git's configuration and .netrc.</summary>
    private void LearnSecrets()
    {
        if (_learned)
        {
            return;
        }

        _learned = true;
        foreach (var entry in _config.Value)
        {
            if (IsInsteadOf(entry) && UserInfo(BaseOf(entry)) is { Length: > 0 } userInfo)
            {
                _secrets.Add(userInfo.Contains(':', StringComparison.Ordinal) ? userInfo[(userInfo.IndexOf(':', StringComparison.Ordinal) + 1)..] : userInfo);
            }
            else if (entry.Key.EndsWith(".extraheader", StringComparison.Ordinal) && entry.Value.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
            {
                // "AUTHORIZATION: basic <base64>": the credentials after the scheme word (masking them masks the whole value).
                var value = entry.Value[(colon + 1)..].Trim();
                _secrets.Add(value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? value[(space + 1)..].Trim() : value);
            }
        }

        foreach (var password in _netrc.Value?.Passwords ?? [])
        {
            _secrets.Add(password);
        }

        _secrets.RemoveWhere(s => s.Length < 4);
    }

    private static bool IsInsteadOf(GitConfigEntry entry) => entry.Key.StartsWith("url.", StringComparison.Ordinal) && entry.Key.EndsWith(".insteadof", StringComparison.Ordinal);

    /// <summary>The &lt;base&gt; of url.&lt;base&gt;.insteadOf.</summary>
    private static string BaseOf(GitConfigEntry entry) => entry.Key["url.".Length..^".insteadof".Length];

    /// <summary>The URL of a `section.<url>.name` key (credential.https://host.helper), or null for another section or none.</summary>
    private static string? UrlSetting(GitConfigEntry entry, string section)
    {
        var prefix = section + ".";
        var last = entry.Key.LastIndexOf('.');
        return entry.Key.StartsWith(prefix, StringComparison.Ordinal) && last > prefix.Length ? entry.Key[prefix.Length..last] : null;
    }

    /// <summary>
    /// git's urlmatch, for the parts that decide here: the same scheme and host (a `*.` label matches one label), the
    /// same port, the configured path a prefix of the URL's on a '/' boundary, a configured user name equal.
    /// </summary>
    internal static bool UrlMatches(string pattern, string url)
    {
        if (!Uri.TryCreate(pattern.Replace("*.", "wildcard-label.", StringComparison.Ordinal), UriKind.Absolute, out var p) || !Uri.TryCreate(url, UriKind.Absolute, out var u))
        {
            return false;
        }

        if (!string.Equals(p.Scheme, u.Scheme, StringComparison.OrdinalIgnoreCase) || p.Port != u.Port)
        {
            return false;
        }

        var patternLabels = p.Host.Split('.');
        var hostLabels = u.Host.Split('.');
        if (patternLabels.Length != hostLabels.Length || patternLabels.Where((l, i) => l != "wildcard-label" && !string.Equals(l, hostLabels[i], StringComparison.OrdinalIgnoreCase)).Any())
        {
            return false;
        }

        if (p.UserInfo.Length > 0 && p.UserInfo.Split(':')[0] != u.UserInfo.Split(':')[0])
        {
            return false;
        }

        var path = p.AbsolutePath.TrimEnd('/');
        return path.Length == 0 || u.AbsolutePath == path || u.AbsolutePath.StartsWith(path + "/", StringComparison.Ordinal);
    }

    internal static GitTransport TransportOf(string url)
    {
        if (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return GitTransport.Https;
        }

        if (url.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("git+ssh://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("ssh+git://", StringComparison.OrdinalIgnoreCase))
        {
            return GitTransport.Ssh;
        }

        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase) || Path.IsPathFullyQualified(url))
        {
            return GitTransport.Local;
        }

        // The scp form: [user@]host:path, a colon before any slash.
        var colon = url.IndexOf(':', StringComparison.Ordinal);
        var slash = url.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && !url.Contains("://", StringComparison.Ordinal) && (slash < 0 || colon < slash) ? GitTransport.Ssh : GitTransport.Other;
    }

    /// <summary>The host (and port) a URL names, the scp form included; null for a local path.</summary>
    internal static string? HostOf(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme >= 0 ? url[(scheme + 3)..] : url;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (at >= 0 && (slash < 0 || at < slash))
        {
            rest = rest[(at + 1)..];
        }

        var end = scheme >= 0 ? rest.IndexOf('/', StringComparison.Ordinal) : rest.IndexOf(':', StringComparison.Ordinal);
        var found = end < 0 ? rest : rest[..end];
        return found.Length == 0 ? null : found;
    }

    private static string? UserInfo(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return null;
        }

        var rest = url[(scheme + 3)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return at >= 0 && (slash < 0 || at < slash) ? rest[..at] : null;
    }
}
