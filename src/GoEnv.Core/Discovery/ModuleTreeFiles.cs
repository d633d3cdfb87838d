using System.Collections.Concurrent;
using GoEnv.Core.Go;
using GoEnv.Core.Modules;

namespace GoEnv.Core.Discovery;

/// <summary>
/// What a snapshot reads from the module tree: go.mod and go.work files, vendor/modules.txt, the go.sum files,
/// which packages vendor/modules.txt lists are gone, the main modules' package directories and the import blocks of
/// their .go files. <see cref="Direct"/> reads each when asked. <see cref="Prefetch"/> reads them ahead, while the
/// CLI's `go env` probe runs (most of a check's wall time, spent waiting for it), for the module that the working
/// directory and the process environment's GOWORK point at; the check then takes what was read and reads anything
/// else itself (another module: GOWORK came from a go env file; more files: a problem lifted the import budget).
/// </summary>
/// <remarks>
/// The prefetch runs on the calling thread: on two cores, with `go env` busy on one, a thread-pool task had to start
/// the pool and finished after the probe.
/// </remarks>
public sealed class ModuleTreeFiles
{
    private readonly ConcurrentDictionary<(Kind, string), object>? _read;
    private bool _recording;

    private ModuleTreeFiles(bool records)
    {
        _read = records ? new() : null;
        _recording = records;
    }

    private enum Kind
    {
        ModuleFile,
        VendorList,
        VendoredPackagesGone,
        GoSums,
        Packages,
        Header,
    }

    /// <summary>Reads every file when asked.</summary>
    public static ModuleTreeFiles Direct { get; } = new(records: false);

    /// <summary>Reads the module tree of <paramref name="host"/>'s working directory, as a check would, and keeps what it read.</summary>
    public static ModuleTreeFiles Prefetch(HostEnvironment host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var files = new ModuleTreeFiles(records: true);
        files.Record(host);
        files._recording = false;
        return files;
    }

    public ModuleFile ModuleFile(string path) => Get(Kind.ModuleFile, path, () => Discovery.ModuleFile.Read(path));

    public VendorList VendorList(string modulesTxt) => Get(Kind.VendorList, modulesTxt, () => Modules.VendorList.Read(modulesTxt));

    /// <summary>The packages modules.txt lists that have no directory in vendor/ (one directory lookup per listed package).</summary>
    public IReadOnlySet<string> VendoredPackagesGone(VendorList vendor) => Get(Kind.VendoredPackagesGone, vendor.Path, () => Gone(vendor));

    public GoSumLines GoSums(IReadOnlyList<string> files) => Get(Kind.GoSums, string.Join('\n', files), () => GoSumLines.Read(files));

    /// <summary>The package directories of each module root in turn (<see cref="PackageFiles.PackagesOf"/>); null when there are more than <paramref name="budget"/> .go files.</summary>
    public IReadOnlyList<List<(string Directory, string[] GoFiles)>>? Packages(IReadOnlyList<string> roots, int budget)
    {
        var listing = Get(Kind.Packages, string.Join('\n', roots), () => new PackageListing(budget, ListPackages(roots, budget)));

        // A listing made under another budget still answers when it is complete within this one, or was cut off
        // under a budget at least as large.
        return listing.Budget == budget || (listing.Roots is not null ? listing.Roots.Sum(r => r.Sum(p => p.GoFiles.Length)) <= budget : listing.Budget >= budget)
            ? listing.Roots
            : ListPackages(roots, budget);
    }

    public GoFileHeader Header(string goFile) => Get(Kind.Header, goFile, () => GoFileHeader.Read(goFile));

    private static HashSet<string> Gone(VendorList vendor)
    {
        var packages = vendor.Modules.SelectMany(m => m.Packages).Select(p => p.ImportPath).ToArray();
        var gone = new bool[packages.Length];
        FileWork.For(packages.Length, i => gone[i] = !Directory.Exists(ModuleGraphResolver.VendoredDirectory(vendor.Directory, packages[i])));
        return new HashSet<string>(packages.Where((_, i) => gone[i]), StringComparer.Ordinal);
    }

    private static List<List<(string Directory, string[] GoFiles)>>? ListPackages(IReadOnlyList<string> roots, int budget)
    {
        var all = new List<List<(string, string[])>>();
        foreach (var root in roots)
        {
            if (PackageFiles.PackagesOf(root, ref budget) is not { } found)
            {
                return null;
            }

            all.Add(found);
        }

        return all;
    }

    private T Get<T>(Kind kind, string key, Func<T> read)
        where T : class
    {
        if (_read is null)
        {
            return read();
        }

        // Recording (the prefetch, whose workspace go.mod files are read by several threads) keeps every read; after it
        // the reads are only looked up, and what the prefetch did not read is read and not kept.
        return _recording ? (T)_read.GetOrAdd((kind, key), _ => read()) : _read.TryGetValue((kind, key), out var known) ? (T)known : read();
    }

    /// <summary>The prefetch: what a check of this working directory reads, as <see cref="SnapshotBuilder"/> and <see cref="ModuleGraphResolver"/> read it.</summary>
    private void Record(HostEnvironment host)
    {
        try
        {
            var (goMod, goWork) = SnapshotBuilder.FindModule(host, host.Get(GoVariableNames.GoWork) ?? "", this);
            var workspace = goWork is null ? [] : WorkspaceModule.ReadAll(goWork, this);
            var mains = ModuleGraphResolver.MainModules(goMod, goWork, workspace);
            if (mains.Count == 0)
            {
                return;
            }

            var vendorDirectory = ModuleGraphResolver.VendorDirectory(goWork, mains);
            if (Directory.Exists(vendorDirectory))
            {
                VendoredPackagesGone(VendorList(Path.Combine(vendorDirectory, "modules.txt")));
            }

            GoSums(ModuleGraphResolver.SumFiles(goWork, mains));
            var listed = Packages([.. mains.Select(m => m.Directory)], ModuleGraphResolver.ImportReadBudget);
            foreach (var package in listed ?? [])
            {
                foreach (var (_, goFiles) in package)
                {
                    foreach (var goFile in goFiles)
                    {
                        Header(goFile);
                    }
                }
            }
        }
#pragma warning disable CA1031 // A guess that fails must not fail the check: whatever was read is kept, the check reads the rest.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private sealed record PackageListing(int Budget, List<List<(string Directory, string[] GoFiles)>>? Roots);
}
