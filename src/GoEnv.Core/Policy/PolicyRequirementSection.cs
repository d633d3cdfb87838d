using YamlDotNet.Serialization;

namespace GoEnv.Core.Policy;

/// <summary>One variable under `require:`; every key is a separate requirement and all of them must hold.</summary>
[YamlSerializable]
internal sealed class PolicyRequirementSection
{
    // "Equals" would hide object.Equals; the YAML key stays `equals`.
    [YamlMember(Alias = "equals")]
    public string? EqualTo { get; set; }

    public List<string>? OneOf { get; set; }

    public List<string>? Not { get; set; }

    public List<string>? Contains { get; set; }

    public List<string>? NotContains { get; set; }

    public string? Scheme { get; set; }
}
