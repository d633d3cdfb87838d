using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Caching;

/// <summary>
/// Computes the module and build cache keys.
/// </summary>
/// <remarks>
/// <para>Key format (every segment is sanitised to [A-Za-z0-9._], so '-' only ever separates segments):</para>
/// <code>
/// modules: &lt;prefix&gt;-modules-go&lt;version&gt;-&lt;hash16&gt;
/// build:   &lt;prefix&gt;-build-go&lt;version&gt;-&lt;goos&gt;-&lt;goarch&gt;[-&lt;level&gt;]-cgo&lt;0|1&gt;[.trimpath]-&lt;flags8&gt;-&lt;hash16&gt;
/// </code>
/// <para>
/// The kind comes before the version so that "&lt;prefix&gt;-modules-" can fall back across Go versions (the module
/// cache format is version-independent) without ever matching a build cache. The module key leaves out
/// GOOS/GOARCH/CGO/GOFLAGS on purpose: the module cache is the same for every platform, so all matrix entries share
/// it. The build key covers everything that changes what Go builds: the release, the platform and its level, cgo
/// (and with cgo on CC, CXX, the CGO_*FLAGS and the C compiler's own version line), -trimpath (".trimpath", so
/// that "…-cgo1-" never restores a cache of the other kind: without -trimpath every package is keyed by its
/// absolute directory), GOFLAGS, tags, GOEXPERIMENT, GOFIPS140 and GODEBUG. flags8 hashes the flags, GOEXPERIMENT,
/// GOFIPS140, GODEBUG and the cgo settings: its own segment, so a job whose go.sum changed restores a cache built
/// the same way first.
/// </para>
/// <para>
/// hash16 is the first 16 hex digits of SHA-256 over a canonical serialisation: the line "goenv-cache-key/2", then
/// one record per field, "&lt;name&gt; &lt;UTF-8 byte length&gt;:&lt;value&gt;\n", in a fixed order; lists as
/// "&lt;name&gt;# &lt;count&gt;\n" followed by their items. Length prefixes make the encoding injective: no value, whatever
/// it contains (newlines, spaces, ':'), can make two different inputs serialise alike. Fields: kind, go;
/// for build also goos, goarch, level, cgo, trimpath, goflags, goexperiment, gofips140, godebug, tags, cgo settings
/// (name, value, sorted by name); then sums (each: path, then blob id or the word "absent"), sorted by path. The
/// readable segments are only for people and prefixes; the hash alone tells inputs apart.
/// </para>
/// <para>
/// Character set: actions/cache rejects ',' and limits keys to 512 characters; GitLab cache:key rejects '/' (and
/// "." / ".."). Segments are capped at 40 characters and the prefix at 100, so keys stay far below 512.
/// </para>
/// </remarks>
public static class CacheKeyCalculator
{
    private const string SchemaLine = "goenv-cache-key/2\n";
    private const int MaxSegmentLength = 40;
    private const int MaxPrefixLength = 100;

    public static CacheKeys Compute(CacheKeyInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ValidatePrefix(inputs.Prefix);

        var version = NormaliseVersion(inputs.GoVersion);
        var tags = inputs.Tags.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var sums = SortedSums(inputs.GoSums);

        var modulesText = ModulesText(version, sums);

        var cgoSettings = inputs.CgoSettings.OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
        var flagsText = new StringBuilder(SchemaLine);
        Field(flagsText, "kind", "flags");
        BuildSettings(flagsText, inputs, tags, cgoSettings);

        var buildText = new StringBuilder(SchemaLine);
        Field(buildText, "kind", "build");
        Field(buildText, "go", version);
        Field(buildText, "goos", inputs.GoOs);
        Field(buildText, "goarch", inputs.GoArch);
        Field(buildText, "level", inputs.ArchitectureLevel);
        Field(buildText, "cgo", inputs.CgoEnabled);
        Field(buildText, "trimpath", inputs.TrimPath ? "1" : "0");
        BuildSettings(buildText, inputs, tags, cgoSettings);
        Sums(buildText, sums);

        var modulesBase = $"{inputs.Prefix}-modules-";
        var modulesVersion = $"{modulesBase}{Segment("go" + version)}-";
        var modules = modulesVersion + Hash(modulesText, 16);

        var platform = $"{inputs.Prefix}-build-{Segment("go" + version)}-{Segment(inputs.GoOs)}-{Segment(inputs.GoArch)}-";
        var withLevel = inputs.ArchitectureLevel.Length == 0 ? platform : $"{platform}{Segment(inputs.ArchitectureLevel)}-";
        var configuration = $"{withLevel}cgo{Segment(inputs.CgoEnabled)}{(inputs.TrimPath ? ".trimpath" : "")}-";
        var withFlags = $"{configuration}{Hash(flagsText, 8)}-";
        var build = withFlags + Hash(buildText, 16);

        return new CacheKeys(modules, [modulesVersion, modulesBase], build, [withFlags, configuration, platform]);
    }

