using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GoEnv.Core.Policy;

/// <summary>
/// Reads the policy text into a <see cref="PolicyNode"/> tree with YamlDotNet's low-level parser (reflection-free,
/// so AOT-safe). Syntax errors surface as <see cref="YamlException"/> with the parser's mark.
/// </summary>
internal static class PolicyYamlReader
{
    /// <summary>The root node, or null for a file with no document (empty or only comments).</summary>
    public static PolicyNode? Read(string text)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            return Read(parser);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner fails this way on some malformed input (found by the property tests: a flow
            // mapping left open inside a block mapping, "? a:\n  {b\n  - c"). It is a syntax error like any other.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "The YAML is malformed after this point (an unclosed '{' or '[' is the usual cause).", e);
        }
        catch (ArgumentException e)
        {
            // YamlDotNet's parser refuses a tag that is not a valid URI this way ("!![i](http://e/i.png)", found by
            // the property tests in CI), not with a YamlException. GoEnv's policy uses no tags at all.
            var at = parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "The YAML has an invalid tag ('!…') after this point; a .goenv.yml needs no tags.", e);
        }
    }

    private static PolicyNode? Read(Parser parser)
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser);
        parser.Consume<DocumentEnd>();
        if (parser.Current is DocumentStart second)
        {
            // A second document would be silently ignored by a deserializer; one file is one policy.
            throw new YamlException(second.Start, second.End, "A .goenv.yml file holds one YAML document; remove the second '---' document.");
        }

        parser.Consume<StreamEnd>();
        return root;
    }

    private static PolicyNode ReadNode(Parser parser)
    {
        var current = parser.Current ?? throw new YamlException("Unexpected end of the YAML stream.");
        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                return PolicyNode.Scalar(scalar.Value, scalar.Style == ScalarStyle.Plain, At(scalar.Start));
            case MappingStart mappingStart:
            {
                parser.MoveNext();
                var mapping = PolicyNode.Mapping(At(mappingStart.Start));
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser);
                    var value = ReadNode(parser);
                    mapping.Entries.Add(new KeyValuePair<PolicyNode, PolicyNode>(key, value));
                }

                return mapping;
            }

            case SequenceStart sequenceStart:
            {
                parser.MoveNext();
                var sequence = PolicyNode.Sequence(At(sequenceStart.Start));
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    sequence.Items.Add(ReadNode(parser));
                }

                return sequence;
            }

            case AnchorAlias alias:
                // Aliases would need the deserializer and this tree to resolve them identically; a policy file is
                // small enough to write out.
                throw new YamlException(alias.Start, alias.End, $"YAML aliases (*{alias.Value}) are not supported in .goenv.yml; write the value out.");
            default:
                throw new YamlException(current.Start, current.End, $"Unexpected YAML event {current.GetType().Name}.");
        }
    }

    public static PolicyLocation At(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
