namespace GoEnv.Tasks.Tests.Infrastructure;

/// <summary>
/// A temp polyglot repository: a net10.0 class library referencing the packed GoEnv.Tasks, a Go module (no
/// dependencies) next to it, and a GoBuild target that runs <c>go build ./...</c> and the built program with
/// <c>@(GoEnvironment)</c>; the program writes the Go variables it sees to seen.txt.
/// </summary>
internal sealed class PolyglotRepository : IDisposable
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <$TFMPROPERTY>net10.0</$TFMPROPERTY>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="GoEnv.Tasks" Version="$VERSION" />
          </ItemGroup>
          <Target Name="GoBuild" AfterTargets="Build" DependsOnTargets="GoEnvResolve">
            <Exec Command="go build ./... &amp;&amp; go build -o obj/seen-env . &amp;&amp; obj/seen-env seen.txt"
                  EnvironmentVariables="@(GoEnvironment->'%(Identity)=%(Value)')" />
          </Target>
        </Project>
        """;

    private const string Program = """
        package main

        import (
        	"fmt"
        	"os"
        )

        func main() {
        	out := ""
        	for _, name := range []string{"GOROOT", "GOFLAGS", "GOTOOLCHAIN", "GOENV", "GOWORK"} {
        		out += fmt.Sprintf("%s=%s\n", name, os.Getenv(name))
        	}
        	if err := os.WriteFile(os.Args[1], []byte(out), 0o644); err != nil {
        		panic(err)
        	}
        }
        """;

    private readonly TempTree _tree = new("goenv-tasks-repo-");
    private readonly PackedFeed _feed;
    private readonly string _nugetPackages;

    /// <param name="multiTargeting">TargetFrameworks instead of TargetFramework: an outer build dispatching to inner builds.</param>
    public PolyglotRepository(PackedFeed feed, string nugetPackages, string goDirective = "1.22", bool multiTargeting = false)
    {
        _feed = feed;
        _nugetPackages = nugetPackages;
        _tree.Write("repo/NuGet.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="goenv-local" value="{feed.Directory}" />
              </packageSources>
            </configuration>
            """);
        _tree.Write("repo/app.csproj", Project.Replace("$VERSION", feed.Version, StringComparison.Ordinal).Replace("$TFMPROPERTY", multiTargeting ? "TargetFrameworks" : "TargetFramework", StringComparison.Ordinal));
        _tree.Write("repo/Library.cs", "namespace App;\n\npublic static class Library\n{\n}\n");
        _tree.Write("repo/go.mod", $"module example.com/app\n\ngo {goDirective}\n");
        _tree.Write("repo/main.go", Program);
        Environment = DotNet.Environment(_tree.Home, nugetPackages, GoToolchain.BinDirectory);
    }

    public string Directory => _tree.PathTo("repo");

    /// <summary>The complete environment of `dotnet build` (change it before building).</summary>
    public Dictionary<string, string> Environment { get; }

    public string PathTo(string relative) => _tree.PathTo(Path.Combine("repo", relative));

    /// <summary>Makes the repository a git work tree (no commit needed for ignore rules) with this .gitignore.</summary>
    public void InitGit(string gitignore)
    {
        File.WriteAllText(PathTo(".gitignore"), gitignore);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = _tree.Home, ["PATH"] = "/usr/bin:/bin", ["GIT_CONFIG_NOSYSTEM"] = "1" };
        var init = ChildProcess.Run("/usr/bin/git", ["init", "-q"], Directory, environment, TimeSpan.FromSeconds(60));
        if (init.ExitCode != 0)
        {
            throw new InvalidOperationException("git init failed: " + init);
        }
    }

    public ProcessResult Build(params string[] extra) =>
        DotNet.Run(["build", "-nodeReuse:false", "-nologo", .. extra], Directory, Environment);

    public void Dispose() => _tree.Dispose();

    public override string ToString() => $"{Directory} (GoEnv.Tasks {_feed.Version}, NUGET_PACKAGES={_nugetPackages})";
}
