using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Resolves the module graph of `go build ./...` as cmd/go's modload does, from files only: the -mod mode
/// (setDefaultBuildMod), vendor/modules.txt and checkVendorConsistency, replacements, the packages the main modules
/// import and the module providing each, where each module comes from (vendor, a directory, the module cache, a
/// file:// mirror, a download, nowhere) and its go.sum lines against the module cache's hashes.
/// </summary>
public static class ModuleGraphResolver
{
    /// <param name="Release">The release that runs the build (after any toolchain switch); null when unknown.</param>
    /// <param name="Files">Where the module tree's files are read from (<see cref="ModuleTreeFiles.Direct"/> when null).</param>
    public sealed record Inputs(
        HostEnvironment Host,
        GoVersion? Release,
        IReadOnlyDictionary<string, GoVariable> Variables,
        ModuleFile? GoMod,
        ModuleFile? GoWork,
        IReadOnlyList<WorkspaceModule> WorkspaceModules,
        ModuleTreeFiles? Files = null);

    internal sealed record MainModule(string Path, string Directory, ModuleFile GoMod);

    /// <summary>The main modules: the workspace's modules that have a module line, or the one go.mod's module.</summary>
    internal static List<MainModule> MainModules(ModuleFile? goMod, ModuleFile? goWork, IReadOnlyList<WorkspaceModule> workspaceModules) =>
        goWork is not null
            ? workspaceModules.Where(m => m.GoMod?.Module is not null).Select(m => new MainModule(m.GoMod!.Module!.Value, m.Directory, m.GoMod!)).ToList()
            : goMod?.Module is { } module ? [new MainModule(module.Value, System.IO.Path.GetDirectoryName(goMod.Path)!, goMod)] : [];

    /// <summary>vendor/ beside go.work in workspace mode, beside the main module's go.mod otherwise.</summary>
    internal static string VendorDirectory(ModuleFile? goWork, List<MainModule> mains) =>
        System.IO.Path.Combine(goWork is not null ? System.IO.Path.GetDirectoryName(goWork.Path)! : mains[0].Directory, "vendor");

    /// <summary>The go.sum files Go verifies with: every main module's, and go.work.sum in workspace mode.</summary>
    internal static List<string> SumFiles(ModuleFile? goWork, List<MainModule> mains) =>
        [.. mains.Select(m => System.IO.Path.Combine(m.Directory, "go.sum")), .. goWork is null ? [] : new[] { goWork.Path + ".sum" }];

