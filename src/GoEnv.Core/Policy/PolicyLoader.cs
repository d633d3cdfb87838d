using GoEnv.Core.Findings;
using GoEnv.Core.Go;
using GoEnv.Core.Rules;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace GoEnv.Core.Policy;

/// <summary>
/// Reads and validates .goenv.yml. The file is read twice over the same text: once into a positioned node tree that
/// is checked against the schema (every problem reported with line and column, unknown keys included, so a typo never
/// drops a requirement silently), and once, when the tree is valid, through the static (AOT-safe) deserializer into
/// the model. Every problem is a GOENV0140 finding; a file with any problem yields no policy.
/// </summary>
public static class PolicyLoader
{
    private static readonly string[] s_rootKeys = ["go", "require", "rules", "output"];
    private static readonly string[] s_goKeys = ["version", "toolchain"];
    private static readonly string[] s_requirementKeys = ["equals", "oneOf", "not", "contains", "notContains", "scheme"];
    private static readonly string[] s_outputKeys = ["format", "strict"];
    private static readonly string[] s_ruleWords = ["ignore", "error", "warning", "notice"];
    private static readonly string[] s_toolchainWords = ["local", "auto", "path"];
    private static readonly string[] s_formats = ["text", "json"];
    private static readonly string[] s_schemes = ["https", "http", "file"];

