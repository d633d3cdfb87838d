using GoEnv.Core.Caching;
using GoEnv.Core.Ci;
using GoEnv.Core.Discovery;
using GoEnv.Core.Go;

namespace GoEnv.Core.Pinning;

/// <summary>What to pin and where: the file, its format, the GOTOOLCHAIN choice and how the CI constrains the file.</summary>
public sealed record PinRequest
{
    public required string EnvFilePath { get; init; }

    public EnvFileFormat Format { get; init; } = EnvFileFormat.Dotenv;

    /// <summary>The GOTOOLCHAIN to pin; null: the policy's go.toolchain, else local.</summary>
    public string? Toolchain { get; init; }

    /// <summary>Whether the caller puts the pinned go first on PATH itself (GitHub's GITHUB_PATH): then no note about PATH.</summary>
    public bool CallerSetsPath { get; init; }

    /// <summary>A CI's limits on the file and what it adds to it (GitLab dotenv: the cache keys); identity by default.</summary>
    public Func<PinnedEnvironment, EnvFileFormat, List<string>, CacheKeys?, CachePlan, PinnedEnvironment>? Fit { get; init; }

    /// <summary>Notes of the caller's to report with the pin's own (e.g. which installed toolchain <see cref="PinCheck"/> chose).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Runs real Go under the pinned environment before the file is committed (<see cref="PinConfirmation"/>); null: no confirmation (unit tests of the writers only).</summary>
    public IProcessRunner? Confirmation { get; init; } = ProcessRunner.Instance;

    /// <summary>
    /// Where Go's default caches go instead (GOCACHE = DIR/go-build, GOMODCACHE = DIR/mod), e.g. the fast drive of a
    /// Windows runner; caches set by the user (or GOMODCACHE under a GOPATH set by the user) stay. Null: as they are.
    /// </summary>
    public string? CacheDirectory { get; init; }

    /// <summary>Which caches the CI restores and saves (<see cref="CachePlanner"/>), and in which jobs.</summary>
    public CacheMode Cache { get; init; } = CacheMode.Off;

    /// <inheritdoc cref="CacheSavePolicy"/>
    public CacheSavePolicy CacheSave { get; init; } = CacheSavePolicy.DefaultBranch;

    /// <summary>The CI the pin is for (the cache plan reads its variables).</summary>
    public CiPlatform Platform { get; init; } = CiPlatform.None;

    /// <summary>Which go.sum files the cache keys cover.</summary>
    public ModulesKeyScope ModulesKeyScope { get; init; } = ModulesKeyScope.Repository;

    /// <summary>How long the confirming go command may take.</summary>
    public TimeSpan ConfirmationTimeout { get; init; } = PinConfirmation.DefaultTimeout;
}

