namespace GoEnv.Core.Pinning;

/// <summary>The env file formats `pin` writes (CLI words: <see cref="EnvFileFormatNames"/>).</summary>
public enum EnvFileFormat
{
    /// <summary>GitLab `artifacts:reports:dotenv`: KEY=value, no quotes, no comments, no multi-line values.</summary>
    Dotenv,

    /// <summary>POSIX sh: `export NAME='value'`, to be sourced.</summary>
    Sh,

    /// <summary>PowerShell: `$env:NAME = 'value'`, to be dot-sourced.</summary>
    Pwsh,

    /// <summary>JSON: goVersion, sha256 and the sorted environment object.</summary>
    Json,

    /// <summary>cmd/go's own go/env file format (what `go env -w` writes), used as GOENV=path.</summary>
    GoEnv,
}