    /// <summary>The canonical text hashed for the module key (for documentation and tests).</summary>
    internal static string ModulesSerialisation(CacheKeyInputs inputs) =>
        ModulesText(NormaliseVersion(inputs.GoVersion), SortedSums(inputs.GoSums)).ToString();

    private static StringBuilder ModulesText(string version, List<FileFingerprint> sums)
    {
        var text = new StringBuilder(SchemaLine);
        Field(text, "kind", "modules");
        Field(text, "go", version);
        Sums(text, sums);
        return text;
    }

    private static void BuildSettings(StringBuilder text, CacheKeyInputs inputs, List<string> tags, List<KeyValuePair<string, string>> cgoSettings)
    {
        Field(text, "goflags", inputs.GoFlags);
        Field(text, "goexperiment", inputs.GoExperiment);
        Field(text, "gofips140", inputs.GoFips140);
        Field(text, "godebug", inputs.GoDebug);
        List(text, "tags", tags);
        text.Append("cgosettings# ").Append(cgoSettings.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var (name, value) in cgoSettings)
        {
            Field(text, "name", name);
            Field(text, "value", value);
        }
    }

    private static List<FileFingerprint> SortedSums(IReadOnlyList<FileFingerprint> sums) =>
        [.. sums.Distinct().OrderBy(s => s.Path, StringComparer.Ordinal).ThenBy(s => s.BlobId ?? "", StringComparer.Ordinal)];

    private static void Sums(StringBuilder text, List<FileFingerprint> sums)
    {
        text.Append("sums# ").Append(sums.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var sum in sums)
        {
            // The source (index or hashed) is left out: the same content gives the same id either way.
            Field(text, "path", sum.Path);
            Field(text, "blob", sum.BlobId ?? "absent");
        }
    }

    private static void List(StringBuilder text, string name, List<string> items)
    {
        text.Append(name).Append("# ").Append(items.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var item in items)
        {
            Field(text, "item", item);
        }
    }

    private static void Field(StringBuilder text, string name, string value) =>
        text.Append(name).Append(' ')
            .Append(Encoding.UTF8.GetByteCount(value).ToString(CultureInfo.InvariantCulture)).Append(':')
            .Append(value).Append('\n');

    private static string Hash(StringBuilder text, int hexDigits) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..hexDigits].ToLowerInvariant();

    /// <summary>"go1.22.12", "1.22.12" and " go1.22.12 " are one version; "devel go1.24-abc …" stays whole.</summary>
    private static string NormaliseVersion(string text)
    {
        var trimmed = text.Trim();
        return trimmed.StartsWith("go", StringComparison.Ordinal) ? trimmed[2..] : trimmed;
    }

    /// <summary>Keeps [A-Za-z0-9._]; anything else (',', '/', '-', spaces, non-ASCII) becomes '_'.</summary>
    private static string Segment(string value)
    {
        if (value.Length == 0)
        {
            return "none";
        }

        var builder = new StringBuilder(Math.Min(value.Length, MaxSegmentLength));
        foreach (var c in value)
        {
            if (builder.Length == MaxSegmentLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '_');
        }

        return builder.ToString();
    }

    private static void ValidatePrefix(string prefix)
    {
        if (prefix.Length == 0 || prefix.Length > MaxPrefixLength || prefix is "." or ".."
            || !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            throw new ArgumentException(
                $"The cache key prefix must be 1–{MaxPrefixLength} characters of letters, digits, '.', '_' or '-'.", nameof(prefix));
        }
    }
}
