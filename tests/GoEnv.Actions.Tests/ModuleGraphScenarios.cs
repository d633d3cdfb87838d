using GoEnv.Actions.Tests.Infrastructure;

namespace GoEnv.Actions.Tests;

/// <summary>
/// Differential scenarios one layer below the environment: the module graph `go build ./...` loads (vendor/,
/// go.sum, dependencies' go lines, replacements, the module cache and file:// mirrors). Truth is real Go's
/// `go build ./...`; vendor/ is made by each release's own `go mod vendor` and go.sum lines are the ones real Go
/// computes. Each broken case has a healthy neighbour that must stay clean.
/// </summary>
internal static class ModuleGraphScenarios
{
    /// <summary>A finding about a file (go.mod, go.sum, vendor/modules.txt, a .go file), not a variable.</summary>
    private const string? NoVariable = null;

    public static IEnumerable<Scenario> All() => [.. Vendoring(), .. Checksums(), .. GoLines(), .. ToolchainLines(), .. Replacements(), .. Workspaces(), .. Sources()];

    private static IEnumerable<Scenario> Vendoring() =>
    [
        new()
        {
            Name = "vendor: made by go mod vendor, GOPROXY=off, empty module cache",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.Vendor();
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "vendor: a required module not marked explicit in modules.txt",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.Vendor();
                EditModulesTxt(s, text => text.Replace("## explicit; go 1.19\n", "", StringComparison.Ordinal));
            },
            Go = _ => GoExpectation.Failure("example.org/dep@v1.0.0: is explicitly required in go.mod, but not marked as explicit in vendor/modules.txt"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "go.mod"), 5),
            QuotesGo = true,
        },
        new()
        {
            Name = "vendor: modules.txt lists another version than go.mod",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.Vendor();
                EditModulesTxt(s, text => text.Replace("# example.org/dep v1.0.0", "# example.org/dep v1.0.1", StringComparison.Ordinal));
            },
            Go = _ => GoExpectation.Failure("example.org/dep@v1.0.1: is marked as explicit in vendor/modules.txt, but not explicitly required in go.mod"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            Name = "vendor: a replace added to go.mod after go mod vendor",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.Vendor();
                WriteLocalDependency(s, "depx");
                s.AppendToGoMod("replace example.org/dep => ./depx\n");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(22) ? "example.org/dep: is replaced in go.mod, but not marked as replaced in vendor/modules.txt" : "is replaced in go.mod, but not marked as replaced in vendor/modules.txt"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            // readVendorList (1.21+) stops at a go version newer than the running release, imported or not.
            Name = "vendor: modules.txt records go 1.30 for a vendored module",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.Vendor();
                EditModulesTxt(s, text => text.Replace("## explicit; go 1.19", "## explicit; go 1.30", StringComparison.Ordinal));
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("example.org/dep in vendor/modules.txt requires go >= 1.30") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN") : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
        new()
        {
            Name = "vendor: the files of a vendored package are gone",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.Vendor();
                Directory.Delete(Path.Combine(s.ModuleDirectory, "vendor", "example.org", "dep"), recursive: true);
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "cannot find module providing package example.org/dep: import lookup disabled by -mod=vendor" : "cannot find package \".\" in:"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "app.go"), 3),
            QuotesGo = true,
        },
        new()
        {
            // go mod vendor copies what the main packages' tests import too; go build does not need it, go vet does.
            Name = "vendor: the files of a package only a test file imports are gone (go vet)",
            Variable = "(vendor)",
            Arrange = s =>
            {
                s.AddModule(ProxyModule.Other, import: false);
                s.ImportInTest(ProxyModule.Other.Path);
                s.Vendor();
                Directory.Delete(Path.Combine(s.ModuleDirectory, "vendor", "example.org", "other"), recursive: true);
            },
            GoCommand = ["vet", "./..."],
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "cannot find module providing package example.org/other: import lookup disabled by -mod=vendor" : "cannot find package \".\" in:"),
            Check = (_, s) => GoEnvVerdict.Warning(NoVariable).At(Path.Combine(s.ModuleDirectory, "import_example_org_other_test.go"), 3),
            QuotesGo = true,
        },
        new()
        {
            Name = "vendor: bypassed by GOFLAGS=-mod=mod, GOPROXY=off, empty module cache",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.Vendor();
                s.ClearModuleCache();
                s.Set("GOFLAGS", "-mod=mod");
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Failure("module lookup disabled by GOPROXY=off"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
            QuotesGo = true,
        },
        new()
        {
            Name = "vendor: ignored under a go line below 1.14, GOPROXY=off, empty module cache",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.Vendor();
                s.ClearModuleCache();
                s.SetGoDirective("1.13");
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Failure("module lookup disabled by GOPROXY=off"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
        },
        new()
        {
            Name = "vendor: GOFLAGS=-mod=vendor without vendor/ in a module that requires nothing",
            Variable = "GOFLAGS",
            Arrange = s =>
            {
                s.StopImportingDependency();
                s.SetGoDirective("1.19");
                File.WriteAllText(Path.Combine(s.ModuleDirectory, "go.mod"), "module example.com/app\n\ngo 1.19\n");
                s.Set("GOFLAGS", "-mod=vendor");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
    ];

    private static IEnumerable<Scenario> Checksums() =>
    [
        new()
        {
            Name = "go.sum: no line for the imported module",
            Variable = "(go.sum)",
            Arrange = s => s.WriteGoSum(""),
            Go = _ => GoExpectation.Failure("missing go.sum entry for module providing package example.org/dep (imported by example.com/app)"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "app.go"), 3),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.sum: only the /go.mod line of the imported module",
            Variable = "(go.sum)",
            Arrange = s => s.WriteGoSum(ProxyModule.Dep.GoModSumLine),
            Go = _ => GoExpectation.Failure("missing go.sum entry for module providing package example.org/dep"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.sum: only the zip line of the imported module",
            Variable = "(go.sum)",
            Arrange = s => s.WriteGoSum(ProxyModule.Dep.ZipSumLine),
            Go = _ => GoExpectation.Failure("example.org/dep@v1.0.0: missing go.sum entry"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            // testify's usual place: go build never loads it, go test and go vet do.
            Name = "go.sum: no line for a module only a test file imports (go build)",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.AddModule(ProxyModule.Other, sums: false, import: false);
                s.ImportInTest(ProxyModule.Other.Path);
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, s) => GoEnvVerdict.Warning(NoVariable).At(Path.Combine(s.ModuleDirectory, "import_example_org_other_test.go"), 3),
        },
        new()
        {
            Name = "go.sum: no line for a module only a test file imports (go vet)",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.AddModule(ProxyModule.Other, sums: false, import: false);
                s.ImportInTest(ProxyModule.Other.Path);
            },
            GoCommand = ["vet", "./..."],
            Go = _ => GoExpectation.Failure("missing go.sum entry for module providing package example.org/other (imported by example.com/app)"),
            Check = (_, _) => GoEnvVerdict.Warning(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.sum: a module the build and a test file import, no lines",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.ImportInTest(ProxyModule.Dep.Path);
                s.WriteGoSum("");
            },
            Go = _ => GoExpectation.Failure("missing go.sum entry for module providing package example.org/dep (imported by example.com/app)"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "app.go"), 3),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.sum: required but not imported, no lines at all",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.StopImportingDependency();
                s.WriteGoSum("");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "go.sum: the zip hash differs from the module cache",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.FillModuleCache();
                s.WriteGoSum(ProxyModule.Dep.GoSumLines.Replace(ProxyModule.Dep.ZipHash, "h1:AAAAVxyFXYEN3IWbbhFo/wHK0zjgPl6ZBsq5yMoZ5u0=", StringComparison.Ordinal));
            },
            Go = _ => GoExpectation.Failure("verifying example.org/dep@v1.0.0: checksum mismatch"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "go.sum"), 1),
            QuotesGo = true,
        },
        new()
        {
            Name = "go.sum: the go.mod hash differs from the module cache",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.FillModuleCache();
                s.WriteGoSum(ProxyModule.Dep.GoSumLines.Replace(ProxyModule.Dep.GoModHash, "h1:AAAAdGkLpNgz7cUAkY//nbli7eXHmEcmfMMAOvoKVEY=", StringComparison.Ordinal));
            },
            Go = _ => GoExpectation.Failure("verifying example.org/dep@v1.0.0/go.mod: checksum mismatch"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "go.sum"), 2),
            QuotesGo = true,
        },
        new()
        {
            Name = "import: a package no requirement provides",
            Variable = "(go.mod)",
            Arrange = s => s.AddModule(ProxyModule.Other, require: false, sums: false),
            Go = _ => GoExpectation.Failure("no required module provides package example.org/other"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
    ];

    private static IEnumerable<Scenario> GoLines() =>
    [
        new()
        {
            Name = "dependency: go 1.30, imported",
            Variable = "GOTOOLCHAIN",
            Arrange = s => s.AddModule(ProxyModule.NewGo),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("example.org/newgo@v1.0.0 requires go >= 1.30") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN") : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
        new()
        {
            // The default GOTOOLCHAIN switches for go.mod's own lines only, not for a dependency's.
            Name = "dependency: go 1.30, imported, GOTOOLCHAIN=auto",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.AddModule(ProxyModule.NewGo);
                s.Set("GOTOOLCHAIN", "auto");
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("example.org/newgo@v1.0.0 requires go >= 1.30") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN") : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
        new()
        {
            Name = "dependency: go 1.30, required but not imported",
            Variable = "GOTOOLCHAIN",
            Arrange = s => s.AddModule(ProxyModule.NewGo, import: false),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "dependency: go 1.30 reached through another module (module cache filled)",
            Variable = "GOTOOLCHAIN",
            Arrange = s =>
            {
                s.AddModule(ProxyModule.NewGo, import: false);
                s.AddModule(ProxyModule.Via);

                // Go 1.21+ refuse to download a module whose go line is newer than theirs: the oldest Go fills the cache.
                s.FillModuleCache(with: GoToolchains.Require()[0]);
            },
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("example.org/newgo@v1.0.0 requires go >= 1.30") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error("GOTOOLCHAIN") : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
        new()
        {
            Name = "dependency: go 1.21.5 above go.mod's go 1.19",
            Variable = "(go.mod)",
            Arrange = s => s.AddModule(ProxyModule.Go1215),
            Go = t => t.IsAtLeast(21) ? GoExpectation.Failure("go: updates to go.mod needed") : GoExpectation.Success(),
            Check = (t, _) => t.IsAtLeast(21) ? GoEnvVerdict.Error(NoVariable) : GoEnvVerdict.NoError(),
            QuotesGo = true,
        },
        new()
        {
            Name = "dependency: go 1.20 above go.mod's go 1.19",
            Variable = "(go.mod)",
            Arrange = s => s.AddModule(ProxyModule.Go120),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
    ];

    private static IEnumerable<Scenario> ToolchainLines() =>
    [
        new()
        {
            // Go 1.21+ drop a toolchain line equal to the go line when they load the module, so go.mod is out of date.
            Name = "toolchain: a toolchain line equal to the go line (go 1.21.0, toolchain go1.21.0)",
            Variable = "(go.mod)",
            Arrange = s =>
            {
                s.SetGoDirective("1.21.0");
                s.AppendToGoMod("toolchain go1.21.0\n");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "go: updates to go.mod needed" : "invalid go version '1.21.0'"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            Name = "toolchain: toolchain default",
            Variable = "(go.mod)",
            Arrange = s =>
            {
                s.SetGoDirective("1.21");
                s.AppendToGoMod("toolchain default\n");
            },
            Go = t => GoExpectation.Failure(t.IsAtLeast(21) ? "go: updates to go.mod needed" : "unknown directive: toolchain"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
    ];

    private static IEnumerable<Scenario> Replacements() =>
    [
        new()
        {
            Name = "replace: directory missing, its module imported",
            Variable = "(go.mod)",
            Arrange = s => s.AppendToGoMod("replace example.org/dep => ../depx\n"),
            Go = _ => GoExpectation.Failure("replacement directory ../depx does not exist"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(Path.Combine(s.ModuleDirectory, "go.mod"), 7),
            QuotesGo = true,
        },
        new()
        {
            Name = "replace: directory missing, its module not imported",
            Variable = "(go.mod)",
            Arrange = s =>
            {
                s.StopImportingDependency();
                s.AppendToGoMod("replace example.org/dep => ../depx\n");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "replace: directory without go.mod",
            Variable = "(go.mod)",
            Arrange = s =>
            {
                WriteLocalDependency(s, "depx");
                File.Delete(Path.Combine(s.ModuleDirectory, "depx", "go.mod"));
                s.AppendToGoMod("replace example.org/dep => ./depx\n");
            },
            Go = _ => GoExpectation.Failure("no such file or directory"),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable),
            QuotesGo = true,
        },
        new()
        {
            Name = "replace: local directory, GOPROXY=off, empty module cache",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                WriteLocalDependency(s, "depx");
                s.AppendToGoMod("replace (\n\texample.org/dep => ./depx\n)\n");
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "replace: a version no source serves, GOPROXY=off",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.AppendToGoMod("replace example.org/dep => example.org/dep v1.9.9\n");
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Failure(),
            Check = (_, _) => GoEnvVerdict.Error(NoVariable, "GOPROXY"),
        },
    ];

    private static IEnumerable<Scenario> Workspaces() =>
    [
        new()
        {
            // In workspace mode Go reads the replacement's go.mod before it checks the directory.
            Name = "workspace: a go.work replace names a missing directory",
            Variable = "(go.work)",
            Arrange = s => s.WriteGoWork("go 1.19\n\nuse ./app\n\nreplace example.org/dep => ./depx\n"),
            Go = _ => GoExpectation.Failure("depx/go.mod: no such file or directory"),
            Check = (_, s) => GoEnvVerdict.Error(NoVariable).At(s.PathTo("go.work"), 5),
            QuotesGo = true,
        },
        new()
        {
            // Outside a workspace this is "missing go.sum entry"; a workspace fetches the module and adds go.work.sum.
            Name = "workspace: go.sum lacks the imported module, GONOSUMDB covers it",
            Variable = "(go.sum)",
            Arrange = s =>
            {
                s.WriteGoWork("go 1.19\n\nuse ./app\n");
                s.WriteGoSum("");
                s.Set("GONOSUMDB", "example.org");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            // `go work vendor` (1.22+) writes vendor/ beside go.work; 1.19 and 1.21 build a workspace -mod=readonly,
            // ignore it and must download.
            Name = "workspace: vendor/ made by go work vendor, GOPROXY=off, empty module cache",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.WriteGoWork("go 1.19\n\nuse ./app\n");
                s.WorkVendor(with: GoToolchains.Require()[^1]);
                s.ClearModuleCache();
                s.Set("GOPROXY", "off");
            },
            Go = t => t.IsAtLeast(22) ? GoExpectation.Success() : GoExpectation.Failure("module lookup disabled by GOPROXY=off"),
            Check = (t, _) => t.IsAtLeast(22) ? GoEnvVerdict.NoError() : GoEnvVerdict.Error("GOPROXY"),
        },
    ];

    private static IEnumerable<Scenario> Sources() =>
    [
        new()
        {
            Name = "module cache: only .mod and .info (a partial restore), GOPROXY=off",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.FillModuleCache();
                string download = Path.Combine(s.ModuleCache, "cache", "download", "example.org", "dep", "@v");
                File.Delete(Path.Combine(download, "v1.0.0.zip"));
                File.Delete(Path.Combine(download, "v1.0.0.ziphash"));
                string extracted = Path.Combine(s.ModuleCache, "example.org", "dep@v1.0.0");
                MakeWritable(extracted);
                Directory.Delete(extracted, recursive: true);
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Failure("module lookup disabled by GOPROXY=off"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
            QuotesGo = true,
        },
        new()
        {
            Name = "module cache: filled, GOPROXY=off",
            Variable = "GOPROXY",
            Arrange = s =>
            {
                s.FillModuleCache();
                s.Set("GOPROXY", "off");
            },
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
        new()
        {
            Name = "GOPROXY: only a file:// mirror that lacks the module",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", "file://" + Directory.CreateDirectory(s.PathTo("empty-mirror")).FullName),
            Go = _ => GoExpectation.Failure("no such file or directory"),
            Check = (_, _) => GoEnvVerdict.Error("GOPROXY"),
            QuotesGo = true,
        },
        new()
        {
            Name = "GOPROXY: a file:// mirror that lacks the module, then one that has it",
            Variable = "GOPROXY",
            Arrange = s => s.Set("GOPROXY", "file://" + Directory.CreateDirectory(s.PathTo("empty-mirror")).FullName + "," + s.ProxyUrl),
            Go = _ => GoExpectation.Success(),
            Check = (_, _) => GoEnvVerdict.NoError(),
        },
    ];

    private static void EditModulesTxt(GoSandbox sandbox, Func<string, string> edit)
    {
        string path = Path.Combine(sandbox.ModuleDirectory, "vendor", "modules.txt");
        string before = File.ReadAllText(path);
        string after = edit(before);
        if (after == before)
        {
            throw new InvalidOperationException("The scenario's edit did not change vendor/modules.txt: " + before);
        }

        File.WriteAllText(path, after);
    }

    /// <summary>A copy of example.org/dep in the module directory's <paramref name="name"/>/ (its go.mod and package).</summary>
    private static void WriteLocalDependency(GoSandbox sandbox, string name)
    {
        sandbox.WriteFile(Path.Combine("app", name, "go.mod"), ProxyModule.Dep.GoMod);
        sandbox.WriteFile(Path.Combine("app", name, "dep.go"), ProxyModule.Dep.Files["dep.go"]);
    }

    /// <summary>Go writes the module cache read-only; a scenario that removes part of it gives write access back first.</summary>
    private static void MakeWritable(string directory)
    {
        foreach (string entry in Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Append(directory).Append(Path.GetDirectoryName(directory)!))
        {
            File.SetUnixFileMode(entry, File.GetUnixFileMode(entry) | UnixFileMode.UserWrite | UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
    }
}
