using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsCheck;

namespace GoEnv.Core.Tests.Properties;

/// <summary>
/// How the property tests run: <c>GOENV_PROPERTY_CASES</c> generated cases per property (default
/// <see cref="DefaultCases"/>, bounded for CI; the full run uses 100000), sampled by CsCheck on every core.
/// </summary>
/// <remarks>
/// CsCheck draws each case from its own seed and, on a failure, shrinks and prints the seed of the smallest failing
/// case ("Set seed: "…" or $env:CsCheck_Seed = "…" to reproduce"). Setting <c>CsCheck_Seed</c> replays exactly that
/// case first, then samples as usual.
/// </remarks>
internal static class PropertyRun
{
    public const long DefaultCases = 2_000;

    public static long Cases { get; } = ReadCases();

    /// <summary>Runs a property whose every case is checked (no refusal is possible).</summary>
    public static void Check<T>(Gen<T> gen, Action<T> property)
    {
        long total = 0;
        gen.Sample(
            t =>
            {
                property(t);
                Interlocked.Increment(ref total);
            },
            iter: Cases,
            print: t => Show(t));
        Console.WriteLine($"{total} cases, all checked");
    }

    /// <summary>
    /// Runs a property that may end a case with a documented refusal (<see cref="Outcome.Refused"/>). At least
    /// <paramref name="minimumCarried"/> of the cases must get past the refusals to the consumer's check, so that a
    /// generator or a writer refusing everything cannot make the property pass without testing anything.
    /// </summary>
    public static void Check<T>(Gen<T> gen, Func<T, Outcome> property, double minimumCarried = 0.1)
    {
        long carried = 0;
        long total = 0;
        gen.Sample(
            t =>
            {
                var outcome = property(t);
                Interlocked.Increment(ref total);
                if (outcome == Outcome.Carried)
                {
                    Interlocked.Increment(ref carried);
                }
            },
            iter: Cases,
            print: t => Show(t));
        Console.WriteLine($"{total} cases, {carried} carried to the consumer, {total - carried} refused");
        Assert.IsGreaterThanOrEqualTo(minimumCarried, (double)carried / total, $"only {carried} of {total} cases got past the refusals");
    }

    /// <summary>A case as C#-like text: strings quoted with every control, surrogate and non-ASCII character escaped.</summary>
    public static string Show(object? value)
    {
        var sb = new StringBuilder();
        Append(sb, value);
        return sb.ToString();
    }

    /// <summary>How a case ended.</summary>
    public enum Outcome
    {
        /// <summary>The writer produced output and the consumer read exactly what was meant.</summary>
        Carried,

        /// <summary>The input was refused in a documented way (exception type or problems list).</summary>
        Refused,
    }

    private static long ReadCases()
    {
        var text = Environment.GetEnvironmentVariable("GOENV_PROPERTY_CASES");
        if (string.IsNullOrWhiteSpace(text))
        {
            return DefaultCases;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cases) && cases > 0
            ? cases
            : throw new InvalidOperationException($"GOENV_PROPERTY_CASES must be a positive whole number, not '{text}'.");
    }

    private static void Append(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case string s:
                sb.Append('"');
                foreach (var c in s)
                {
                    if (c is >= ' ' and <= '~' and not '"' and not '\\')
                    {
                        sb.Append(c);
                    }
                    else
                    {
                        sb.Append(c switch
                        {
                            '"' => "\\\"",
                            '\\' => "\\\\",
                            '\n' => "\\n",
                            '\r' => "\\r",
                            '\t' => "\\t",
                            _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                        });
                    }
                }

                sb.Append('"');
                break;
            case KeyValuePair<string, string> pair:
                sb.Append('[');
                Append(sb, pair.Key);
                sb.Append("] = ");
                Append(sb, pair.Value);
                break;
            case byte[] bytes:
                sb.Append("bytes ").Append(Convert.ToHexString(bytes));
                break;
            case ITuple tuple:
                sb.Append('(');
                for (var i = 0; i < tuple.Length; i++)
                {
                    sb.Append(i == 0 ? "" : ", ");
                    Append(sb, tuple[i]);
                }

                sb.Append(')');
                break;
            case IEnumerable items:
                sb.Append('[');
                var first = true;
                foreach (var item in items)
                {
                    sb.Append(first ? "" : ", ");
                    Append(sb, item);
                    first = false;
                }

                sb.Append(']');
                break;
            default:
                sb.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
