using GoEnv.Core.Go;
using GoEnv.Core.Toolchains;

namespace GoEnv.Core.Discovery;

/// <summary>
/// Resolves the toolchain Go runs, as cmd/go/internal/toolchain.Select and Exec do it (Go 1.21+): GOTOOLCHAIN names a
/// minimum (local or goX); in +auto/+path mode the go.work in use (else go.mod) may raise it with its `toolchain`
/// line, then its `go` line (a language version 1.N ≥ 1.21 means go1.N.0). A toolchain other than the running one
/// is looked up on PATH first; +path stops there; otherwise Go takes golang.org/toolchain from the module cache or
/// through GOPROXY, and verifies it against the checksum database unless GOPROXY is one file:// entry.
/// </summary>
public static class ToolchainResolver
{
    /// <summary>The module path Go downloads toolchains as (cmd/go/internal/toolchain).</summary>
    public const string ToolchainModule = "golang.org/toolchain";

    /// <summary>A linux-amd64 toolchain zip is about this big (go1.21–go1.25: 65–75 MB).</summary>
    public const string DownloadSize = "about 70 MB";

    public sealed record Inputs(
        HostEnvironment Host,
        GoVersion? Local,
        IReadOnlyDictionary<string, GoVariable> Variables,
        ModuleFile? GoMod,
        ModuleFile? GoWork);

    public static ToolchainResolution Resolve(Inputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var local = inputs.Local;
        var value = Get(inputs, GoVariableNames.GoToolchain);
        if (local is null || !local.AtLeast(1, 21) || !ModulesEnabled(inputs) || value.Length == 0)
        {
            return new ToolchainResolution { Toolchain = "local", Source = ToolchainSource.Local, Version = local };
        }

        var setting = GoToolchainSetting.Parse(value, out _);
        if (setting is null)
        {
            // Go refuses every command (GOENV0100 says so); nothing is selected.
            return new ToolchainResolution { Toolchain = value, Source = ToolchainSource.Local, Version = local };
        }

        var toolchain = setting.MinimumIsLocal ? "go" + local.Text : setting.Minimum;
        var minimum = setting.MinimumIsLocal ? local : GoVersion.Parse(setting.Minimum) ?? local;
        ModuleFile? file = null;
        ModuleDirective? directive = null;
        if (setting.MaySwitch && (inputs.GoWork ?? inputs.GoMod) is { } modFile)
        {
            if (modFile.Toolchain is { } toolchainLine && toolchainLine.Value != "default")
            {
                if (GoToolchainSetting.FromToolchain(toolchainLine.Value) is not { } named)
                {
                    return new ToolchainResolution
                    {
                        Toolchain = toolchainLine.Value,
                        Source = ToolchainSource.Unavailable,
                        File = modFile,
                        Directive = toolchainLine,
                        Failure = $"go: invalid toolchain \"{toolchainLine.Value}\" in {GoStrings.ShortPath(modFile.Path, inputs.Host.WorkingDirectory)}",
                    };
                }

                if (GoVersion.ParseStrict(named) is { } version && version > minimum)
                {
                    (toolchain, minimum, file, directive) = (toolchainLine.Value, version, modFile, toolchainLine);
                }
            }

            if (modFile.Go is { } goLine && modFile.GoLineVersion is { } goVersion && goVersion > minimum)
            {
                toolchain = "go" + goVersion.Text + (goVersion.IsLanguageVersion && goVersion.AtLeast(1, 21) ? ".0" : "");
                (minimum, file, directive) = (goVersion, modFile, goLine);
            }
        }

        var resolution = new ToolchainResolution { Toolchain = toolchain, Source = ToolchainSource.Local, Version = minimum, File = file, Directive = directive };
        return toolchain == "go" + local.Text ? resolution with { Version = local } : Locate(inputs, resolution, setting.Mode == "path");
    }