    public static ModuleGraph Resolve(Inputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string Value(string name) => inputs.Variables.TryGetValue(name, out var v) ? v.Value : "";
        if (Value(GoVariableNames.Go111Module) == "off" || (inputs.GoMod is null && inputs.GoWork is null))
        {
            return ModuleGraph.None;
        }

        var inWorkspace = inputs.GoWork is not null;
        var files = inputs.Files ?? ModuleTreeFiles.Direct;
        var mains = MainModules(inputs.GoMod, inputs.GoWork, inputs.WorkspaceModules);
        if (mains.Count == 0)
        {
            return ModuleGraph.None;
        }

        var release = inputs.Release;

        // Go stops at a go.work or go.mod this release cannot parse (GOENV0102), or, from 1.21, whose go line is newer
        // than the release (GOENV0101): it loads no graph at all.
        if (release is not null && new[] { inputs.GoWork }.Concat(mains.Select(m => m.GoMod)).OfType<ModuleFile>()
                .Any(f => ModFileGrammar.Errors(f, release).Count > 0 || (release.AtLeast(1, 21) && f.GoLineVersion is { } wanted && wanted > release)))
        {
            return ModuleGraph.None;
        }

        var versionFile = inWorkspace ? inputs.GoWork! : mains[0].GoMod;
        var goLine = versionFile.Go?.Value ?? "";
        var flags = GoFlagsTokenizer.Split(Value(GoVariableNames.GoFlags), release, out var splitError);
        var flagWords = splitError is null ? flags.TakeWhile(w => w.IsFlag).ToList() : [];
        var modFlag = flagWords.LastOrDefault(w => w.Name == "mod")?.Value;
        var tags = flagWords.LastOrDefault(w => w.Name == "tags")?.Value ?? "";

        // Workspace mode refuses -mod=mod (and, before 1.22, -mod=vendor) before it loads anything (GOENV0056).
        if (inWorkspace && (modFlag == "mod" || (modFlag == "vendor" && release is not null && !release.AtLeast(1, 22))))
        {
            return ModuleGraph.None;
        }

        var vendorDirectory = VendorDirectory(inputs.GoWork, mains);
        var vendor = Directory.Exists(vendorDirectory) ? files.VendorList(System.IO.Path.Combine(vendorDirectory, "modules.txt")) : null;
        var (mode, reason) = DecideMode(modFlag, inWorkspace, release, goLine, vendor);

        var replacements = new List<(ModuleReplacement Replacement, string File)>();
        if (inWorkspace)
        {
            replacements.AddRange(inputs.GoWork!.Replaces.Select(r => (r, inputs.GoWork.Path)));
        }

        foreach (var main in mains)
        {
            replacements.AddRange(main.GoMod.Replaces.Select(r => (r, main.GoMod.Path)));
        }

        var sums = files.GoSums(SumFiles(inputs.GoWork, mains));
        var sources = new FetchSettings(inputs.Host, Value(GoVariableNames.GoModCache), GoProxyList.Parse(Value(GoVariableNames.GoProxy)), Value(GoVariableNames.GoNoProxy), Value(GoVariableNames.GoPrivate), Value(GoVariableNames.GoVcs));

        var mainPaths = mains.Select(m => m.Path).ToHashSet(StringComparer.Ordinal);
        var modules = new Dictionary<string, GraphModule>(StringComparer.Ordinal);
        foreach (var main in mains)
        {
            foreach (var require in main.GoMod.Requires)
            {
                if (mainPaths.Contains(require.Path) || (modules.TryGetValue(require.Path, out var seen) && SemVer.IsValid(require.Version) && SemVer.IsValid(seen.Version) && SemVer.Compare(seen.Version, require.Version) >= 0))
                {
                    continue;
                }

                var replacement = FindReplacement(replacements, require.Path, require.Version);
                modules[require.Path] = new GraphModule
                {
                    Path = require.Path,
                    Version = require.Version,
                    RequiredIn = main.GoMod.Path,
                    RequireLine = require.Line,
                    Replacement = replacement?.Replacement,
                    ReplacementFile = replacement?.File,
                };
            }
        }

        foreach (var graphModule in modules.Values)
        {
            Locate(graphModule, mode, inWorkspace, vendorDirectory, vendor, sources, files);
            graphModule.ZipSum = sums.For(graphModule.SourcePath, graphModule.SourceVersion, goMod: false).FirstOrDefault();
            graphModule.ModSum = sums.For(graphModule.SourcePath, graphModule.SourceVersion, goMod: true).FirstOrDefault();
        }

        var context = new BuildContext(Value(GoVariableNames.GoOs), Value(GoVariableNames.GoArch), Value(GoVariableNames.CgoEnabled) == "1", release, tags.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
        var unprovided = new List<PackageImport>();
        var missingVendored = new List<PackageImport>();
        var importsRead = LoadPackages(mains, modules, mode, vendor, vendorDirectory, context, m => MayFail(m, release, goLine), unprovided, missingVendored, files);
        var access = DescribeFetches(modules.Values, sources, Value(GoVariableNames.GoSumDb), Value(GoVariableNames.GoNoSumDb));

        return new ModuleGraph
        {
            IsLoaded = true,
            Mode = mode,
            ModeReason = reason,
            ModeFromGoFlags = modFlag is not null,
            Vendor = vendor,
            VendorRoot = System.IO.Path.GetDirectoryName(vendorDirectory)!,
            VendorProblems = mode == BuildMode.Vendor ? VendorConsistency.Check(inputs, mains.Select(m => m.GoMod).ToList(), vendor, replacements, release, versionFile) : [],
            Modules = [.. modules.Values],
            ImportsRead = importsRead,
            UnprovidedImports = unprovided,
            MissingVendoredPackages = missingVendored,
            MainGoMod = versionFile.Path,
            MainGoLine = goLine,
            MainGoLineNumber = versionFile.Go?.Line ?? 0,
            InWorkspace = inWorkspace,
            Secrets = access?.Secrets ?? [],
        };
    }

    /// <summary>
    /// For each module the build imports from and must fetch: the checksum database Go would ask for lines go.sum
    /// lacks, how git reaches its repository when Go fetches it from its origin, and (when a public proxy or checksum
    /// database would hear of it) whether its path looks private. Git's configuration and .netrc are read only when
    /// one of these needs them; returns what read them, or null when nothing did.
    /// </summary>
    private static FetchAccess? DescribeFetches(IEnumerable<GraphModule> modules, FetchSettings sources, string goSumDb, string noSumDb)
    {
        FetchAccess? access = null;
        var database = goSumDb == "off" ? null : goSumDb.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Split('+')[0];
        foreach (var module in modules.Where(m => m.ProvidesPackages && m.Origin is ModuleOrigin.Mirror or ModuleOrigin.Download or ModuleOrigin.Unavailable))
        {
            module.ChecksumDatabase = database is not null && !ModulePathPatterns.Matches(noSumDb, module.SourcePath) ? database : null;
            if (module.Repository is { } repository && module.DirectBecause is not null)
            {
                module.Access = (access ??= new FetchAccess(sources.Host)).Of(repository);
            }

            var heardOfPublicly = (module.Origin == ModuleOrigin.Download && GoProxyList.IsPublicProxy(module.OriginDetail))
                || (module.ChecksumDatabase is not null && GoSumDb.IsPublic(module.ChecksumDatabase) && (module.ZipSum is null || module.ModSum is null));
            if (heardOfPublicly || module.Access is not null)
            {
                module.PrivateEvidence = sources.NoProxy.Length > 0 && ModulePathPatterns.Matches(sources.NoProxy, module.SourcePath) ? "GONOPROXY matches it"
                    : (access ??= new FetchAccess(sources.Host)).PrivateEvidence(module.SourcePath);
            }
        }

        return access;
    }

    /// <summary>setDefaultBuildMod for a build command.</summary>
    private static (BuildMode Mode, string Reason) DecideMode(string? modFlag, bool inWorkspace, GoVersion? release, string goLine, VendorList? vendor)
    {
        switch (modFlag)
        {
            case "vendor":
                return (BuildMode.Vendor, "GOFLAGS sets -mod=vendor");
            case "mod":
                return (BuildMode.Mod, "GOFLAGS sets -mod=mod");
            case "readonly":
                return (BuildMode.Readonly, "GOFLAGS sets -mod=readonly");
        }

        if (vendor is null)
        {
            return (BuildMode.Readonly, "no vendor directory");
        }

        // Before 1.22 a workspace has no vendor directory of its own: workspace mode builds -mod=readonly.
        if (inWorkspace && release is not null && !release.AtLeast(1, 22))
        {
            return (BuildMode.Readonly, $"go{release.Text} does not use a vendor directory in workspace mode (Go 1.22+ do)");
        }

        // No go line counts as at least 1.14 (1.16 from Go 1.21, the running release's language before).
        var versionSource = inWorkspace ? "go.work" : "go.mod";
        if (GoVersion.ParseStrict(goLine) is { } line && !line.AtLeast(1, 14))
        {
            return (BuildMode.Readonly, $"the go line in {versionSource} is {goLine}, below 1.14, so vendor/ is not used");
        }

        if ((release is null || release.AtLeast(1, 22)) && vendor.IsWorkspace != inWorkspace)
        {
            return (BuildMode.Readonly, vendor.IsWorkspace ? "vendor/ was made by `go work vendor` but the build is outside workspace mode, so vendor/ is not used" : "the build is in workspace mode but vendor/ is not a workspace's, so vendor/ is not used");
        }

        return (BuildMode.Vendor, $"the go line in {versionSource} is at least 1.14 and vendor/ exists");
    }

    internal static (ModuleReplacement Replacement, string File)? FindReplacement(IReadOnlyList<(ModuleReplacement Replacement, string File)> replacements, string path, string version)
    {
        // An exact-version replacement wins over a wildcard one (modload.Replacement); go.work's come first.
        foreach (var exact in new[] { true, false })
        {
            foreach (var entry in replacements)
            {
                if (entry.Replacement.OldPath == path && (exact ? entry.Replacement.OldVersion == version : entry.Replacement.OldVersion.Length == 0))
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>What decides where a module not on disk comes from and how: GOMODCACHE, GOPROXY, GONOPROXY, GOPRIVATE, GOVCS, PATH.</summary>
    private sealed record FetchSettings(HostEnvironment Host, string Cache, GoProxyParseResult Proxy, string NoProxy, string Private, string Vcs);

    /// <summary>Where the module's files come from, its go line, and the module cache's hashes.</summary>
    private static void Locate(GraphModule module, BuildMode mode, bool inWorkspace, string vendorDirectory, VendorList? vendor, FetchSettings sources, ModuleTreeFiles files)
    {
        if (mode == BuildMode.Vendor)
        {
            module.Origin = ModuleOrigin.Vendor;
            module.Directory = VendoredDirectory(vendorDirectory, module.Path);
            module.GoLine = vendor?.Find(module.Path, module.Version)?.GoVersion ?? "";
            return;
        }

        if (module.Replacement is { IsDirectory: true } replacement)
        {
            module.Origin = ModuleOrigin.Directory;
            var baseDirectory = System.IO.Path.GetDirectoryName(module.ReplacementFile)!;
            var directory = System.IO.Path.GetFullPath(replacement.NewPath, baseDirectory);
            module.Directory = directory;
            var goMod = System.IO.Path.Combine(directory, "go.mod");
            // A module imports from it: Go checks that the directory exists (single-module mode), or first reads its go.mod
            // to load the graph (workspace mode, and any missing go.mod): "reading ../x/go.mod: open /abs/x/go.mod: …",
            // the relative part from the working directory.
            if (!Directory.Exists(directory) && !inWorkspace)
            {
                module.ReplacementProblem = $"replacement directory {replacement.NewPath} does not exist";
            }
            else if (!File.Exists(goMod))
            {
                module.ReplacementProblem = $"open {goMod}: no such file or directory";
            }
            else
            {
                module.GoLine = files.ModuleFile(goMod).Go?.Value ?? "";
            }

            return;
        }

        var path = module.SourcePath;
        var version = module.SourceVersion;
        if (sources.Cache.Length > 0)
        {
            var modFile = ModulePaths.DownloadFile(sources.Cache, path, version, ".mod");
            if (TryReadBytes(modFile) is { } modBytes)
            {
                module.CachedModHash = ModuleHash.OfGoMod(modBytes);
                module.GoLine = ModuleFile.Parse(modFile, System.Text.Encoding.UTF8.GetString(modBytes)).Go?.Value ?? "";
            }

            module.CachedZipHash = TryReadBytes(ModulePaths.DownloadFile(sources.Cache, path, version, ".ziphash")) is { } zipHash ? System.Text.Encoding.UTF8.GetString(zipHash).Trim() : null;
            var extracted = ModulePaths.ExtractedDirectory(sources.Cache, path, version);
            var zip = ModulePaths.DownloadFile(sources.Cache, path, version, ".zip");
            if ((Directory.Exists(extracted) && module.CachedZipHash is not null) || File.Exists(zip))
            {
                module.Origin = ModuleOrigin.ModuleCache;
                module.OriginDetail = sources.Cache;
                module.Directory = Directory.Exists(extracted) ? extracted : null;
                return;
            }
        }

        // modfetch's lookup: GONOPROXY (GOPRIVATE) paths go direct; the others through the GOPROXY list in order.
        if (sources.NoProxy.Length > 0 && ModulePathPatterns.Matches(sources.NoProxy, path))
        {
            module.Origin = ModuleOrigin.Download;
            module.OriginDetail = GraphModule.DirectByNoProxy;
            FetchDirectly(module, sources);
            return;
        }

        foreach (var entry in sources.Proxy.Entries)
        {
            switch (entry.Url)
            {
                case "off":
                    module.Origin = ModuleOrigin.Unavailable;
                    module.OriginDetail = "module lookup disabled by GOPROXY=off";
                    return;
                case "direct":
                    module.Origin = ModuleOrigin.Download;
                    module.OriginDetail = GraphModule.DirectByProxyList;
                    FetchDirectly(module, sources);
                    return;
            }

            if (entry.MirrorDirectory is { } mirror)
            {
                if (File.Exists(ModulePaths.MirrorFile(mirror, path, version, ".zip")))
                {
                    module.Origin = ModuleOrigin.Mirror;
                    module.OriginDetail = entry.Url;
                    module.GoLine = module.GoLine.Length > 0 ? module.GoLine
                        : TryReadBytes(ModulePaths.MirrorFile(mirror, path, version, ".mod")) is { } mirrored ? ModuleFile.Parse(mirror, System.Text.Encoding.UTF8.GetString(mirrored)).Go?.Value ?? "" : "";
                    return;
                }

                // A missing file is "not found": Go goes on to the next entry after ',' and '|' alike.
                module.OriginDetail = $"not in {entry.Url}";
                continue;
            }

            module.Origin = ModuleOrigin.Download;
            module.OriginDetail = entry.Url;
            return;
        }

        module.Origin = ModuleOrigin.Unavailable;
    }

    /// <summary>
    /// A fetch from the origin (modfetch's `direct`): the repository when the module path names it, whether GOPRIVATE
    /// makes it private, whether GOVCS lets Go run its version control (vcs.checkGOVCS, on the repository root), and
    /// whether that command is on PATH.
    /// </summary>
    private static void FetchDirectly(GraphModule module, FetchSettings sources)
    {
        if (ModuleRepository.Of(module.SourcePath) is not { } repository)
        {
            return;
        }

        module.Repository = repository;
        module.RepositoryIsPrivate = ModulePathPatterns.Matches(sources.Private, repository.Root);
        module.VcsForbidden = GoVcs.Allows(sources.Vcs, repository.Root, module.RepositoryIsPrivate, repository.Vcs) == false;
        module.VcsMissing = GoLocator.FindCommand(sources.Host, repository.Vcs) is null;
    }

    /// <summary>
    /// How many .go files of the main modules a check reads when nothing else points at a problem. Reading a file's
    /// import block costs about 10 µs here (open, read, close, parse): 1,000 files stay within a few milliseconds.
    /// </summary>
    internal const int ImportReadBudget = 1000;

    /// <summary>
    /// The packages of the main modules (`./...`: every directory with .go files the target builds, without vendor,
    /// testdata, '_' and '.' directories and nested modules), their imports (and their test files', marked as such)
    /// and the module providing each. The dependencies' own imports (where their source is on disk) are followed only
    /// when a module that no main package imports has something Go would refuse or fetch, or (vendor mode) a package
    /// modules.txt lists is gone. Beyond <see cref="ImportReadBudget"/> files the main modules' imports are read only
    /// when such a cheap fact points at a problem; returns false when they were not read.
    /// </summary>
    private static bool LoadPackages(List<MainModule> mains, Dictionary<string, GraphModule> modules, BuildMode mode, VendorList? vendor, string vendorDirectory, BuildContext context, Func<GraphModule, bool> mayFail, List<PackageImport> unprovided, List<PackageImport> missingVendored, ModuleTreeFiles files)
    {
        // Vendor mode: the listed packages gone from vendor/, looked up once (an import of one is then not looked up again).
        IReadOnlySet<string> gone = mode == BuildMode.Vendor && vendor is not null ? files.VendoredPackagesGone(vendor) : new HashSet<string>();
        var suspect = mode == BuildMode.Vendor ? gone.Count > 0 : modules.Values.Any(mayFail);
        if (files.Packages([.. mains.Select(m => m.Directory)], suspect ? int.MaxValue : ImportReadBudget) is not { } listed)
        {
            return false;
        }

        var packages = new List<(string ImportPath, string Directory, string[] GoFiles)>();
        for (var m = 0; m < mains.Count; m++)
        {
            var main = mains[m];
            packages.AddRange(listed[m].Select(package =>
            {
                var relative = System.IO.Path.GetRelativePath(main.Directory, package.Directory).Replace('\\', '/');
                return (relative == "." ? main.Path : main.Path + "/" + relative, package.Directory, package.GoFiles);
            }));
        }

        // Reading the import blocks is most of the cost on a large tree: both cores share a large one; the order stays the tree's.
        var imports = new (List<(string Path, string File, int Line)> Build, List<(string Path, string File, int Line)> Tests)[packages.Count];
        FileWork.For(packages.Count, i => imports[i] = ([.. PackageFiles.Imports(packages[i].GoFiles, context, files)], [.. PackageFiles.Imports(packages[i].GoFiles, context, files, tests: true)]));

        // What `go build` loads first, then what the main packages' test files add (`go test`, `go vet`): an import
        // both lead to is the build's.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool FirstOutsideMains(string path) => !ModulePaths.IsStandard(path) && !mains.Any(m => ModulePaths.Contains(m.Path, path)) && seen.Add(path);
        var byLength = modules.Values.OrderByDescending(m => m.Path.Length).ToList();
        foreach (var tests in new[] { false, true })
        {
            var queue = new Queue<(string ImportPath, string Directory)>();
            for (var i = 0; i < packages.Count; i++)
            {
                foreach (var import in tests ? imports[i].Tests : imports[i].Build)
                {
                    if (!FirstOutsideMains(import.Path))
                    {
                        continue;
                    }

                    var found = new PackageImport(import.Path, packages[i].ImportPath, import.File, import.Line, tests);
                    var provided = mode == BuildMode.Vendor ? ProvideVendored(vendor, gone, vendorDirectory, modules, found, queue) is not null : Provide(byLength, found, queue) is not null;
                    if (!provided)
                    {
                        (mode == BuildMode.Vendor ? missingVendored : unprovided).Add(found);
                    }
                }
            }

            // The dependencies' imports: in vendor mode only when a package modules.txt lists is gone from vendor/ (is a
            // vendored package importing it?), otherwise only when a module no main package imports (so far) could fail.
            var follow = mode == BuildMode.Vendor ? suspect : modules.Values.Any(m => !m.ProvidesPackages && mayFail(m));
            while (follow && queue.Count > 0)
            {
                var (importer, directory) = queue.Dequeue();
                foreach (var import in PackageFiles.Imports(PackageFiles.GoFilesIn(directory), context, files))
                {
                    if (FirstOutsideMains(import.Path))
                    {
                        var found = new PackageImport(import.Path, importer, import.File, import.Line, tests);
                        if (mode == BuildMode.Vendor && ProvideVendored(vendor, gone, vendorDirectory, modules, found, queue) is null)
                        {
                            missingVendored.Add(found);
                        }
                        else if (mode != BuildMode.Vendor)
                        {
                            Provide(byLength, found, queue);
                        }
                    }
                }
            }
        }

        return true;
    }

    internal static string VendoredDirectory(string vendorDirectory, string importPath) =>
        System.IO.Path.Combine(vendorDirectory, System.IO.Path.DirectorySeparatorChar == '/' ? importPath : importPath.Replace('/', System.IO.Path.DirectorySeparatorChar));

    /// <summary>
    /// Vendor mode: the vendored module providing the import (vendorPkgModule), when modules.txt lists the package and
    /// its directory is not among those <paramref name="gone"/>; the package's directory is queued.
    /// </summary>
    private static VendoredModule? ProvideVendored(VendorList? vendor, IReadOnlySet<string> gone, string vendorDirectory, Dictionary<string, GraphModule> modules, PackageImport import, Queue<(string ImportPath, string Directory)> queue)
    {
        var provider = vendor?.ProviderOf(import.ImportPath);
        if (provider is null || gone.Contains(import.ImportPath))
        {
            return null;
        }

        if (modules.TryGetValue(provider.Path, out var module))
        {
            module.Imports.Add(import);
        }

        queue.Enqueue((import.ImportPath, VendoredDirectory(vendorDirectory, import.ImportPath)));
        return provider;
    }

    /// <summary>Records the import on the module that provides it (the longest module path that contains it) and queues the package's directory when it is on disk.</summary>
    private static GraphModule? Provide(List<GraphModule> byLength, PackageImport import, Queue<(string ImportPath, string Directory)> queue)
    {
        var module = byLength.FirstOrDefault(m => ModulePaths.Contains(m.Path, import.ImportPath));
        if (module is null)
        {
            return null;
        }

        module.Imports.Add(import);
        if (module.Directory is { } root && module.ReplacementProblem is null)
        {
            var sub = import.ImportPath.Length == module.Path.Length ? "" : import.ImportPath[(module.Path.Length + 1)..];
            queue.Enqueue((import.ImportPath, System.IO.Path.Combine(root, sub.Replace('/', System.IO.Path.DirectorySeparatorChar))));
        }

        return module;
    }

    /// <summary>
    /// Whether Go could refuse or have to fetch the module if the build needed it: the cheap facts, known before any
    /// import is read (a missing or different go.sum line, a go line above the main module's or the running release's,
    /// a broken replacement, not on disk).
    /// </summary>
    private static bool MayFail(GraphModule module, GoVersion? release, string mainGoLine)
    {
        var goLine = GoVersion.ParseStrict(module.GoLine);
        var main = ModuleGraph.MainModuleVersion(mainGoLine);
        return module.ReplacementProblem is not null
            || module.Origin is ModuleOrigin.Download or ModuleOrigin.Mirror or ModuleOrigin.Unavailable
            || (module.IsVerified && (module.ZipSum is null || module.ModSum is null || module.ZipSumDiffers || module.ModSumDiffers))
            || (goLine is not null && ((release is not null && goLine > release) || (goLine.AtLeast(1, 21) && main is not null && goLine > main)));
    }

    private static byte[]? TryReadBytes(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
