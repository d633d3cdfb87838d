using GoEnv.Core.Pinning;

namespace GoEnv.Core.Ci.GitLab;

/// <summary>
/// Makes a pinned environment fit GitLab's dotenv limits: GitLab rejects the whole artifact (HTTP 400, the job
/// fails) when the file is not under 5120 bytes or has more than 20 variables, the self-managed defaults
/// (ci-protocols.md §3.1, app/services/ci/parse_dotenv_artifact_service.rb; admins can change both, GitLab.com
/// allows 50/100/150 variables by tier).
/// </summary>
/// <remarks>
/// Measured on the bytes <see cref="EnvFileWriter"/> renders, whose first line GOENV_PIN_SHA256 is a variable
/// for GitLab too. Deterministic: the same environment and limits always give the same result.
/// <list type="number">
/// <item>Fits: returned unchanged.</item>
/// <item>Otherwise the variables pinned to the empty value are folded into one, GOENV_PIN_EMPTY=NAME,NAME (sorted),
/// when that shrinks the measure that is over (two or more empties save variables; only more than 16 save bytes).
/// `verify` still checks them, but later jobs no longer get them overridden to empty.</item>
/// <item>If it still does not fit, variables are left out one at a time in <see cref="DropOrder"/>, least important
/// first (names GoEnv does not know come before all of them, in ordinal order); the fold is kept.</item>
/// <item><see cref="NeverDropped"/> variables are never left out: if the rest is still too much,
/// <see cref="DotenvBudgetException"/> says which limit to raise.</item>
/// </list>
/// The environment handed in is not fitted when the dotenv writer refuses it anyway (a value with a line break,
/// quotes, '$'): it comes back unchanged, and rendering it reports those problems.
/// </remarks>
public static class DotenvBudget
{
    /// <summary>The folded variable: comma-separated names pinned to the empty value.</summary>
    public const string EmptyVariable = PinHeader.DotenvEmptyVariable;

    /// <summary>GitLab self-managed's default `dotenv_variables` plan limit.</summary>
    public const int DefaultMaxVariables = 20;

    /// <summary>GitLab's default `dotenv_size` is 5120 and the file must be strictly smaller.</summary>
    public const int DefaultMaxBytes = 5119;

    /// <summary>
    /// The order variables are left out in, least important first: where version control is allowed, the module
    /// mode (on by default since Go 1.16), experiments, temp and install directories, the architecture level, the
    /// insecure list and GOAUTH, then cache and GOPATH locations, cgo, the workspace, and last the target platform.
    /// </summary>
    public static readonly IReadOnlyList<string> DropOrder =
    [
        GoVariableNames.GoVcs,
        GoVariableNames.Go111Module,
        GoVariableNames.GoExperiment,
        GoVariableNames.GoTmpDir,
        GoVariableNames.GoBin,
        GoVariableNames.GoAmd64,
        GoVariableNames.GoArm,
        GoVariableNames.GoArm64,
        GoVariableNames.Go386,
        GoVariableNames.GoMips,
        GoVariableNames.GoMips64,
        GoVariableNames.GoPpc64,
        GoVariableNames.GoRiscv64,
        GoVariableNames.GoWasm,
        GoVariableNames.GoInsecure,
        GoVariableNames.GoAuth,
        GoVariableNames.GoCache,
        GoVariableNames.GoModCache,
        GoVariableNames.GoPath,
        GoVariableNames.CgoEnabled,
        GoVariableNames.GoWork,
        GoVariableNames.GoArch,
        GoVariableNames.GoOs,
    ];

    /// <summary>
    /// Never left out: they pick the toolchain and decide what is downloaded and from where, and the go env file
    /// is switched off with GOENV.
    /// </summary>
    public static readonly IReadOnlyList<string> NeverDropped =
    [
        GoVariableNames.GoRoot,
        GoVariableNames.GoToolchain,
        GoVariableNames.GoEnv,
        GoVariableNames.GoFlags,
        GoVariableNames.GoProxy,
        GoVariableNames.GoSumDb,
        GoVariableNames.GoPrivate,
        GoVariableNames.GoNoProxy,
        GoVariableNames.GoNoSumDb,
    ];

