namespace GoEnv.Core.Policy;

/// <summary>
/// A YAML node with its position. The model POCOs cannot say where a value was written, and errors and violations
/// must point at file:line:column, so the loader keeps this small tree next to the deserialized model.
/// </summary>
internal sealed class PolicyNode
{
    private PolicyNode(PolicyNodeKind kind, string value, bool isPlain, PolicyLocation location, List<KeyValuePair<PolicyNode, PolicyNode>> entries, List<PolicyNode> items)
    {
        Kind = kind;
        Value = value;
        IsPlain = isPlain;
        Location = location;
        Entries = entries;
        Items = items;
    }

    public PolicyNodeKind Kind { get; }

    /// <summary>The scalar's text ("" for mappings and sequences).</summary>
    public string Value { get; }

    /// <summary>True for an unquoted scalar: only those can mean null or a boolean in YAML.</summary>
    public bool IsPlain { get; }

    public PolicyLocation Location { get; }

    /// <summary>A mapping's key/value pairs in file order.</summary>
    public List<KeyValuePair<PolicyNode, PolicyNode>> Entries { get; }

    /// <summary>A sequence's items in file order.</summary>
    public List<PolicyNode> Items { get; }

    /// <summary>An empty plain scalar, ~ or null: `go:` with nothing after it.</summary>
    public bool IsNull => Kind == PolicyNodeKind.Scalar && IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public static PolicyNode Scalar(string value, bool isPlain, PolicyLocation location) => new(PolicyNodeKind.Scalar, value, isPlain, location, [], []);

    public static PolicyNode Mapping(PolicyLocation location) => new(PolicyNodeKind.Mapping, "", false, location, [], []);

    public static PolicyNode Sequence(PolicyLocation location) => new(PolicyNodeKind.Sequence, "", false, location, [], []);

    /// <summary>The value of a key in a mapping (keys compared exactly, as YAML does); null when absent.</summary>
    public PolicyNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Kind == PolicyNodeKind.Scalar && entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    /// <summary>The key node of a mapping entry (where "unknown key" and "missing" errors point).</summary>
    public PolicyNode? KeyNode(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.Key.Kind == PolicyNodeKind.Scalar && entry.Key.Value == key)
            {
                return entry.Key;
            }
        }

        return null;
    }
}
