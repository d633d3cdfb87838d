namespace GoEnv.Core;

/// <summary>Where a value came from: the process environment, a file and line, or Go's default.</summary>
public sealed record ValueSource(ValueSourceKind Kind, string? File = null, int Line = 0)
{
    public static readonly ValueSource Default = new(ValueSourceKind.Default);

    public static readonly ValueSource ProcessEnvironment = new(ValueSourceKind.ProcessEnvironment);

    public static readonly ValueSource CommandLine = new(ValueSourceKind.CommandLine);

    /// <summary>A short description for people: "process environment", "/home/u/.config/go/env:3", "default".</summary>
    public override string ToString() => Kind switch
    {
        ValueSourceKind.Default => "default",
        ValueSourceKind.ProcessEnvironment => "process environment",
        ValueSourceKind.CommandLine => "command line",
        _ when File is not null && Line > 0 => $"{File}:{Line}",
        _ when File is not null => File,
        _ => Kind.ToString(),
    };

    /// <summary>A stable machine name for JSON output.</summary>
    public string KindName => Kind switch
    {
        ValueSourceKind.Default => "default",
        ValueSourceKind.ProcessEnvironment => "env",
        ValueSourceKind.GoEnvFile => "goenv-file",
        ValueSourceKind.GoRootEnvFile => "goroot-go.env",
        ValueSourceKind.ModuleFile => "module-file",
        ValueSourceKind.PolicyFile => "policy-file",
        ValueSourceKind.CommandLine => "command-line",
        _ => "unknown",
    };
}
