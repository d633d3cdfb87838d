namespace GoEnv.Core.Go;

/// <summary>Which variable a message of cmd/go is about (Go's error texts name it in a few fixed forms).</summary>
internal static class GoMessages
{
    private static readonly (string Fragment, string Variable)[] s_fragments =
    [
        ("GOROOT", GoVariableNames.GoRoot),
        ("GOPATH entry", GoVariableNames.GoPath),
        ("GO111MODULE", GoVariableNames.Go111Module),
        ("GOWORK", GoVariableNames.GoWork),
        ("go.work", GoVariableNames.GoWork),
        ("GOTOOLCHAIN", GoVariableNames.GoToolchain),
        ("GOEXPERIMENT", GoVariableNames.GoExperiment),
        ("GOFIPS140", GoVariableNames.GoFips140),
        ("GOOS/GOARCH", GoVariableNames.GoOs),
        ("GOAMD64", GoVariableNames.GoAmd64),
        ("GOARM64", GoVariableNames.GoArm64),
        ("GOARM", GoVariableNames.GoArm),
        ("GO386", GoVariableNames.Go386),
        ("GOMIPS64", GoVariableNames.GoMips64),
        ("GOMIPS", GoVariableNames.GoMips),
        ("GOPPC64", GoVariableNames.GoPpc64),
        ("GORISCV64", GoVariableNames.GoRiscv64),
        ("GOWASM", GoVariableNames.GoWasm),
        ("$GOFLAGS", GoVariableNames.GoFlags),
        ("GOMODCACHE", GoVariableNames.GoModCache),
        ("GOCACHE", GoVariableNames.GoCache),
        ("go env config", GoVariableNames.GoEnv),
    ];

    public static string? VariableOf(string message)
    {
        foreach (var (fragment, variable) in s_fragments)
        {
            if (message.Contains(fragment, StringComparison.Ordinal))
            {
                return variable;
            }
        }

        return null;
    }
}
