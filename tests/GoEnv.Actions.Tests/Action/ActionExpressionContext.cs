namespace GoEnv.Actions.Tests.Action;

/// <summary>What the expressions of a composite action can see while it runs (the contexts our action.yml uses).</summary>
internal sealed class ActionExpressionContext
{
    /// <summary>The action's inputs: the caller's `with:` over the defaults. Names are case-insensitive, as on GitHub.</summary>
    public Dictionary<string, string> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>`steps.&lt;id&gt;.outputs`, for the steps that ran so far.</summary>
    public Dictionary<string, Dictionary<string, string>> StepOutputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>`steps.&lt;id&gt;.outcome` (success, failure or skipped).</summary>
    public Dictionary<string, string> StepOutcomes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The `github` context properties we emulate (action_path, workspace).</summary>
    public Dictionary<string, string> Github { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The `runner` context properties we emulate (os, arch, temp, tool_cache).</summary>
    public Dictionary<string, string> Runner { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>True once a step failed: success() turns false, failure() true.</summary>
    public bool Failed { get; set; }
}
