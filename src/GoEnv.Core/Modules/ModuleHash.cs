using System.Text;
using Org.BouncyCastle.Crypto.Digests;

namespace GoEnv.Core.Modules;

/// <summary>
/// dirhash.Hash1, the "h1:" hashes of go.sum: SHA-256 over "sha256(file)  name\n" for every file in name order.
/// SHA-256 is BouncyCastle's managed one: .NET's loads and initialises OpenSSL on first use, about 10 ms of a check
/// that hashes a few go.mod files of a few hundred bytes.
/// </summary>
public static class ModuleHash
{
    /// <summary>go.sum's `/go.mod` hash: the go.mod alone, named plain "go.mod" (modfetch's goModSum).</summary>
    public static string OfGoMod(byte[] goMod) => Hash1([new("go.mod", goMod)]);

    public static string Hash1(IEnumerable<KeyValuePair<string, byte[]>> files)
    {
        var summary = new StringBuilder();
        foreach (var (name, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            summary.Append(Convert.ToHexString(Sha256(content)).ToLowerInvariant()).Append("  ").Append(name).Append('\n');
        }

        return "h1:" + Convert.ToBase64String(Sha256(Encoding.UTF8.GetBytes(summary.ToString())));
    }

    private static byte[] Sha256(ReadOnlySpan<byte> data)
    {
        var digest = new Sha256Digest();
        digest.BlockUpdate(data);
        var sum = new byte[digest.GetDigestSize()];
        digest.DoFinal(sum);
        return sum;
    }
}
