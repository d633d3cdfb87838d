using System.Text;

namespace GoEnv.Actions.Tests.Action;

/// <summary>
/// The subset of GitHub Actions expressions that action.yml is allowed to use, evaluated with the runner's semantics:
/// context properties (<c>inputs.x</c>, <c>steps.id.outputs.name</c>, <c>steps.id.outcome</c>,
/// <c>github.action_path</c>, <c>github.workspace</c>, <c>runner.os</c>, <c>runner.arch</c>, <c>runner.temp</c>,
/// <c>runner.tool_cache</c>), 'string' literals, <c>true</c>/<c>false</c>, <c>== != ! &amp;&amp; || ( )</c> and the status
/// functions <c>success() failure() always() cancelled()</c>. Anything else throws <see cref="NotSupportedException"/>,
/// so an action.yml that strays outside the subset fails its tests instead of being emulated wrongly.
/// </summary>
/// <remarks>
/// Runner semantics kept (github/docs "Evaluate expressions", "Operators"): string comparison ignores case; a
/// missing property is null, which prints as '' and equals ''; only '', null and false are falsy (the string
/// 'false' is true); an <c>if:</c> without a status function means <c>success() &amp;&amp; (…)</c>.
/// </remarks>
internal static class ActionExpression
{
    private static readonly string[] s_statusFunctions = ["success()", "failure()", "always()", "cancelled()"];

    /// <summary>Replaces every <c>${{ … }}</c> in <paramref name="text"/> with its value as a string.</summary>
    public static string Interpolate(string text, ActionExpressionContext context)
    {
        var result = new StringBuilder();
        var index = 0;
        while (true)
        {
            var start = text.IndexOf("${{", index, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(text, index, text.Length - index);
                return result.ToString();
            }

            var end = text.IndexOf("}}", start + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new NotSupportedException($"Unterminated expression in '{text}'.");
            }

            result.Append(text, index, start - index);
            result.Append(AsString(Evaluate(text[(start + 3)..end], context)));
            index = end + 2;
        }
    }

    /// <summary>A step's <c>if:</c> (with or without <c>${{ }}</c>); null or empty means <c>success()</c>.</summary>
    public static bool EvaluateCondition(string? condition, ActionExpressionContext context)
    {
        var expression = (condition ?? string.Empty).Trim();
        if (expression.StartsWith("${{", StringComparison.Ordinal) && expression.EndsWith("}}", StringComparison.Ordinal))
        {
            expression = expression[3..^2].Trim();
        }

        if (expression.Length == 0)
        {
            return !context.Failed;
        }

        var hasStatus = s_statusFunctions.Any(f => expression.Contains(f, StringComparison.OrdinalIgnoreCase));
        return (hasStatus || !context.Failed) && IsTruthy(Evaluate(expression, context));
    }

    /// <summary>One expression (the text between <c>${{</c> and <c>}}</c>): a string, a bool or null.</summary>
    public static object? Evaluate(string expression, ActionExpressionContext context)
    {
        var parser = new Parser(expression, context);
        var value = parser.ParseOr();
        parser.ExpectEnd();
        return value;
    }