    private static readonly IDeserializer s_deserializer = new StaticDeserializerBuilder(new PolicyYamlContext())
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static PolicyLoadResult Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new Finding(PolicyFileInvalidRule.RuleId, Severity.Error, null, $"The policy file {fullPath} cannot be read: {e.Message}", "Make the file readable, or remove it.", fullPath));
        }

        return Parse(text, fullPath);
    }

    /// <summary>Validates policy text; <paramref name="path"/> is what findings and the policy name as the file.</summary>
    public static PolicyLoadResult Parse(string text, string path)
    {
        PolicyNode? root;
        try
        {
            root = PolicyYamlReader.Read(text);
        }
        catch (YamlException e)
        {
            var at = PolicyYamlReader.At(e.Start);
            return Failed(new Finding(PolicyFileInvalidRule.RuleId, Severity.Error, null, $"{Path.GetFileName(path)} is not valid YAML: {Describe(e)}", "Correct the YAML syntax at this position (indentation, a missing ':' or an unclosed quote or bracket are the usual causes).", path, at.Line, at.Column));
        }

        var errors = new List<Finding>();
        if (root is not null && !root.IsNull)
        {
            new Validator(path, errors).Root(root);
        }

        if (errors.Count > 0)
        {
            return new PolicyLoadResult { Errors = errors };
        }

        PolicyDocument? document;
        try
        {
            document = root is null || root.IsNull ? null : s_deserializer.Deserialize<PolicyDocument>(text);
        }
        catch (YamlException e)
        {
            // The tree check should have caught everything the deserializer rejects; keep the position if not.
            var at = PolicyYamlReader.At(e.Start);
            return Failed(new Finding(PolicyFileInvalidRule.RuleId, Severity.Error, null, $"{Path.GetFileName(path)}: {Describe(e)}", "Correct the value at this position; see docs/policy.md.", path, at.Line, at.Column));
        }

        return new PolicyLoadResult { Policy = Build(document ?? new PolicyDocument(), root, path) };
    }

    private static PolicyLoadResult Failed(Finding error) => new() { Errors = [error] };

    // YamlException.Message repeats "(Line: 1, Col: 2, ...)"; the finding carries the position already.
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && cut >= 0 ? message[(cut + 3)..] : message;
    }

    private static GoEnvPolicy Build(PolicyDocument document, PolicyNode? root, string path)
    {
        var goNode = root?.Get("go");
        var requirements = new List<PolicyRequirement>();
        var requireNode = root?.Get("require");
        if (document.Require is not null && requireNode is not null)
        {
            foreach (var (keyNode, sectionNode) in requireNode.Entries)
            {
                var variable = keyNode.Value;
                var section = document.Require[variable];
                foreach (var (kindKey, valueNode) in sectionNode.Entries)
                {
                    switch (kindKey.Value)
                    {
                        case "equals":
                            requirements.Add(new PolicyRequirement(variable, PolicyRequirementKind.EqualTo, [section.EqualTo ?? ""], valueNode.Location));
                            break;
                        case "scheme":
                            requirements.Add(new PolicyRequirement(variable, PolicyRequirementKind.Scheme, [section.Scheme!], valueNode.Location));
                            break;
                        case "oneOf":
                            requirements.Add(new PolicyRequirement(variable, PolicyRequirementKind.OneOf, section.OneOf!.ToArray(), valueNode.Location));
                            break;
                        case "not":
                            AddEach(requirements, variable, PolicyRequirementKind.Not, section.Not!, valueNode);
                            break;
                        case "contains":
                            AddEach(requirements, variable, PolicyRequirementKind.Contains, section.Contains!, valueNode);
                            break;
                        case "notContains":
                            AddEach(requirements, variable, PolicyRequirementKind.NotContains, section.NotContains!, valueNode);
                            break;
                    }
                }
            }
        }

        var settings = new Dictionary<string, PolicyRuleSetting>(StringComparer.OrdinalIgnoreCase);
        var rulesNode = root?.Get("rules");
        if (document.Rules is not null && rulesNode is not null)
        {
            foreach (var (keyNode, valueNode) in rulesNode.Entries)
            {
                var id = keyNode.Value.ToUpperInvariant();
                settings[id] = new PolicyRuleSetting(id, ParseSeverity(document.Rules[keyNode.Value]), keyNode.Location);
            }
        }

        var versionText = document.Go?.Version;
        return new GoEnvPolicy
        {
            Path = path,
            GoVersion = versionText is null ? null : PolicyVersionRange.Parse(versionText, out _),
            GoVersionLocation = goNode?.Get("version")?.Location,
            Toolchain = document.Go?.Toolchain,
            ToolchainLocation = goNode?.Get("toolchain")?.Location,
            Requirements = requirements,
            RuleSettings = settings,
            OutputFormat = document.Output?.Format,
            Strict = document.Output?.Strict,
        };
    }

    private static void AddEach(List<PolicyRequirement> requirements, string variable, PolicyRequirementKind kind, List<string> values, PolicyNode listNode)
    {
        for (var i = 0; i < values.Count; i++)
        {
            requirements.Add(new PolicyRequirement(variable, kind, [values[i]], listNode.Items[i].Location));
        }
    }

    private static Severity? ParseSeverity(string word) => word switch
    {
        "error" => Severity.Error,
        "warning" => Severity.Warning,
        "notice" => Severity.Notice,
        _ => null,
    };

    /// <summary>The schema check over the node tree; collects every problem rather than stopping at the first.</summary>
    private sealed class Validator(string path, List<Finding> errors)
    {
        public void Root(PolicyNode root)
        {
            if (!ExpectMapping(root, "The policy file"))
            {
                return;
            }

            foreach (var (key, value) in Keys(root, s_rootKeys, "at the top level"))
            {
                if (value.IsNull)
                {
                    continue;
                }

                switch (key.Value)
                {
                    case "go":
                        Go(value);
                        break;
                    case "require":
                        Require(value);
                        break;
                    case "rules":
                        Rules(value);
                        break;
                    case "output":
                        Output(value);
                        break;
                }
            }
        }

        private void Go(PolicyNode go)
        {
            if (!ExpectMapping(go, "go"))
            {
                return;
            }

            foreach (var (key, value) in Keys(go, s_goKeys, "under go"))
            {
                if (!ExpectScalar(value, $"go.{key.Value}", null))
                {
                    continue;
                }

                if (key.Value == "version" && PolicyVersionRange.Parse(value.Value, out var error) is null)
                {
                    Error(value, $"go.version: {error}.", "Write a range such as \">=1.22 <1.24\", \"1.22.x\" or an exact release such as \"1.22.3\".");
                }
                else if (key.Value == "toolchain" && !s_toolchainWords.Contains(value.Value, StringComparer.Ordinal) && (value.Value.Contains('+', StringComparison.Ordinal) || GoToolchainSetting.FromToolchain(value.Value) is null))
                {
                    Error(value, $"go.toolchain: \"{value.Value}\" is not local, auto, path or a toolchain name such as go1.22.3.", "Use local (no toolchain switching), auto, path, or the exact toolchain GOTOOLCHAIN must name.");
                }
            }
        }

        private void Require(PolicyNode require)
        {
            if (!ExpectMapping(require, "require"))
            {
                return;
            }

            foreach (var (key, value) in Keys(require, null, null))
            {
                var variable = key.Value;
                if (!GoVariableNames.Probed.Contains(variable, StringComparer.Ordinal) && !GoVariableNames.Settable.Contains(variable, StringComparer.Ordinal))
                {
                    var known = GoVariableNames.Settable.Concat(GoVariableNames.Probed).Distinct(StringComparer.Ordinal);
                    Error(key, $"require: {variable} is not a Go environment variable GoEnv knows{Suggest(variable, known)}.", "Use the variable's exact upper-case name, e.g. GOFLAGS or GOPROXY.", variable);
                    continue;
                }

                if (value.IsNull || (value.Kind == PolicyNodeKind.Mapping && value.Entries.Count == 0))
                {
                    Error(key, $"require.{variable} has no requirement.", "Add equals, oneOf, not, contains, notContains or scheme, or remove the entry.", variable);
                    continue;
                }

                if (!ExpectMapping(value, $"require.{variable}", variable))
                {
                    continue;
                }

                foreach (var (kindKey, kindValue) in Keys(value, s_requirementKeys, $"under require.{variable}", variable))
                {
                    var name = $"require.{variable}.{kindKey.Value}";
                    switch (kindKey.Value)
                    {
                        case "equals":
                            ExpectScalar(kindValue, name, variable);
                            break;
                        case "scheme":
                            if (variable != GoVariableNames.GoProxy)
                            {
                                Error(kindKey, $"{name}: scheme applies to GOPROXY only.", "Move scheme under GOPROXY, or use equals/not for this variable.", variable);
                            }
                            else if (ExpectScalar(kindValue, name, variable) && !s_schemes.Contains(kindValue.Value, StringComparer.Ordinal))
                            {
                                Error(kindValue, $"{name}: \"{kindValue.Value}\" is not a scheme Go accepts for GOPROXY (https, http, file).", "Use https.", variable);
                            }

                            break;
                        default:
                            StringList(kindValue, name, variable);
                            break;
                    }
                }
            }
        }

        private void Rules(PolicyNode rules)
        {
            if (!ExpectMapping(rules, "rules"))
            {
                return;
            }

            foreach (var (key, value) in Keys(rules, null, null))
            {
                var id = key.Value;
                if (string.Equals(id, PolicyFileInvalidRule.RuleId, StringComparison.OrdinalIgnoreCase) || string.Equals(id, PolicyViolationRule.RuleId, StringComparison.OrdinalIgnoreCase))
                {
                    Error(key, $"rules: {id.ToUpperInvariant()} reports on the policy itself and cannot be ignored or re-graded by it.", "Remove the entry.");
                }
                else if (RuleCatalog.Find(id) is null)
                {
                    Error(key, $"rules: {id} is not a GoEnv rule id{Suggest(id.ToUpperInvariant(), RuleCatalog.All.Select(r => r.Id))}.", "Use an id listed by `goenv-action explain` or docs/rules.md, e.g. GOENV0081.");
                }

                if (ExpectScalar(value, $"rules.{id}", null) && !s_ruleWords.Contains(value.Value, StringComparer.Ordinal))
                {
                    Error(value, $"rules.{id}: \"{value.Value}\" is not ignore, error, warning or notice.", "Write ignore to drop the rule's findings, or error, warning or notice to change their severity.");
                }
            }
        }

        private void Output(PolicyNode output)
        {
            if (!ExpectMapping(output, "output"))
            {
                return;
            }

            foreach (var (key, value) in Keys(output, s_outputKeys, "under output"))
            {
                if (!ExpectScalar(value, $"output.{key.Value}", null))
                {
                    continue;
                }

                if (key.Value == "format" && !s_formats.Contains(value.Value, StringComparer.Ordinal))
                {
                    Error(value, $"output.format: \"{value.Value}\" is not text or json.", "Write text or json.");
                }
                else if (key.Value == "strict" && !(value.IsPlain && value.Value is "true" or "false"))
                {
                    Error(value, $"output.strict: \"{value.Value}\" is not true or false.", "Write true or false (unquoted).");
                }
            }
        }

        /// <summary>The mapping's entries with scalar, unique and (when <paramref name="allowed"/> is given) known keys.</summary>
        private IEnumerable<(PolicyNode Key, PolicyNode Value)> Keys(PolicyNode mapping, string[]? allowed, string? where, string? variable = null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Entries)
            {
                if (key.Kind != PolicyNodeKind.Scalar)
                {
                    Error(key, "A key must be a plain word, not a list or mapping.", "Write the key as a word followed by ':'.", variable);
                    continue;
                }

                if (allowed is not null && !allowed.Contains(key.Value, StringComparer.Ordinal))
                {
                    Error(key, $"Unknown key \"{key.Value}\" {where}{Suggest(key.Value, allowed)}; allowed: {string.Join(", ", allowed)}.", "Correct or remove the key: an unknown key is an error so that a typo cannot silently drop a requirement.", variable);
                    continue;
                }

                if (!seen.Add(key.Value))
                {
                    Error(key, $"Duplicate key \"{key.Value}\".", "Keep one of the entries.", variable);
                    continue;
                }

                yield return (key, value);
            }
        }

        private bool ExpectMapping(PolicyNode node, string name, string? variable = null)
        {
            if (node.Kind == PolicyNodeKind.Mapping)
            {
                return true;
            }

            Error(node, $"{name} must be a mapping (key: value lines), not {Describe(node)}.", "See docs/policy.md for the layout of the file.", variable);
            return false;
        }

        private bool ExpectScalar(PolicyNode node, string name, string? variable)
        {
            if (node.Kind == PolicyNodeKind.Scalar && !node.IsNull)
            {
                return true;
            }

            Error(node, $"{name} must be a single value, not {Describe(node)}.", node.IsNull ? "Write a value; quote it (\"\") for the empty string." : "Write one value (quote it if it starts with a special character).", variable);
            return false;
        }

        private void StringList(PolicyNode node, string name, string? variable)
        {
            if (node.Kind != PolicyNodeKind.Sequence || node.Items.Count == 0)
            {
                Error(node, $"{name} must be a non-empty list of values, not {Describe(node)}.", $"Write a list, e.g. {name.Split('.')[^1]}: [\"value\"].", variable);
                return;
            }

            foreach (var item in node.Items)
            {
                ExpectScalar(item, $"An item of {name}", variable);
            }
        }

        private static string Describe(PolicyNode node) => node.Kind switch
        {
            PolicyNodeKind.Mapping => "a mapping",
            PolicyNodeKind.Sequence => "a list",
            _ when node.IsNull => "an empty value",
            _ => $"the value \"{node.Value}\"",
        };

        private void Error(PolicyNode at, string message, string fix, string? variable = null) =>
            errors.Add(new Finding(PolicyFileInvalidRule.RuleId, Severity.Error, variable, message, fix, path, at.Location.Line, at.Location.Column));

        /// <summary>" (did you mean require?)" for a near miss (edit distance ≤ 2), else "".</summary>
        private static string Suggest(string word, IEnumerable<string> candidates)
        {
            var best = candidates.Select(c => (Candidate: c, Distance: EditDistance(word, c))).Where(c => c.Distance <= 2).OrderBy(c => c.Distance).FirstOrDefault();
            return best.Candidate is null ? "" : $" (did you mean {best.Candidate}?)";
        }

        private static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }
    }
}
