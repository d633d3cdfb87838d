using GoEnv.Core.Discovery;
using GoEnv.Core.Git;
using GoEnv.Core.Security;

namespace GoEnv.Core.Tests.Properties;

/// <summary>A <see cref="GoSnapshot"/> built directly from generated variables: no Go, no files, no git.</summary>
internal static class PropertySnapshot
{
    public static GoSnapshot Of(IEnumerable<(string Name, string Value)> variables, string versionText, bool withGoMod)
    {
        var map = new Dictionary<string, GoVariable>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            map[name] = new GoVariable(name, value, ValueSource.ProcessEnvironment, value);
        }

        return new GoSnapshot
        {
            Host = new HostEnvironment([], Hostile.Workspace, HostOs.Linux),
            Variables = map,
            VersionText = versionText,
            GoMod = withGoMod ? ModuleFile.Parse(Hostile.Workspace + "/sub/go.mod", "module example.com/x\n") : null,
            Git = new NoGit(),
            Redactor = new SecretRedactor(),
        };
    }

    internal sealed class NoGit : IGitFacts
    {
        public string? WorkTreeRoot => null;

        public bool IsInsideWorkTree(string path) => false;

        public bool IsIgnored(string path) => false;
    }
}