/// <summary>`pin` after a passing check: resolve, fit, render, write atomically, compute the cache keys.</summary>
public static class Pinner
{
    /// <summary>
    /// Writes the env file for a check that passed. Returns the outcome, or null with <paramref name="problems"/>
    /// naming every reason nothing was written (a value the format cannot carry, a CI limit that cannot be met).
    /// </summary>
    public static PinOutcome? Pin(CheckResult result, PinRequest request, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(request);
        var redactor = result.Snapshot.Redactor;

        // Every caller's GOTOOLCHAIN choice is checked here, where it is pinned: a value Go rejects would make every
        // later `go` command fail. (The policy's go.toolchain is checked when the policy loads.)
        if (request.Toolchain is { } toolchain && GoToolchainSetting.Parse(toolchain, out var toolchainError) is null)
        {
            problems = [$"GOTOOLCHAIN {redactor.Redact(toolchain)}: {toolchainError}"];
            return null;
        }

        var pinned = PinResolver.Resolve(result.Snapshot, request.Toolchain ?? result.Policy?.Toolchain);
        var notes = request.Notes.Concat(pinned.Omitted.Select(o => o.Reason)).ToList();

        // GOENV cannot be set from a go env file (Go reads it from the OS environment only).
        var relocated = Relocated(result.Snapshot, pinned.Environment.Variables, request.CacheDirectory, notes, out var unusable);
        if (unusable.Count > 0)
        {
            problems = [.. unusable.Select(redactor.Redact)];
            return null;
        }

        var variables = relocated
            .Where(v => !(request.Format == EnvFileFormat.GoEnv && v.Key == GoVariableNames.GoEnv));
        CacheKeys ComputeKeys() => SnapshotCacheKeys.Compute(result.Snapshot, request.Confirmation ?? ProcessRunner.Instance, request.ModulesKeyScope);
        PinnedEnvironment environment;
        CacheKeys? keys = null;
        var plan = CachePlan.None;
        byte[] bytes;
        IReadOnlyList<EnvFileProblem> refused;
        try
        {
            environment = new PinnedEnvironment(pinned.Environment.GoVersion, variables);
            if (request.Cache != CacheMode.Off)
            {
                // The CI's cache configuration may need the keys in the file itself (GitLab's dotenv): computed first.
                keys = ComputeKeys();
                plan = CachePlanner.Plan(request.Cache, request.CacheSave, environment, result.Snapshot.Host, request.Platform);
                notes.AddRange(plan.Notes);
            }

            environment = request.Fit?.Invoke(environment, request.Format, notes, keys, plan) ?? environment;
            bytes = EnvFileWriter.Render(environment, request.Format, out refused);
        }
        catch (Ci.GitLab.DotenvBudgetException e)
        {
            problems = [redactor.Redact(e.Message)];
            return null;
        }

        if (refused.Count > 0)
        {
            problems = [.. refused.Select(p => $"{p.Variable}: {redactor.Redact(p.Message)}"),
                $"the {EnvFileFormatNames.ToWord(request.Format)} format cannot carry these values"];
            return null;
        }

        // Real Go confirms the pin while the file is written and the cache keys computed; the rename waits for its word.
        var goRoot = environment.Variables.TryGetValue(GoVariableNames.GoRoot, out var root) ? root : result.Snapshot.Value(GoVariableNames.GoRoot);
        var confirmation = PinConfirmation.ForPin(result.Snapshot, environment, request.ConfirmationTimeout);
        var runner = request.Confirmation;
        var confirming = runner is null ? null : Task.Run(() => runner.Run(confirmation));
        var refusal = AtomicFile.Write(request.EnvFilePath, bytes, () =>
        {
            keys ??= ComputeKeys();
            return confirming is null ? null : PinConfirmation.Refusal(confirmation, confirming.GetAwaiter().GetResult(), redactor);
        });
        if (refusal is not null)
        {
            problems = [redactor.Redact($"real Go refuses the pinned environment, so {request.EnvFilePath} was not written: {refusal}")];
            return null;
        }

        // The env file pins GOROOT; PATH is the caller's. Say so when the go on PATH is not the pinned one.
        var pathGo = result.Snapshot.GoOnPath.FirstOrDefault();
        if (!request.CallerSetsPath && result.Snapshot.Go is { } pinnedGo && (pathGo is null || pathGo.ResolvedPath != pinnedGo.ResolvedPath))
        {
            notes.Add($"later steps must put {Path.GetDirectoryName(pinnedGo.Path)} first on PATH: the `go` on PATH now is {(pathGo is null ? "none" : pathGo.Path)}, not the pinned one.");
        }

        problems = [];
        return new PinOutcome(environment, request.EnvFilePath, [.. notes.Select(redactor.Redact)], keys!, Path.Combine(goRoot, "bin")) { Cache = plan };
    }

    /// <summary>The pinned variables with Go's default cache directories moved under <paramref name="cacheDirectory"/>.</summary>
    /// <param name="unusable">Why Go could not use a moved directory (a pin is a promise: then nothing is written).</param>
    private static IEnumerable<KeyValuePair<string, string>> Relocated(GoSnapshot snapshot, IReadOnlyDictionary<string, string> variables, string? cacheDirectory, List<string> notes, out List<string> unusable)
    {
        unusable = [];
        if (cacheDirectory is null)
        {
            return variables;
        }

        var result = new Dictionary<string, string>(variables, StringComparer.Ordinal);
        var root = Path.GetFullPath(cacheDirectory, snapshot.Host.WorkingDirectory);
        foreach (var (name, directory, setBy) in new[]
        {
            (GoVariableNames.GoCache, "go-build", new[] { GoVariableNames.GoCache }),
            (GoVariableNames.GoModCache, "mod", new[] { GoVariableNames.GoModCache, GoVariableNames.GoPath }),
        })
        {
            if (!result.ContainsKey(name) || setBy.Any(n => snapshot.Variable(n).IsExplicit))
            {
                continue;
            }

            var path = Path.Combine(root, directory);
            if (Rules.Caches.CacheDirectories.Unusable(path) is { } why)
            {
                unusable.Add($"--cache-dir {cacheDirectory}: {name} would be {path}, which {why}");
                continue;
            }

            if (result[name] != path)
            {
                notes.Add($"{name} is pinned to {path} (under the cache directory), not Go's default {result[name]}.");
                result[name] = path;
            }
        }

        return result;
    }
}
