namespace GoEnv.Core;

public enum ValueSourceKind
{
    /// <summary>Not set anywhere; Go computes (or leaves empty) a default.</summary>
    Default,

    /// <summary>The process environment (non-empty value).</summary>
    ProcessEnvironment,

    /// <summary>The user's go/env file ($GOENV or the default location), written by `go env -w`.</summary>
    GoEnvFile,

    /// <summary>$GOROOT/go.env (Go 1.21+).</summary>
    GoRootEnvFile,

    /// <summary>A go.mod or go.work directive.</summary>
    ModuleFile,

    /// <summary>The .goenv.yml policy file.</summary>
    PolicyFile,

    /// <summary>Given on GoEnv's own command line (e.g. --go).</summary>
    CommandLine,
}
