using System.Text.RegularExpressions;

namespace GoEnv.Core.Modules;

/// <summary>
/// The repository a module is fetched from directly, when its path alone says so (cmd/go/internal/vcs's vcsPaths,
/// without network): github.com/owner/repo (git), and the general form host/path.vcs with a version-control suffix
/// (.git, .hg, .svn, .bzr, .fossil), whose root ends at the suffix. Other paths need a go-get lookup over HTTPS
/// first, which names the version-control system: null then.
/// </summary>
/// <param name="Root">The repository root import path (the path GOVCS and Go's errors name).</param>
/// <param name="Vcs">The version-control command: git, hg, svn, bzr or fossil.</param>
/// <param name="BySuffix">The root ends at a version-control suffix: Go first pings the schemes (https, ssh…) with the command.</param>
public sealed partial record ModuleRepository(string Root, string Vcs, bool BySuffix = false)
{
    /// <summary>The command's name in Go's messages ("missing Git command"): vcs.Cmd.Name.</summary>
    public string VcsName => Vcs switch
    {
        "git" => "Git",
        "hg" => "Mercurial",
        "svn" => "Subversion",
        "bzr" => "Bazaar",
        _ => "Fossil",
    };

    public static ModuleRepository? Of(string modulePath)
    {
        ArgumentNullException.ThrowIfNull(modulePath);
        if (GitHub().Match(modulePath) is { Success: true } github)
        {
            return new ModuleRepository(github.Groups["root"].Value, "git");
        }

        return General().Match(modulePath) is { Success: true } general ? new ModuleRepository(general.Groups["root"].Value, general.Groups["vcs"].Value, BySuffix: true) : null;
    }

    [GeneratedRegex(@"^(?<root>github\.com/[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+)(/[A-Za-z0-9_.\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex GitHub();

    // vcsPaths' last entry: `(?P<root>(?P<repo>([a-z0-9.\-]+\.)+[a-z0-9.\-]+(:[0-9]+)?(/~?[\w\.\-]+)+?)\.(?P<vcs>bzr|fossil|git|hg|svn))(/~?[\w\.\-]+)*$`.
    [GeneratedRegex(@"^(?<root>(?<repo>([a-z0-9.\-]+\.)+[a-z0-9.\-]+(:[0-9]+)?(/~?[A-Za-z0-9_.\-]+)+?)\.(?<vcs>bzr|fossil|git|hg|svn))(/~?[A-Za-z0-9_.\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex General();
}
