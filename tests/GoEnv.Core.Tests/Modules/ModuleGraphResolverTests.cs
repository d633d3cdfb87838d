using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Tests.Modules;

[TestClass]
public sealed class ModuleGraphResolverTests
{
    private const string DepSum = "example.org/dep v1.0.0 h1:zip=\nexample.org/dep v1.0.0/go.mod h1:mod=\n";

    [TestMethod]
    [DataRow("1.19", "", "go1.22.3", BuildMode.Vendor)]
    [DataRow("1.13", "", "go1.22.3", BuildMode.Readonly)]
    [DataRow("1.19", "-mod=mod", "go1.22.3", BuildMode.Mod)]
    [DataRow("1.19", "-mod=readonly -mod=vendor", "go1.22.3", BuildMode.Vendor)]
    public void Resolve_VendorDirectory_ModeAsSetDefaultBuildMod(string goLine, string goFlags, string release, BuildMode expected)
    {
        using var dir = new TempDirectory();
        WriteModule(dir, goLine);
        dir.Write("app/vendor/modules.txt", "# example.org/dep v1.0.0\n## explicit; go 1.19\nexample.org/dep\n");
        dir.Write("app/vendor/example.org/dep/dep.go", "package dep\n");

        var graph = Resolve(dir, release, ("GOFLAGS", goFlags));

        Assert.AreEqual(expected, graph.Mode, graph.ModeReason);
        Assert.HasCount(0, graph.VendorProblems);
    }

    [TestMethod]
    public void Resolve_WorkspaceVendorOutsideWorkspace_NotUsedFrom122()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.22");
        dir.Write("app/vendor/modules.txt", "## workspace\n# example.org/dep v1.0.0\n## explicit; go 1.19\nexample.org/dep\n");