    /// <summary>Exec: PATH, then (unless +path) the module cache or the GOPROXY list.</summary>
    private static ToolchainResolution Locate(Inputs inputs, ToolchainResolution wanted, bool pathOnly)
    {
        var name = wanted.Toolchain;
        if (GoLocator.LookPath(inputs.Host, name) is { } exe)
        {
            return wanted with { Source = ToolchainSource.Path, Location = exe, GoRoot = SnapshotBuilder.FindGoRootFromExecutable(new GoExecutable(exe, GoLocator.TryResolve(exe, out _) ?? exe, ValueSource.ProcessEnvironment)) };
        }

        if (pathOnly)
        {
            return wanted with { Source = ToolchainSource.Unavailable, Version = null, Failure = $"go: cannot find \"{name}\" in PATH" };
        }

        var goos = Get(inputs, GoVariableNames.GoHostOs) is { Length: > 0 } hostOs ? hostOs : inputs.Host.Os switch { HostOs.Windows => "windows", HostOs.MacOS => "darwin", _ => "linux" };
        var goarch = Get(inputs, GoVariableNames.GoHostArch) is { Length: > 0 } hostArch ? hostArch : "amd64";
        var moduleVersion = $"v0.0.1-{name}.{goos}-{goarch}";
        var module = $"{ToolchainModule}@{moduleVersion}";
        var proxyValue = Get(inputs, GoVariableNames.GoProxy);
        var sumDb = Get(inputs, GoVariableNames.GoSumDb);

        // modfetch.useSumDB: toolchains are always verified against the checksum database (GONOSUMDB does not apply),
        // except when GOPROXY is a single file:// entry.
        var mustVerify = !(proxyValue.StartsWith("file://", StringComparison.Ordinal) && proxyValue.IndexOfAny([',', '|']) < 0) || (sumDb != "off" && !ModulePathPatterns.Matches(Get(inputs, GoVariableNames.GoNoSumDb), ToolchainModule));
        var cache = Get(inputs, GoVariableNames.GoModCache);
        var download = cache.Length == 0 ? null : Path.Combine(cache, "cache", "download", ToolchainModule, "@v", moduleVersion);
        string? verification(bool cached) => !mustVerify ? null
            : sumDb == "off" ? (cached ? "go: " : $"go: download {name}: ") + $"{module}: verifying module: checksum database disabled by GOSUMDB=off"
            : null;
        string? networkNeed() => mustVerify && sumDb != "off" && !SumDbLookupCached(cache, sumDb, module)
            ? $"Go verifies {module} against the checksum database ({SumDbName(sumDb)}), which needs the network"
            : null;

        var extracted = cache.Length == 0 ? null : Path.Combine(cache, ToolchainModule + "@" + moduleVersion);
        if (download is not null && extracted is not null && File.Exists(download + ".zip") && File.Exists(download + ".ziphash") && File.Exists(Path.Combine(extracted, "bin", GoLocator.ExecutableName(inputs.Host.Os))))
        {
            return verification(cached: true) is { } refused
                ? wanted with { Source = ToolchainSource.Unavailable, Version = null, Location = extracted, Failure = refused }
                : wanted with { Source = ToolchainSource.ModuleCache, Location = extracted, GoRoot = extracted, NetworkNeed = networkNeed() };
        }

        var unavailable = $"go: download {name} for {goos}/{goarch}: toolchain not available";
        var proxies = GoProxyList.Parse(proxyValue);
        foreach (var entry in proxies.Entries)
        {
            if (entry.Url == "off")
            {
                break;
            }

            if (entry.Url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
            {
                if (entry.MirrorDirectory is { } directory && File.Exists(Path.Combine(directory, ToolchainModule, "@v", moduleVersion + ".zip")))
                {
                    return verification(cached: false) is { } refused
                        ? wanted with { Source = ToolchainSource.Unavailable, Version = null, Location = entry.Url, Failure = refused }
                        : wanted with { Source = ToolchainSource.Mirror, Location = entry.Url, NetworkNeed = networkNeed() };
                }

                // Not there: a 404 to Go, which tries the next entry after ',' as after '|'.
                continue;
            }

            return verification(cached: false) is { } refusedDownload
                ? wanted with { Source = ToolchainSource.Unavailable, Version = null, Location = entry.Url, Failure = refusedDownload }
                : wanted with { Source = ToolchainSource.Download, Location = entry.Url };
        }

        return wanted with { Source = ToolchainSource.Unavailable, Version = null, Failure = proxies.Error is { } error ? $"go: download {name}: {error}" : unavailable };
    }

    /// <summary>modload.WillBeEnabled: GO111MODULE=off disables modules; auto needs a go.mod or go.work.</summary>
    private static bool ModulesEnabled(Inputs inputs) => Get(inputs, GoVariableNames.Go111Module) switch
    {
        "off" => false,
        "auto" => inputs.GoMod is not null || inputs.GoWork is not null,
        _ => true,
    };

    private static string Get(Inputs inputs, string name) => inputs.Variables.TryGetValue(name, out var v) ? v.Value : "";

    private static string SumDbName(string sumDb)
    {
        var first = sumDb.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "sum.golang.org";
        var plus = first.IndexOf('+', StringComparison.Ordinal);
        return first == "sum.golang.google.cn" ? "sum.golang.org" : plus >= 0 ? first[..plus] : first;
    }

    /// <summary>A lookup of the module's checksum that an earlier download left in the module cache.</summary>
    private static bool SumDbLookupCached(string cache, string sumDb, string module) =>
        cache.Length > 0 && File.Exists(Path.Combine(cache, "cache", "download", "sumdb", SumDbName(sumDb.Length == 0 ? "sum.golang.org" : sumDb), "lookup", module));
}