    public static string AsString(object? value) => value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        _ => (string)value,
    };

    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        _ => ((string)value).Length > 0,
    };

    private static bool AreEqual(object? left, object? right) => (left, right) switch
    {
        (bool l, bool r) => l == r,
        (bool, _) or (_, bool) => false,
        _ => string.Equals(AsString(left), AsString(right), StringComparison.OrdinalIgnoreCase),
    };

    private sealed class Parser(string text, ActionExpressionContext context)
    {
        private int _position;

        public object? ParseOr()
        {
            var left = ParseAnd();
            while (TryConsume("||"))
            {
                var right = ParseAnd();
                left = IsTruthy(left) ? left : right;
            }

            return left;
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position < text.Length)
            {
                throw Unsupported($"unexpected '{text[_position..]}'");
            }
        }

        private object? ParseAnd()
        {
            var left = ParseComparison();
            while (TryConsume("&&"))
            {
                var right = ParseComparison();
                left = IsTruthy(left) ? right : left;
            }

            return left;
        }

        private object? ParseComparison()
        {
            var left = ParseUnary();
            if (TryConsume("=="))
            {
                return AreEqual(left, ParseUnary());
            }

            if (TryConsume("!="))
            {
                return !AreEqual(left, ParseUnary());
            }

            return left;
        }

        private object? ParseUnary()
        {
            SkipSpace();
            if (Peek("!") && !Peek("!="))
            {
                _position++;
                return !IsTruthy(ParseUnary());
            }

            if (TryConsume("("))
            {
                var inner = ParseOr();
                if (!TryConsume(")"))
                {
                    throw Unsupported("missing ')'");
                }

                return inner;
            }

            if (Peek("'"))
            {
                return ParseString();
            }

            var word = ParseWord();
            if (TryConsume("("))
            {
                if (!TryConsume(")"))
                {
                    throw Unsupported($"function arguments ({word}(…))");
                }

                return word.ToLowerInvariant() switch
                {
                    "success" => !context.Failed,
                    "failure" => context.Failed,
                    "always" => true,
                    "cancelled" => false,
                    _ => throw Unsupported($"the function {word}()"),
                };
            }

            return word switch
            {
                "true" => true,
                "false" => false,
                "null" => null,
                _ => Resolve(word),
            };
        }

        private object? Resolve(string path)
        {
            var parts = path.Split('.');
            switch (parts[0].ToLowerInvariant())
            {
                case "inputs" when parts.Length == 2:
                    return context.Inputs.TryGetValue(parts[1], out var input)
                        ? input
                        : throw Unsupported($"inputs.{parts[1]}, which action.yml does not declare");
                case "steps" when parts.Length == 4 && parts[2].Equals("outputs", StringComparison.OrdinalIgnoreCase):
                    return context.StepOutputs.TryGetValue(parts[1], out var outputs) && outputs.TryGetValue(parts[3], out var output) ? output : null;
                case "steps" when parts.Length == 3 && (parts[2].Equals("outcome", StringComparison.OrdinalIgnoreCase) || parts[2].Equals("conclusion", StringComparison.OrdinalIgnoreCase)):
                    return context.StepOutcomes.TryGetValue(parts[1], out var outcome) ? outcome : null;
                case "github" when parts.Length == 2 && context.Github.ContainsKey(parts[1]):
                    return context.Github[parts[1]];
                case "runner" when parts.Length == 2 && context.Runner.ContainsKey(parts[1]):
                    return context.Runner[parts[1]];
                default:
                    throw Unsupported($"the property {path}");
            }
        }

        private string ParseString()
        {
            var value = new StringBuilder();
            _position++;
            while (_position < text.Length)
            {
                var c = text[_position++];
                if (c != '\'')
                {
                    value.Append(c);
                }
                else if (_position < text.Length && text[_position] == '\'')
                {
                    value.Append('\'');
                    _position++;
                }
                else
                {
                    return value.ToString();
                }
            }

            throw Unsupported("an unterminated string");
        }

        private string ParseWord()
        {
            SkipSpace();
            var start = _position;
            while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '-' or '.'))
            {
                _position++;
            }

            return _position > start ? text[start.._position] : throw Unsupported($"unexpected '{text[start..]}'");
        }

        private bool TryConsume(string token)
        {
            SkipSpace();
            if (!Peek(token))
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private bool Peek(string token) => string.CompareOrdinal(text, _position, token, 0, token.Length) == 0;

        private void SkipSpace()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private NotSupportedException Unsupported(string what) =>
            new($"The composite action emulator does not support {what} (in the expression '{text.Trim()}'); keep action.yml within its subset.");
    }
}
