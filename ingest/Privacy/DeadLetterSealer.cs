using System.Security.Cryptography;

namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// Encrypts the original bytes of a dead letter (AES-256-GCM, key derived from the pseudonymization key with HKDF),
/// so the store never holds a citizen id in clear, yet a re-drive after a fix can parse the real line again.
/// Layout: 12-byte nonce, 16-byte tag, ciphertext.
/// </summary>
public sealed class DeadLetterSealer : IDisposable
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] Info = "logsentinel dead-letter seal v1"u8.ToArray();

    private readonly AesGcm _aes;

    public DeadLetterSealer(ReadOnlySpan<byte> pseudonymizationKey)
    {
        Span<byte> key = stackalloc byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, pseudonymizationKey, key, salt: [], Info);
        _aes = new AesGcm(key, TagBytes);
        CryptographicOperations.ZeroMemory(key);
    }

    public byte[] Seal(ReadOnlySpan<byte> raw)
    {
        var sealedBytes = new byte[NonceBytes + TagBytes + raw.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        _aes.Encrypt(nonce, raw, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes));
        return sealedBytes;
    }

    /// <summary>The original bytes, or an exception when the seal was made with another key or was altered.</summary>
    public byte[] Open(ReadOnlySpan<byte> sealedBytes)
    {
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The sealed dead letter is too short to be one.");
        }

        var raw = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        _aes.Decrypt(sealedBytes[..NonceBytes], sealedBytes[(NonceBytes + TagBytes)..], sealedBytes.Slice(NonceBytes, TagBytes), raw);
        return raw;
    }

    public void Dispose() => _aes.Dispose();
}
