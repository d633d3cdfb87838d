using YamlDotNet.Serialization;

namespace GoEnv.Core.Policy;

/// <summary>
/// The generated, reflection-free type information for the policy model. The reflection DeserializerBuilder is
/// IL3050 and crashes under Native AOT; only StaticDeserializerBuilder with this context works there (§R4).
/// </summary>
[YamlStaticContext]
public sealed partial class PolicyYamlContext : YamlDotNet.Serialization.StaticContext
{
}
