using YamlDotNet.Serialization;

namespace GoEnv.Core.Policy;

/// <summary>The `go:` section: the Go version range and the GOTOOLCHAIN policy.</summary>
[YamlSerializable]
internal sealed class PolicyGoSection
{
    public string? Version { get; set; }

    public string? Toolchain { get; set; }
}
