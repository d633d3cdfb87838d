using YamlDotNet.Serialization;

namespace GoEnv.Core.Policy;

/// <summary>
/// The top level of .goenv.yml as the static YamlDotNet deserializer fills it. Mutable with a parameterless
/// constructor because the AOT-safe static generator only handles such POCOs (dotnet-anchors §R4). The loader
/// validates the YAML's shape first, so by the time this is filled every key is known and every type right.
/// </summary>
[YamlSerializable]
internal sealed class PolicyDocument
{
    public PolicyGoSection? Go { get; set; }

    public Dictionary<string, PolicyRequirementSection>? Require { get; set; }

    public Dictionary<string, string>? Rules { get; set; }

    public PolicyOutputSection? Output { get; set; }
}
