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
    public sealed record Inputs(
        HostEnvironment Host,
        GoVersion? Release,
        IReadOnlyDictionary<string, GoVariable> Variables,
        ModuleFile? GoMod,
        ModuleFile? GoWork,
        IReadOnlyList<WorkspaceModule> WorkspaceModules);

    private sealed record MainModule(string Path, string Directory, ModuleFile GoMod);

    public static ModuleGraph Resolve(Inputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        string Value(string name) => inputs.Variables.TryGetValue(name, out var v) ? v.Value : "";
        if (Value(GoVariableNames.Go111Module) == "off" || (inputs.GoMod is null && inputs.GoWork is null))
        {
            return ModuleGraph.None;
        }

        var inWorkspace = inputs.GoWork is not null;
        var mains = inWorkspace
            ? inputs.WorkspaceModules.Where(m => m.GoMod?.Module is not null).Select(m => new MainModule(m.GoMod!.Module!.Value, m.Directory, m.GoMod!)).ToList()
            : inputs.GoMod?.Module is { } module ? [new MainModule(module.Value, System.IO.Path.GetDirectoryName(inputs.GoMod.Path)!, inputs.GoMod)] : [];
        if (mains.Count == 0)
        {
            return ModuleGraph.None;
        }

        var release = inputs.Release;
        var versionFile = inWorkspace ? inputs.GoWork! : mains[0].GoMod;
        var goLine = versionFile.Go?.Value ?? "";
        var flags = GoFlagsTokenizer.Split(Value(GoVariableNames.GoFlags), release, out var splitError);
        var flagWords = splitError is null ? flags.TakeWhile(w => w.IsFlag).ToList() : [];
        var modFlag = flagWords.LastOrDefault(w => w.Name == "mod")?.Value;
        var tags = flagWords.LastOrDefault(w => w.Name == "tags")?.Value ?? "";

        var vendorDirectory = System.IO.Path.Combine(inWorkspace ? System.IO.Path.GetDirectoryName(inputs.GoWork!.Path)! : mains[0].Directory, "vendor");
        var vendor = Directory.Exists(vendorDirectory) ? VendorList.Read(System.IO.Path.Combine(vendorDirectory, "modules.txt")) : null;
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

        var sums = GoSumLines.Read(mains.Select(m => System.IO.Path.Combine(m.Directory, "go.sum"))
            .Concat(inWorkspace ? [inputs.GoWork!.Path + ".sum"] : []));
        var cache = Value(GoVariableNames.GoModCache);
        var proxy = GoProxyList.Parse(Value(GoVariableNames.GoProxy));
        var noProxy = Value(GoVariableNames.GoNoProxy);

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
            Locate(graphModule, mode, vendorDirectory, vendor, cache, proxy, noProxy, release);
            graphModule.ZipSum = sums.For(graphModule.SourcePath, graphModule.SourceVersion, goMod: false).FirstOrDefault();
            graphModule.ModSum = sums.For(graphModule.SourcePath, graphModule.SourceVersion, goMod: true).FirstOrDefault();
        }

        var context = new BuildContext(Value(GoVariableNames.GoOs), Value(GoVariableNames.GoArch), Value(GoVariableNames.CgoEnabled) == "1", release, tags.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries));
        var unprovided = new List<PackageImport>();
        var missingVendored = new List<PackageImport>();
        LoadPackages(mains, modules, mode, vendor, vendorDirectory, context, unprovided, missingVendored);

        return new ModuleGraph
        {
            IsLoaded = true,
            Mode = mode,
            ModeReason = reason,
            ModeFromGoFlags = modFlag is not null,
            Vendor = vendor,
            VendorRoot = System.IO.Path.GetDirectoryName(vendorDirectory)!,
            VendorProblems = mode == BuildMode.Vendor ? VendorConsistency.Check(inputs, mains.Select(m => m.GoMod).ToList(), vendor, replacements, release, versionFile) : [],
            Modules = [.. modules.Values.OrderBy(m => m.RequiredIn, StringComparer.Ordinal).ThenBy(m => m.RequireLine)],
            UnprovidedImports = unprovided,
            MissingVendoredPackages = missingVendored,
            MainGoMod = versionFile.Path,
            MainGoLine = goLine,
            MainGoLineNumber = versionFile.Go?.Line ?? 0,
            InWorkspace = inWorkspace,
        };
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

        // Before 1.22 a workspace has no vendor directory of its own: workspace mode builds -mod=readonly.
        if (vendor is null || (inWorkspace && release is not null && !release.AtLeast(1, 22)))
        {
            return (BuildMode.Readonly, "no vendor directory");
        }

        var versionSource = inWorkspace ? "go.work" : "go.mod";
        if (GoVersion.ParseStrict(goLine) is { } line && !line.AtLeast(1, 14))
        {
            return (BuildMode.Readonly, $"the go line in {versionSource} is {goLine}, below 1.14, so vendor/ is not used");
        }

        if (goLine.Length == 0 && (release is null || release.AtLeast(1, 21)))
        {
            // No go line: Go takes it as 1.16 (1.21+) or the running version's language (before); both are ≥ 1.14.
        }

        if ((release is null || release.AtLeast(1, 22)) && vendor.IsWorkspace != inWorkspace)
        {
            return (BuildMode.Readonly, vendor.IsWorkspace ? "vendor/ was made by `go work vendor` but the build is outside workspace mode, so vendor/ is not used" : "the build is in workspace mode but vendor/ is not a workspace's, so vendor/ is not used");
        }

        return (BuildMode.Vendor, $"the go line in {versionSource} is at least 1.14 and vendor/ exists");
    }

    private static (ModuleReplacement Replacement, string File)? FindReplacement(List<(ModuleReplacement Replacement, string File)> replacements, string path, string version)
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

    /// <summary>Where the module's files come from, its go line, and the module cache's hashes.</summary>
    private static void Locate(GraphModule module, BuildMode mode, string vendorDirectory, VendorList? vendor, string cache, GoProxyParseResult proxy, string noProxy, GoVersion? release)
    {
        if (mode == BuildMode.Vendor)
        {
            module.Origin = ModuleOrigin.Vendor;
            module.Directory = System.IO.Path.Combine(vendorDirectory, module.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
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
            if (!Directory.Exists(directory))
            {
                module.ReplacementProblem = $"replacement directory {replacement.NewPath} does not exist";
            }
            else if (!File.Exists(goMod))
            {
                module.ReplacementProblem = $"reading {RelativeTo(goMod, baseDirectory)}: open {goMod}: no such file or directory";
            }
            else
            {
                module.GoLine = ModuleFile.Read(goMod).Go?.Value ?? "";
            }

            return;
        }

        var path = module.SourcePath;
        var version = module.SourceVersion;
        if (cache.Length > 0)
        {
            var modFile = ModulePaths.DownloadFile(cache, path, version, ".mod");
            if (TryReadBytes(modFile) is { } modBytes)
            {
                module.CachedModHash = ModuleHash.OfGoMod(modBytes);
                module.GoLine = ModuleFile.Parse(modFile, System.Text.Encoding.UTF8.GetString(modBytes)).Go?.Value ?? "";
            }

            module.CachedZipHash = TryReadBytes(ModulePaths.DownloadFile(cache, path, version, ".ziphash")) is { } zipHash ? System.Text.Encoding.UTF8.GetString(zipHash).Trim() : null;
            var extracted = ModulePaths.ExtractedDirectory(cache, path, version);
            var zip = ModulePaths.DownloadFile(cache, path, version, ".zip");
            if ((Directory.Exists(extracted) && module.CachedZipHash is not null) || File.Exists(zip))
            {
                module.Origin = ModuleOrigin.ModuleCache;
                module.OriginDetail = cache;
                module.Directory = Directory.Exists(extracted) ? extracted : null;
                return;
            }
        }

        // modfetch's lookup: GONOPROXY (GOPRIVATE) paths go direct; the others through the GOPROXY list in order.
        if (noProxy.Length > 0 && ModulePathPatterns.Matches(noProxy, path))
        {
            module.Origin = ModuleOrigin.Download;
            module.OriginDetail = "direct (GONOPROXY)";
            return;
        }

        foreach (var entry in proxy.Entries)
        {
            switch (entry.Url)
            {
                case "off":
                    module.Origin = ModuleOrigin.Unavailable;
                    module.OriginDetail = "module lookup disabled by GOPROXY=off";
                    return;
                case "direct":
                    module.Origin = ModuleOrigin.Download;
                    module.OriginDetail = "direct";
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
        _ = release;
    }

    /// <summary>
    /// The packages of the main modules (`./...`: every directory with .go files the target builds, without vendor,
    /// testdata, '_' and '.' directories and nested modules), their imports, the module providing each, and — where
    /// that module's source is on disk — the imports of those packages in turn.
    /// </summary>
    private static void LoadPackages(List<MainModule> mains, Dictionary<string, GraphModule> modules, BuildMode mode, VendorList? vendor, string vendorDirectory, BuildContext context, List<PackageImport> unprovided, List<PackageImport> missingVendored)
    {
        var queue = new Queue<(string ImportPath, string Directory, bool Main)>();
        foreach (var main in mains)
        {
            foreach (var directory in PackageDirectories(main.Directory))
            {
                var relative = System.IO.Path.GetRelativePath(main.Directory, directory).Replace('\\', '/');
                queue.Enqueue((relative == "." ? main.Path : main.Path + "/" + relative, directory, true));
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byLength = modules.Values.OrderByDescending(m => m.Path.Length).ToList();
        while (queue.Count > 0)
        {
            var (importer, directory, isMain) = queue.Dequeue();
            foreach (var import in PackageImports(directory, context))
            {
                var found = new PackageImport(import.Path, importer, import.File, import.Line);
                if (ModulePaths.IsStandard(import.Path) || mains.Any(m => ModulePaths.Contains(m.Path, import.Path)) || !seen.Add(import.Path))
                {
                    continue;
                }

                if (mode == BuildMode.Vendor)
                {
                    var vendored = System.IO.Path.Combine(vendorDirectory, import.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
                    var provider = vendor?.ProviderOf(import.Path);
                    if (provider is null || !HasGoFiles(vendored))
                    {
                        if (isMain)
                        {
                            missingVendored.Add(found);
                        }

                        continue;
                    }

                    if (modules.TryGetValue(provider.Path, out var vendoredModule))
                    {
                        vendoredModule.Imports.Add(found);
                    }

                    queue.Enqueue((import.Path, vendored, false));
                    continue;
                }

                var module = byLength.FirstOrDefault(m => ModulePaths.Contains(m.Path, import.Path));
                if (module is null)
                {
                    if (isMain)
                    {
                        unprovided.Add(found);
                    }

                    continue;
                }

                module.Imports.Add(found);
                if (module.Directory is { } root && module.ReplacementProblem is null)
                {
                    var sub = import.Path.Length == module.Path.Length ? "" : import.Path[(module.Path.Length + 1)..];
                    queue.Enqueue((import.Path, System.IO.Path.Combine(root, sub.Replace('/', System.IO.Path.DirectorySeparatorChar)), false));
                }
            }
        }
    }

    private static readonly EnumerationOptions s_directoryOptions = new() { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };

    private static IEnumerable<string> PackageDirectories(string moduleRoot)
    {
        var pending = new Stack<string>();
        pending.Push(moduleRoot);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            var hasGo = false;
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(directory, "*", s_directoryOptions).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = System.IO.Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    if (name is "vendor" or "testdata" || name.StartsWith('.') || name.StartsWith('_') || File.Exists(System.IO.Path.Combine(entry, "go.mod")))
                    {
                        continue;
                    }

                    pending.Push(entry);
                }
                else if (name.EndsWith(".go", StringComparison.Ordinal))
                {
                    hasGo = true;
                }
            }

            if (hasGo)
            {
                yield return directory;
            }
        }
    }

    private static bool HasGoFiles(string directory)
    {
        try
        {
            return Directory.Exists(directory) && Directory.EnumerateFiles(directory, "*.go").Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The imports of the package in <paramref name="directory"/> for the target (no test files), first occurrence each.</summary>
    private static IEnumerable<(string Path, string File, int Line)> PackageImports(string directory, BuildContext context)
    {
        string[] files;
        try
        {
            files = Directory.GetFiles(directory, "*.go");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        Array.Sort(files, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var name = System.IO.Path.GetFileName(file);
            if (name.StartsWith('_') || name.StartsWith('.') || name.EndsWith("_test.go", StringComparison.Ordinal) || !context.MatchesFileName(name))
            {
                continue;
            }

            var header = GoFileHeader.Read(file);
            var included = header.GoBuild is { } expression ? context.MatchExpression(expression) : header.PlusBuild.All(context.MatchPlusBuildLine);
            if (!included || (!context.Cgo && header.Imports.Any(i => i.Path == "C")))
            {
                continue;
            }

            foreach (var (path, line) in header.Imports)
            {
                if (seen.Add(path))
                {
                    yield return (path, file, line);
                }
            }
        }
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

    /// <summary>base.ShortPath: the relative path when it is shorter.</summary>
    internal static string RelativeTo(string path, string directory)
    {
        var relative = System.IO.Path.GetRelativePath(directory, path);
        return relative.Length < path.Length ? relative : path;
    }
}
