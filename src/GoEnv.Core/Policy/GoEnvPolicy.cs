namespace GoEnv.Core.Policy;

/// <summary>A validated .goenv.yml: every value checked, every requirement with its position in the file.</summary>
public sealed class GoEnvPolicy
{
    /// <summary>The policy file's full path (findings point into it).</summary>
    public required string Path { get; init; }

    /// <summary>`go.version`; null when the policy does not constrain the Go version.</summary>
    public PolicyVersionRange? GoVersion { get; init; }

    public PolicyLocation? GoVersionLocation { get; init; }

    /// <summary>`go.toolchain`: local, auto, path or an exact toolchain name such as go1.22.3; null when unset.</summary>
    public string? Toolchain { get; init; }

    public PolicyLocation? ToolchainLocation { get; init; }

    public IReadOnlyList<PolicyRequirement> Requirements { get; init; } = [];

    /// <summary>`rules:` keyed by rule id (upper case).</summary>
    public IReadOnlyDictionary<string, PolicyRuleSetting> RuleSettings { get; init; } = new Dictionary<string, PolicyRuleSetting>();

    /// <summary>`output.format`: "text" or "json"; null leaves the CLI's default.</summary>
    public string? OutputFormat { get; init; }

    /// <summary>`output.strict`; null leaves the CLI's default.</summary>
    public bool? Strict { get; init; }
}
