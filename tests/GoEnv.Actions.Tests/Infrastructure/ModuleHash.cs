using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Actions.Tests.Infrastructure;

/// <summary>
/// golang.org/x/mod/sumdb/dirhash <c>Hash1</c>, the <c>h1:</c> hash in go.sum: SHA-256 over the sorted lines
/// "&lt;sha256 hex of file&gt;  &lt;file name&gt;\n", base64-encoded.
/// </summary>
internal static class ModuleHash
{
    public static string Hash1(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var summary = new StringBuilder();
        foreach ((string name, byte[] content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (name.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"dirhash: file name with newline: {name}", nameof(files));
            }

            summary.Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append("  ").Append(name).Append('\n');
        }

        return "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(summary.ToString())));
    }
}
