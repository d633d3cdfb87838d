using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GoEnv.Core.Caching;

namespace GoEnv.Core.Reporting;

/// <summary>Paths and text as reports carry them (annotations, Code Quality, SARIF): repository-relative, encodable.</summary>
public static class ReportText
{
    /// <summary>
    /// The file relative to the repository root with '/' separators, or null when there is no file, it is the root
    /// itself, or it lies outside: reports never carry an absolute path.
    /// </summary>
    public static string? RepositoryRelative(string? file, string repositoryRoot)
    {
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        string relative;
        try
        {
            var root = Path.GetFullPath(repositoryRoot);
            relative = Path.GetRelativePath(root, Path.GetFullPath(file, root));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        relative = Path.DirectorySeparatorChar == '\\' ? relative.Replace('\\', '/') : relative;
        return relative == "." || RelativePaths.LeavesRoot(relative) ? null : JsonSafe(relative);
    }

    /// <summary>
    /// A finding as one plain message, "GOFLAGS: message Fix: fix": the variable first (unless the message starts
    /// with it), as a finding without a file is known by it. For logs whose diagnostics carry no separate fix.
    /// </summary>
    public static string FindingText(Findings.Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return (string.IsNullOrEmpty(finding.Variable) || finding.Message.StartsWith(finding.Variable, StringComparison.Ordinal) ? "" : finding.Variable + ": ")
            + finding.Message
            + (string.IsNullOrEmpty(finding.Fix) ? "" : " Fix: " + finding.Fix);
    }

    /// <summary>Text Utf8JsonWriter can encode: a lone UTF-16 surrogate (possible in a Windows environment value) becomes U+FFFD.</summary>
    public static string JsonSafe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? fixedText = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                fixedText?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                fixedText ??= new StringBuilder(text.Length).Append(text, 0, i);
                fixedText.Append('\uFFFD');
                continue;
            }

            fixedText?.Append(c);
        }

        return fixedText?.ToString() ?? text;
    }

    /// <summary>True when the text has a faithful UTF-8 form: no lone UTF-16 surrogate (which encoders turn into U+FFFD).</summary>
    public static bool IsWellFormedUtf16(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// At most <paramref name="max"/> chars: longer text keeps its first max − 1 (one fewer rather than end between the
    /// halves of a surrogate pair) and ends in '…'.
    /// </summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = Math.Max(0, max - 1);
        if (end > 0 && char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return string.Concat(text.AsSpan(0, end), "…");
    }

    /// <summary>
    /// A finding's stable identity across runs, for Code Quality fingerprints and SARIF line hashes: lowercase hex
    /// SHA-256 of `ruleId \0 path \0 variable \0 occurrence` (occurrence: 0 for the first finding with that rule, path
    /// and variable in report order, 1 for the next, …). No line number, so a finding that moves keeps it.
    /// </summary>
    public static string FindingHash(string ruleId, string path, string? variable, int occurrence) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            ruleId + "\0" + path + "\0" + (variable ?? "") + "\0" + occurrence.ToString(CultureInfo.InvariantCulture)))).ToLowerInvariant();
}
