namespace GoEnv.Core.Policy;

/// <summary>
/// One requirement on one variable. `contains`, `notContains` and `not` become one requirement per listed value, so a
/// violation points at the exact list item; `oneOf` stays one requirement located at its list.
/// </summary>
public sealed record PolicyRequirement(string Variable, PolicyRequirementKind Kind, IReadOnlyList<string> Values, PolicyLocation Location)
{
    public string Value => Values.Count > 0 ? Values[0] : "";
}
