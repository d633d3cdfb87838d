using GoEnv.Core.Discovery;
using GoEnv.Core.Go;
using GoEnv.Core.Security;

namespace GoEnv.Core.Pinning;

/// <summary>
/// Turns a snapshot that passed `check` into the set of variables that fixes what Go builds and downloads. Every
/// value is the effective one Go reported (absolute, defaults made explicit), so a later step with the pinned
/// environment and GOENV=off sees exactly this, whatever its own go env file or $GOROOT/go.env says.
/// </summary>
public static class PinResolver
{
    /// <summary>Pinned for every Go version (when Go knows them).</summary>
    private static readonly string[] s_always =
    [
        GoVariableNames.GoRoot, GoVariableNames.GoPath, GoVariableNames.GoCache, GoVariableNames.GoModCache,
        GoVariableNames.GoFlags, GoVariableNames.Go111Module, GoVariableNames.GoProxy, GoVariableNames.GoSumDb,
        GoVariableNames.GoPrivate, GoVariableNames.GoNoProxy, GoVariableNames.GoNoSumDb, GoVariableNames.GoInsecure,
        GoVariableNames.GoVcs, GoVariableNames.GoOs, GoVariableNames.GoArch, GoVariableNames.CgoEnabled,
        GoVariableNames.GoExperiment,
    ];

    public static PinResult Resolve(GoSnapshot snapshot, string? toolchainPolicy = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var omitted = new List<PinOmission>();
        foreach (var name in s_always)
        {
            values[name] = snapshot.Value(name);
        }

        values[GoVariableNames.GoRoot] = GoLocator.RealDirectory(snapshot.Value(GoVariableNames.GoRoot));
        values[GoVariableNames.GoFlags] = NormaliseGoFlags(snapshot);

        // GOBIN: only when set; Go's default (GOPATH[0]/bin) follows the pinned GOPATH. 1.27 reports the computed one.
        if (snapshot.Variable(GoVariableNames.GoBin).IsExplicit)
        {
            values[GoVariableNames.GoBin] = snapshot.Value(GoVariableNames.GoBin);
        }

        if (snapshot.Value(GoVariableNames.GoTmpDir) is { Length: > 0 } tmp)
        {
            values[GoVariableNames.GoTmpDir] = tmp;
        }

        // The architecture level of the target GOARCH (the others do not affect the build).
        if (ArchitectureVariable(snapshot.Value(GoVariableNames.GoArch), snapshot.Version) is { } arch)
        {
            values[arch] = snapshot.Value(arch);
        }

        // A workspace in use is pinned by path; no workspace is pinned as off, so a go.work that appears later
        // (or one a checkout step leaves behind) cannot change the build.
        values[GoVariableNames.GoWork] = snapshot.GoWork is { } work ? work.Path : "off";

        if (snapshot.GoAtLeast(1, 21))
        {
            // No toolchain downloads behind the user's back: the validated install is the one that builds.
            values[GoVariableNames.GoToolchain] = toolchainPolicy ?? "local";
        }

        if (snapshot.GoAtLeast(1, 24))
        {
            foreach (var name in new[] { GoVariableNames.GoAuth, GoVariableNames.GoFips140 })
            {
                if (snapshot.Value(name) is { Length: > 0 } value)
                {
                    values[name] = value;
                }
            }
        }

        // A cache program set with `go env -w` must survive the pin's GOENV=off; GODEBUG changes what tests and
        // cmd/go do. Both only when set (and GOCACHEPROG only where this Go reads it).
        if (snapshot.CacheProg is not null)
        {
            values[GoVariableNames.GoCacheProg] = snapshot.Value(GoVariableNames.GoCacheProg);
        }

        if (snapshot.Value(GoVariableNames.GoDebug) is { Length: > 0 } godebug)
        {
            values[GoVariableNames.GoDebug] = godebug;
        }

        values[GoVariableNames.GoEnv] = "off";

        // Credentials never land in the file: the variable is left to the job's own secret environment.
        foreach (var name in values.Keys.ToList())
        {
            if (SecretRedactor.HasCredentials(values[name]) || snapshot.Redactor.Secrets.Any(s => values[name].Contains(s, StringComparison.Ordinal)))
            {
                omitted.Add(new PinOmission(name, $"{name} carries credentials ({snapshot.Redactor.Redact(values[name])}); it is not written to the file — keep it in the job's secret environment."));
                values.Remove(name);
            }
        }

        return new PinResult(new PinnedEnvironment(snapshot.VersionText, values), omitted);
    }

    /// <summary>The architecture level variable Go reads for a GOARCH, if any.</summary>
    public static string? ArchitectureVariable(string goarch, GoVersion? version) => goarch switch
    {
        "amd64" => GoVariableNames.GoAmd64,
        "arm" => GoVariableNames.GoArm,
        "arm64" when version is null || version.AtLeast(1, 23) => GoVariableNames.GoArm64,
        "386" => GoVariableNames.Go386,
        "mips" or "mipsle" => GoVariableNames.GoMips,
        "mips64" or "mips64le" => GoVariableNames.GoMips64,
        "ppc64" or "ppc64le" => GoVariableNames.GoPpc64,
        "riscv64" when version is null || version.AtLeast(1, 23) => GoVariableNames.GoRiscv64,
        "wasm" => GoVariableNames.GoWasm,
        _ => null,
    };

    /// <summary>
    /// GOFLAGS as the words Go sees, joined by single spaces; a word with white space is quoted (Go 1.21+ only
    /// gets here with such a word, since older Go cannot carry it).
    /// </summary>
    public static string NormaliseGoFlags(GoSnapshot snapshot)
    {
        var words = GoFlagsTokenizer.Split(snapshot.Value(GoVariableNames.GoFlags), snapshot.Version, out _);
        return string.Join(' ', words.Select(w => w.Text.Any(char.IsWhiteSpace) ? (w.Text.Contains('\'', StringComparison.Ordinal) ? "\"" + w.Text + "\"" : "'" + w.Text + "'") : w.Text));
    }
}
