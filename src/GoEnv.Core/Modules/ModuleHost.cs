using System.Net;

namespace GoEnv.Core.Modules;

/// <summary>What a module path's host name says about where the module can be fetched from and who may learn of it.</summary>
public static class ModuleHost
{
    /// <summary>
    /// Top-level domains no public DNS answers (RFC 2606: example, invalid, test): a fetch from such a host works only
    /// through a rewrite (git's insteadOf) or a hosts-file entry.
    /// </summary>
    private static readonly string[] s_neverResolved = ["example", "invalid", "test"];

    /// <summary>
    /// Names only private networks use: those above, `internal` (reserved by ICANN for private use), `home.arpa`
    /// (RFC 8375), `local` (mDNS) and the names organisations commonly give their intranets (corp, home, lan,
    /// intranet, private).
    /// </summary>
    private static readonly string[] s_privateUse = [.. s_neverResolved, "internal", "home.arpa", "local", "localhost", "corp", "home", "lan", "intranet", "private"];

    /// <summary>The host (with its port, if any) of a module path: its first element.</summary>
    public static string Of(string modulePath)
    {
        ArgumentNullException.ThrowIfNull(modulePath);
        var slash = modulePath.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? modulePath : modulePath[..slash];
    }

    /// <summary>The host name without its port.</summary>
    public static string NameOf(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var colon = host.LastIndexOf(':');
        return colon > 0 && host.IndexOf(']', StringComparison.Ordinal) < colon ? host[..colon] : host;
    }

    /// <summary>Public DNS never resolves the name (its top-level domain is reserved for examples and tests).</summary>
    public static bool NeverResolved(string host) => EndsWithAny(NameOf(host), s_neverResolved);

    /// <summary>
    /// The name only exists inside a private network: a private-use top-level domain, or an address in a private,
    /// loopback or link-local range. A public proxy or checksum database can know nothing of it.
    /// </summary>
    public static bool IsPrivateNetworkName(string host)
    {
        var name = NameOf(host).Trim('[', ']');
        if (IPAddress.TryParse(name, out var address))
        {
            return IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal || IsPrivateV4(address);
        }

        return EndsWithAny(name, s_privateUse);
    }

    /// <summary>The hosts file (/etc/hosts, or Windows' drivers\etc\hosts) names the host: it resolves without DNS.</summary>
    public static bool InHostsFile(string host, HostOs os)
    {
        var file = os == HostOs.Windows ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.System), "drivers", "etc", "hosts") : "/etc/hosts";
        var name = NameOf(host);
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var hash = line.IndexOf('#', StringComparison.Ordinal);
                var names = (hash >= 0 ? line[..hash] : line).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (names.Skip(1).Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return false;
    }

    private static bool EndsWithAny(string name, string[] domains)
    {
        var lower = name.TrimEnd('.').ToLowerInvariant();
        return domains.Any(d => lower == d || lower.EndsWith("." + d, StringComparison.Ordinal));
    }

    private static bool IsPrivateV4(IPAddress address)
    {
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] < 32) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] >= 64 && b[1] < 128);
    }
}
