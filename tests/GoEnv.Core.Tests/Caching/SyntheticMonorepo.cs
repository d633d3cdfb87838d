using System.Globalization;
using System.Text;

namespace GoEnv.Core.Tests.Caching;

/// <summary>
/// A generated git repository with N Go modules (go.mod, go.sum of a few lines, one .go file each), committed with
/// the git CLI, and optionally a go.work that uses all of them. For the cache key tests and for bench/cachekeys
/// (a benchmark project can compile this file in with a linked Compile item).
/// </summary>
internal static class SyntheticMonorepo
{
    /// <summary>Module i lives in modules/m&lt;i, 5 digits&gt;.</summary>
    public static string ModuleDirectory(int index) => "modules/m" + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <param name="root">An empty directory.</param>
    /// <param name="moduleCount">How many modules.</param>
    /// <param name="workspace">Also write (and commit) a go.work using every module, and a go.work.sum.</param>
    public static void Create(string root, int moduleCount, bool workspace)
    {
        var work = new StringBuilder("go 1.22\n\nuse (\n");
        for (var i = 0; i < moduleCount; i++)
        {
            var dir = Path.Combine(root, ModuleDirectory(i));
            Directory.CreateDirectory(dir);
            var name = "example.com/mono/m" + i.ToString(CultureInfo.InvariantCulture);
            File.WriteAllText(Path.Combine(dir, "go.mod"), $"module {name}\n\ngo 1.22\n\nrequire example.org/dep{i % 7} v1.{i % 5}.0\n");
            File.WriteAllText(Path.Combine(dir, "go.sum"), GoSum(i));
            File.WriteAllText(Path.Combine(dir, "main.go"), $"package main\n\nfunc main() {{ println({i}) }}\n");
            work.Append("\t./").Append(ModuleDirectory(i)).Append('\n');
        }

        work.Append(")\n");
        if (workspace)
        {
            File.WriteAllText(Path.Combine(root, "go.work"), work.ToString());
            File.WriteAllText(Path.Combine(root, "go.work.sum"), "example.org/extra v0.1.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n");
        }

        GitCli.Run(root, "init", "-q");
        GitCli.Run(root, "add", "-A");
        GitCli.Run(root, "commit", "-q", "-m", "synthetic monorepo");
    }

    private static string GoSum(int i)
    {
        var dep = "example.org/dep" + (i % 7).ToString(CultureInfo.InvariantCulture);
        var version = "v1." + (i % 5).ToString(CultureInfo.InvariantCulture) + ".0";
        var seed = Convert.ToBase64String(BitConverter.GetBytes(i * 2654435761L));
        return $"{dep} {version} h1:{seed}{new string('A', 32)}=\n{dep} {version}/go.mod h1:{seed}{new string('B', 32)}=\n"
            + $"golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=\n";
    }
}
