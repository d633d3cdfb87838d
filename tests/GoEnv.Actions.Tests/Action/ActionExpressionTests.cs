namespace GoEnv.Actions.Tests.Action;

/// <summary>The emulator's expression subset keeps the runner's semantics, and refuses what it does not emulate.</summary>
[TestClass]
public sealed class ActionExpressionTests
{
    private static ActionExpressionContext Context()
    {
        var context = new ActionExpressionContext();
        context.Inputs["fail-on"] = "warning";
        context.Inputs["pin"] = "false";
        context.Inputs["empty"] = string.Empty;
        context.StepOutputs["install"] = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["path"] = "/tools/goenv-action" };
        context.StepOutcomes["install"] = "success";
        context.Github["action_path"] = "/actions/goenv";
        context.Runner["os"] = "Linux";
        return context;
    }

    [TestMethod]
    [DataRow("a ${{ inputs.fail-on }} b", "a warning b")]
    [DataRow("${{ steps.install.outputs.path }}", "/tools/goenv-action")]
    [DataRow("${{ steps.install.outputs.PATH }}", "/tools/goenv-action")]
    [DataRow("${{ steps.install.outputs.missing }}", "")]
    [DataRow("${{ steps.later.outputs.path }}", "")]
    [DataRow("${{ github.action_path }}/scripts", "/actions/goenv/scripts")]
    [DataRow("${{ runner.os }}-${{ inputs.FAIL-ON }}", "Linux-warning")]
    [DataRow("${{ inputs.fail-on == 'WARNING' }}", "true")]
    [DataRow("${{ inputs.fail-on != 'warning' }}", "false")]
    [DataRow("${{ inputs.pin == 'false' && 'check' || 'pin' }}", "check")]
    [DataRow("${{ 'it''s' }}", "it's")]
    public void Interpolate_Subset_EvaluatesLikeTheRunner(string text, string expected)
    {
        Assert.AreEqual(expected, ActionExpression.Interpolate(text, Context()));
    }

    [TestMethod]
    [DataRow(null, false, true)]
    [DataRow(null, true, false)]
    [DataRow("inputs.pin", false, true)] // the string 'false' is truthy
    [DataRow("inputs.empty", false, false)]
    [DataRow("${{ inputs.pin == 'false' }}", false, true)]
    [DataRow("inputs.pin == 'false'", true, false)] // implicit success() &&
    [DataRow("always()", true, true)]
    [DataRow("failure() && steps.install.outcome == 'success'", true, true)]
    [DataRow("!failure()", false, true)]
    public void EvaluateCondition_StepIf_FollowsTheRunnersStatusRules(string? condition, bool failed, bool expected)
    {
        var context = Context();
        context.Failed = failed;

        Assert.AreEqual(expected, ActionExpression.EvaluateCondition(condition, context));
    }

    [TestMethod]
    [DataRow("${{ inputs.undeclared }}")]
    [DataRow("${{ matrix.os }}")]
    [DataRow("${{ env.HOME }}")]
    [DataRow("${{ contains(inputs.pin, 'f') }}")]
    [DataRow("${{ format('{0}', inputs.pin) }}")]
    [DataRow("${{ 1 == 1 }}")]
    [DataRow("${{ inputs.pin")]
    public void Interpolate_OutsideTheSubset_IsRefused(string text)
    {
        Assert.ThrowsExactly<NotSupportedException>(() => ActionExpression.Interpolate(text, Context()));
    }
}
