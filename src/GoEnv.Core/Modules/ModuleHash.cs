using System.Security.Cryptography;
using System.Text;

namespace GoEnv.Core.Modules;

/// <summary>dirhash.Hash1, the "h1:" hashes of go.sum: SHA-256 over "sha256(file)  name\n" for every file in name order.</summary>
public static class ModuleHash
{
    /// <summary>Loads the SHA-256 implementation (OpenSSL on Linux) ahead of the first hash.</summary>
    public static void Prepare() => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>go.sum's `/go.mod` hash: the go.mod alone, named plain "go.mod" (modfetch's goModSum).</summary>
    public static string OfGoMod(byte[] goMod) => Hash1([new("go.mod", goMod)]);

    public static string Hash1(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var summary = new StringBuilder();
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            summary.Append(Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant()).Append("  ").Append(name).Append('\n');
        }

        return "h1:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(summary.ToString())));
    }
}
