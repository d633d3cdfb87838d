using YamlDotNet.Serialization;

namespace GoEnv.Core.Policy;

/// <summary>The `output:` section: defaults for the CLI that command-line options override.</summary>
[YamlSerializable]
internal sealed class PolicyOutputSection
{
    public string? Format { get; set; }

    public bool? Strict { get; set; }
}