        Assert.AreEqual(BuildMode.Readonly, Resolve(dir, "go1.22.3").Mode);
    }

    [TestMethod]
    public void Resolve_ModulesTxtOutOfDate_GivesGoLinesWithFileLines()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.19", "replace example.org/dep => ./depx\n");
        var modulesTxt = dir.Write("app/vendor/modules.txt", "# example.org/dep v1.0.0\nexample.org/dep\n# example.org/gone v0.1.0\n## explicit\nexample.org/gone\n");

        var graph = Resolve(dir, "go1.27.3");

        CollectionAssert.AreEqual(
            new[]
            {
                "example.org/dep@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt",
                "example.org/dep: is replaced in go.mod, but not marked as replaced in vendor/modules.txt",
                "example.org/gone@v0.1.0: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod",
            },
            graph.VendorProblems.Select(p => p.GoLine).ToArray());
        Assert.AreEqual(5, graph.VendorProblems[0].Line);
        Assert.AreEqual(7, graph.VendorProblems[1].Line);
        Assert.AreEqual((modulesTxt, 3), (graph.VendorProblems[2].File, graph.VendorProblems[2].Line));
    }

    [TestMethod]
    public void Resolve_Imports_FollowBuildConstraintsAndFindProviders()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21", "require example.org/other v0.1.0\n");
        dir.Write("app/app.go", "package app\n\nimport (\n\t\"fmt\"\n\t\"example.org/dep/sub\"\n\t\"example.com/app/internal\"\n)\n");
        dir.Write("app/internal/x_windows.go", "package internal\n\nimport \"example.org/other\"\n");
        dir.Write("app/internal/x.go", "//go:build ignore\n\npackage internal\n\nimport \"example.org/missing\"\n");
        dir.Write("app/internal/y_test.go", "package internal\n\nimport \"example.org/testonly\"\n");
        dir.Write("app/internal/z.go", "package internal\n\nimport \"example.org/nowhere\"\n");
        dir.Write("app/testdata/t.go", "package t\n\nimport \"example.org/intestdata\"\n");
        dir.Write("app/nested/go.mod", "module example.com/nested\n");
        dir.Write("app/nested/n.go", "package n\n\nimport \"example.org/innested\"\n");
        dir.Write("app/go.sum", DepSum);

        var graph = Resolve(dir, "go1.22.3");

        var dep = graph.Modules.Single(m => m.Path == "example.org/dep");
        Assert.AreEqual("example.org/dep/sub", dep.Imports.Single().ImportPath);
        Assert.AreEqual(5, dep.Imports[0].Line);
        Assert.IsFalse(graph.Modules.Single(m => m.Path == "example.org/other").ProvidesPackages, "only a windows file imports it");
        CollectionAssert.AreEqual(new[] { ("example.org/nowhere", false), ("example.org/testonly", true) }, graph.UnprovidedImports.Select(i => (i.ImportPath, i.Test)).ToArray());
        Assert.AreEqual("h1:zip=", dep.ZipSum!.Hash);
    }

    [TestMethod]
    public void Resolve_ModuleCacheAndMirrors_DecideOrigin()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21", "require example.org/cached v1.0.0\nrequire example.org/mirrored v1.0.0\nrequire example.org/nowhere v1.0.0\n");
        dir.Write("app/app.go", "package app\n\nimport (\n\t\"example.org/dep\"\n\t\"example.org/cached\"\n\t\"example.org/mirrored\"\n\t\"example.org/nowhere\"\n)\n");
        var cache = Path.Combine(dir.Path, "modcache");
        dir.Write("modcache/cache/download/example.org/cached/@v/v1.0.0.mod", "module example.org/cached\n\ngo 1.30\n");
        dir.Write("modcache/cache/download/example.org/cached/@v/v1.0.0.ziphash", "h1:cached=\n");
        dir.Write("modcache/example.org/cached@v1.0.0/c.go", "package cached\n\nimport \"example.org/dep\"\n");
        dir.Write("mirror/example.org/mirrored/@v/v1.0.0.zip", "zip");
        var mirror = "file://" + Path.Combine(dir.Path, "mirror");

        var graph = Resolve(dir, "go1.22.3", ("GOMODCACHE", cache), ("GOPROXY", mirror + ",off"));

        var byPath = graph.Modules.ToDictionary(m => m.Path);
        Assert.AreEqual(ModuleOrigin.ModuleCache, byPath["example.org/cached"].Origin);
        Assert.AreEqual("1.30", byPath["example.org/cached"].GoLine);
        Assert.AreEqual("h1:cached=", byPath["example.org/cached"].CachedZipHash);
        Assert.AreEqual(ModuleOrigin.Mirror, byPath["example.org/mirrored"].Origin);
        Assert.AreEqual(ModuleOrigin.Unavailable, byPath["example.org/nowhere"].Origin);
        Assert.AreEqual("module lookup disabled by GOPROXY=off", byPath["example.org/nowhere"].OriginDetail);
        Assert.AreEqual(3, graph.ToFetch.Count());
    }

    [TestMethod]
    public void Resolve_LargeHealthyTree_ReadsNoImportsUntilSomethingPointsAtAProblem()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21");
        dir.Write("app/go.sum", DepSum);
        for (var i = 0; i < ModuleGraphResolver.ImportReadBudget; i++)
        {
            dir.Write($"app/p{i % 50}/f{i}.go", $"package p{i % 50}\n");
        }

        dir.Write("app/stray/s.go", "package stray\n\nimport \"example.org/nowhere\"\n");
        var cache = Path.Combine(dir.Path, "modcache");
        dir.Write("modcache/cache/download/example.org/dep/@v/v1.0.0.zip", "zip");

        var healthy = Resolve(dir, "go1.22.3", ("GOMODCACHE", cache));
        Assert.IsFalse(healthy.ImportsRead);
        Assert.HasCount(0, healthy.UnprovidedImports);

        // A module that is not in the module cache (GOPROXY=off): the imports are read after all.
        File.Delete(Path.Combine(cache, "cache/download/example.org/dep/@v/v1.0.0.zip"));
        var suspect = Resolve(dir, "go1.22.3", ("GOMODCACHE", cache));
        Assert.IsTrue(suspect.ImportsRead);
        Assert.AreEqual("example.org/nowhere", suspect.UnprovidedImports.Single().ImportPath);
    }

    private static void WriteModule(TempDirectory dir, string goLine, string extra = "")
    {
        dir.Write("app/go.mod", $"module example.com/app\n\ngo {goLine}\n\nrequire example.org/dep v1.0.0\n\n{extra}");
        dir.Write("app/app.go", "package app\n\nimport _ \"example.org/dep\"\n");
    }

    [TestMethod]
    public void Resolve_TestFiles_TheirImportsAreMarkedUnlessTheBuildMakesThemToo()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21", "require example.org/other v0.1.0\n");
        dir.Write("app/go.sum", DepSum);
        var test = dir.Write("app/app_test.go", "package app_test\n\nimport (\n\t\"example.org/dep\"\n\t\"example.org/other\"\n)\n");

        var graph = Resolve(dir, "go1.22.3");

        var dep = graph.Modules.Single(m => m.Path == "example.org/dep");
        var other = graph.Modules.Single(m => m.Path == "example.org/other");
        Assert.IsTrue(dep.NeededByBuild);
        Assert.IsFalse(dep.Imports.Single().Test);
        Assert.IsFalse(other.NeededByBuild);
        Assert.AreEqual(new PackageImport("example.org/other", "example.com/app", test, 5, Test: true), other.FirstImport);
    }

    [TestMethod]
    public void Resolve_Prefetched_GivesTheSameGraphFromWhatThePrefetchRead()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21", "require example.org/other v0.1.0\n");
        dir.Write("app/go.sum", DepSum);
        dir.Write("app/vendor/modules.txt", "# example.org/dep v1.0.0\n## explicit; go 1.19\nexample.org/dep\n# example.org/other v0.1.0\n## explicit; go 1.19\nexample.org/other\n");
        dir.Write("app/vendor/example.org/dep/dep.go", "package dep\n\nimport \"example.org/other\"\n");
        var prefetched = ModuleTreeFiles.Prefetch(new HostEnvironment([], Path.Combine(dir.Path, "app"), HostOs.Linux));

        // What the prefetch read is what the check sees: a go.sum and an import changed since are not read again.
        var direct = Resolve(dir, "go1.22.3");
        File.Delete(Path.Combine(dir.Path, "app/go.sum"));
        dir.Write("app/app.go", "package app\n");
        var fromPrefetch = Resolve(dir, "go1.22.3", prefetched);

        Assert.AreEqual("example.org/other", direct.MissingVendoredPackages.Single().ImportPath);
        Assert.AreEqual(Describe(direct), Describe(fromPrefetch));
        Assert.AreNotEqual(Describe(direct), Describe(Resolve(dir, "go1.22.3")));
    }

    [TestMethod]
    public void Resolve_PrefetchOfAnotherDirectory_ReadsTheModuleItself()
    {
        using var dir = new TempDirectory();
        WriteModule(dir, "1.21");
        dir.Write("app/go.sum", DepSum);
        dir.Write("elsewhere/go.mod", "module example.com/elsewhere\n\ngo 1.21\n");
        var prefetched = ModuleTreeFiles.Prefetch(new HostEnvironment([], Path.Combine(dir.Path, "elsewhere"), HostOs.Linux));

        Assert.AreEqual(Describe(Resolve(dir, "go1.22.3")), Describe(Resolve(dir, "go1.22.3", prefetched)));
    }

    [TestMethod]
    public void Resolve_PrivateLookingPathToAPublicProxy_EvidenceAndAWarningUnlessGoPrivate()
    {
        using var dir = new TempDirectory();
        WritePrivateModule(dir);
        (string, string)[] defaults = [("GOPROXY", "https://proxy.golang.org,direct"), ("GOSUMDB", "sum.golang.org")];

        var graph = Resolve(dir, "go1.22.3", defaults);
        var privateOnes = Resolve(dir, "go1.22.3", [.. defaults, ("GOPRIVATE", "git.corp.internal"), ("GONOPROXY", "git.corp.internal"), ("GONOSUMDB", "git.corp.internal")]);

        var module = graph.Modules.Single(m => m.Path == "git.corp.internal/team/x");
        Assert.AreEqual(ModuleOrigin.Download, module.Origin);
        Assert.AreEqual("https://proxy.golang.org", module.OriginDetail);
        StringAssert.Contains(module.PrivateEvidence, "git.corp.internal is a private-network name");
        Assert.AreEqual("sum.golang.org", module.ChecksumDatabase);
        var finding = new Core.Rules.Network.PrivatePathToPublicProxyRule().Evaluate(Snapshot(graph)).Single();
        Assert.AreEqual(("GOENV0097", Findings.Severity.Warning, "GOPRIVATE"), (finding.RuleId, finding.Severity, finding.Variable));
        Assert.IsEmpty(new Core.Rules.Network.PrivatePathToPublicProxyRule().Evaluate(Snapshot(privateOnes)));
        Assert.IsNull(privateOnes.Modules.Single(m => m.Path == "git.corp.internal/team/x").ChecksumDatabase, "GONOSUMDB matches");
    }

    [TestMethod]
    public void Resolve_TwoPrivateLookingModulesOfOneHost_OneWarningNamingBoth()
    {
        using var dir = new TempDirectory();
        dir.Write("app/go.mod", "module example.com/app\n\ngo 1.21\n\nrequire (\n\tgit.corp.internal/a v1.0.0\n\tgit.corp.internal/b v1.0.0\n)\n");
        dir.Write("app/app.go", "package app\n\nimport (\n\t_ \"git.corp.internal/a\"\n\t_ \"git.corp.internal/b\"\n)\n");
        dir.Write("app/go.sum", "git.corp.internal/a v1.0.0 h1:a=\ngit.corp.internal/a v1.0.0/go.mod h1:a=\ngit.corp.internal/b v1.0.0 h1:b=\ngit.corp.internal/b v1.0.0/go.mod h1:b=\n");

        var graph = Resolve(dir, "go1.22.3", ("GOPROXY", "https://proxy.golang.org,direct"), ("GOSUMDB", "sum.golang.org"));

        var finding = new Core.Rules.Network.PrivatePathToPublicProxyRule().Evaluate(Snapshot(graph)).Single();
        StringAssert.Contains(finding.Message, "1 more module(s) of git.corp.internal: git.corp.internal/");
    }

    [TestMethod]
    [DataRow("git.corp.internal/team/x", true)]
    [DataRow("github.com/org/x", false)]
    public void Resolve_ModModWithoutGoSumLines_TheCheckSumDatabaseRuleOnlyForAPrivateLookingPath(string path, bool reported)
    {
        using var dir = new TempDirectory();
        WritePrivateModule(dir, path, sums: false);

        var graph = Resolve(dir, "go1.22.3", ("GOPROXY", "https://proxy.golang.org,direct"), ("GOSUMDB", "sum.golang.org"), ("GOFLAGS", "-mod=mod"));

        var findings = new Core.Rules.Network.ChecksumDatabaseCannotVouchRule().Evaluate(Snapshot(graph)).ToList();
        Assert.AreEqual(reported, findings.Count == 1, string.Join('\n', findings.Select(f => f.Message)));
        if (reported)
        {
            StringAssert.Contains(findings[0].Message, $"fails with \"verifying module: {path}@v1.0.0\"");
        }
    }

    /// <summary>app requires and imports <paramref name="path"/> v1.0.0 (go.sum complete unless <paramref name="sums"/> is false); no module cache.</summary>
    private static void WritePrivateModule(TempDirectory dir, string path = "git.corp.internal/team/x", bool sums = true)
    {
        dir.Write("app/go.mod", $"module example.com/app\n\ngo 1.21\n\nrequire {path} v1.0.0\n");
        dir.Write("app/app.go", $"package app\n\nimport _ \"{path}\"\n");
        dir.Write("app/go.sum", sums ? $"{path} v1.0.0 h1:zip=\n{path} v1.0.0/go.mod h1:mod=\n" : "");
    }

    private static GoSnapshot Snapshot(ModuleGraph graph) => new()
    {
        Host = new HostEnvironment([], "/w", HostOs.Linux),
        Variables = new Dictionary<string, GoVariable>(StringComparer.Ordinal),
        VersionText = "go1.22.3",
        Graph = graph,
        Git = new Properties.PropertySnapshot.NoGit(),
        Redactor = new GoEnv.Core.Security.SecretRedactor(),
    };

    private static string Describe(ModuleGraph graph) =>
        $"{graph.Mode} read={graph.ImportsRead} missing=[{string.Join(' ', graph.MissingVendoredPackages.Select(i => i.ImportPath + "<" + i.ImportedBy))}] unprovided=[{string.Join(' ', graph.UnprovidedImports.Select(i => i.ImportPath))}] "
        + string.Join(' ', graph.Modules.Select(m => $"{m.Path}@{m.Version}:{m.Origin}:{m.ZipSum?.Hash}:{m.ModSum?.Hash}:{string.Join(',', m.Imports.Select(i => i.ImportPath))}"));

    private static ModuleGraph Resolve(TempDirectory dir, string release, params (string Name, string Value)[] variables) => Resolve(dir, release, null, variables);

    private static ModuleGraph Resolve(TempDirectory dir, string release, ModuleTreeFiles? files, params (string Name, string Value)[] variables)
    {
        var appDir = Path.Combine(dir.Path, "app");
        var values = new Dictionary<string, GoVariable>(StringComparer.Ordinal);
        foreach (var (name, value) in new[] { ("GOOS", "linux"), ("GOARCH", "amd64"), ("CGO_ENABLED", "0"), ("GOPROXY", "off"), ("GOMODCACHE", Path.Combine(dir.Path, "nocache")) }.Concat(variables))
        {
            values[name] = new GoVariable(name, value, ValueSource.ProcessEnvironment, value);
        }

        // No git configuration of the machine's: the system file is off, there is no HOME.
        var host = new HostEnvironment([new("GIT_CONFIG_NOSYSTEM", "1")], appDir, HostOs.Linux);
        var goMod = ModuleFile.Read(Path.Combine(appDir, "go.mod"));
        return ModuleGraphResolver.Resolve(new ModuleGraphResolver.Inputs(host, GoVersion.Parse(release), values, goMod, null, [], files));
    }
}
