namespace GoEnv.Core;

/// <summary>One Go environment variable as the go command will see it.</summary>
/// <param name="Name">The variable name, e.g. GOPROXY.</param>
/// <param name="Value">The effective value (what `go env` reports, or what GoEnv derived when `go env` failed).</param>
/// <param name="Source">Where the value that decides it came from.</param>
/// <param name="RawValue">The value as written where it came from (before Go's defaulting); null for defaults.</param>
public sealed record GoVariable(string Name, string Value, ValueSource Source, string? RawValue)
{
    /// <summary>True when the user set it (process environment or a go/env file), not Go's default.</summary>
    public bool IsExplicit => Source.Kind is ValueSourceKind.ProcessEnvironment or ValueSourceKind.GoEnvFile;
}