    public static DotenvFit Fit(PinnedEnvironment environment, int maxVariables = DefaultMaxVariables, int maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxVariables, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        if (environment.Variables.ContainsKey(EmptyVariable))
        {
            throw new ArgumentException($"{EmptyVariable} is reserved in GitLab dotenv files: it lists the variables pinned to empty.", nameof(environment));
        }

        var measure = Measure(environment);
        if (measure.Refused || Fits(measure, maxVariables, maxBytes))
        {
            return new DotenvFit(environment, [], [], []);
        }

        var notes = new List<string>();
        var current = environment;
        string[] folded = [];
        var empties = environment.Variables.Where(v => v.Value.Length == 0).Select(v => v.Key).ToArray();
        if (empties.Length > 0)
        {
            var candidate = With(environment, environment.Variables.Where(v => v.Value.Length > 0).Append(new(EmptyVariable, string.Join(',', empties))));
            var after = Measure(candidate);
            if ((measure.Variables > maxVariables && after.Variables < measure.Variables) || (measure.Bytes > maxBytes && after.Bytes < measure.Bytes))
            {
                var reason = measure.Variables > maxVariables ? Over.Variables : Over.Bytes;
                current = candidate;
                measure = after;
                folded = empties;
                notes.Add($"{string.Join(", ", empties)} {(empties.Length == 1 ? "is" : "are")} pinned to empty but written as one variable, {EmptyVariable}, because of {Limit(reason, maxVariables, maxBytes)}: `verify` still checks them, but later jobs no longer get them overridden to empty.");
            }
        }

        var dropped = new List<string>();
        foreach (var name in DropCandidates(current))
        {
            if (Fits(measure, maxVariables, maxBytes))
            {
                break;
            }

            var over = measure.Variables > maxVariables ? Over.Variables : Over.Bytes;
            current = With(current, current.Variables.Where(v => v.Key != name));
            measure = Measure(current);
            dropped.Add(name);
            notes.Add($"{name} not pinned: {Limit(over, maxVariables, maxBytes)}; later jobs keep whatever value their own environment gives it.");
        }

        if (!Fits(measure, maxVariables, maxBytes))
        {
            throw new DotenvBudgetException(
                $"The pinned environment does not fit GitLab's dotenv limits even after folding empty values into {EmptyVariable} where that helps and leaving out every optional variable: "
                + $"{measure.Variables} variables ({string.Join(", ", current.Variables.Keys)} and {PinHeader.DotenvHashVariable}) for a limit of {maxVariables}, "
                + $"{measure.Bytes} bytes where the file must stay under {(long)maxBytes + 1}. GitLab would reject the whole dotenv artifact and fail the job. "
                + "Raise the limit: on self-managed GitLab an administrator sets the plan limits dotenv_variables and dotenv_size "
                + "(PUT /api/v4/application/plan_limits, or Plan.default.actual_limits.update! in the Rails console); GitLab.com allows 50, 100 or 150 variables "
                + "on Free, Premium and Ultimate. Then pass the new limits to GoEnv.");
        }

        return new DotenvFit(current, folded, dropped, notes);
    }

    private enum Over
    {
        Variables,
        Bytes,
    }

    private static string Limit(Over over, int maxVariables, int maxBytes) => over == Over.Variables
        ? $"GitLab's dotenv limit of {maxVariables} variables"
        : $"GitLab's dotenv size limit (the file must stay under {(long)maxBytes + 1} bytes)";

    /// <summary>Names GoEnv does not rank first (ordinal), then <see cref="DropOrder"/>; only those present.</summary>
    private static IEnumerable<string> DropCandidates(PinnedEnvironment environment)
    {
        var unknown = environment.Variables.Keys
            .Where(n => n != EmptyVariable && !DropOrder.Contains(n, StringComparer.Ordinal) && !NeverDropped.Contains(n, StringComparer.Ordinal))
            .ToList();
        return unknown.Concat(DropOrder.Where(environment.Variables.ContainsKey)).ToList();
    }

    private static PinnedEnvironment With(PinnedEnvironment environment, IEnumerable<KeyValuePair<string, string>> variables) =>
        new(environment.GoVersion, variables);

    private static bool Fits(DotenvMeasure measure, int maxVariables, int maxBytes) =>
        measure.Variables <= maxVariables && measure.Bytes <= maxBytes;

    private static DotenvMeasure Measure(PinnedEnvironment environment)
    {
        var bytes = EnvFileWriter.Render(environment, EnvFileFormat.Dotenv, out var problems);

        // +1: the writer's first line, GOENV_PIN_SHA256, is a variable for GitLab too.
        return new DotenvMeasure(environment.Count + 1, bytes.Length, problems.Count > 0);
    }

    private readonly record struct DotenvMeasure(int Variables, int Bytes, bool Refused);
}
