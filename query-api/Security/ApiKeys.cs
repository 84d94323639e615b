using System.Security.Cryptography;
using System.Text;

namespace LogSentinel.QueryApi.Security;

/// <summary>
/// API keys: <c>lsk_&lt;id&gt;_&lt;secret&gt;</c>. The id finds the user; only a SHA-256 of the whole key is stored.
/// A fast hash is enough because the secret is 256 random bits, not a password a person chose.
/// </summary>
public static class ApiKeys
{
    private const string Prefix = "lsk_";

    /// <summary>A new random key and its id.</summary>
    public static (string Key, string KeyId) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{id}_{secret}", id);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The id part of a well-formed key; false for anything else.</summary>
    public static bool TryGetId(string key, out string keyId)
    {
        keyId = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var end = key.IndexOf('_', Prefix.Length);
        if (end != Prefix.Length + 16 || key.Length <= end + 1)
        {
            return false;
        }

        keyId = key[Prefix.Length..end];
        return true;
    }

    /// <summary>Compares in constant time, so response times say nothing about how much of a hash matched.</summary>
    public static bool Matches(string key, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(key)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
