namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// Configuration of citizen-id pseudonymization, bound from the <c>Ingest:Pseudonymization</c> section.
/// The key is a secret: supply it through an environment variable or a secret store, never a checked-in file.
/// Changing it changes every pseudonym, so history before and after the change no longer links.
/// </summary>
public sealed class PseudonymizationOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Ingest:Pseudonymization";

    /// <summary>The HMAC key, base64-encoded; at least <see cref="CitizenIdPseudonymizer.MinimumKeyBytes"/> bytes once decoded. No default.</summary>
    public string? Key { get; set; }

    /// <summary>
    /// Whether to compute the HMAC with OpenSSL's SHA-256 compression function on precomputed midstates (about 0.1 µs
    /// per id) instead of the framework's reusable <see cref="System.Security.Cryptography.IncrementalHash"/> (about
    /// 0.6 µs, OpenSSL's per-call EVP overhead). Both give the same pseudonym; the fast path checks itself against
    /// <see cref="System.Security.Cryptography.HMACSHA256"/> at start-up and falls back when it cannot be used.
    /// Default true.
    /// </summary>
    public bool UseNativeSha256 { get; set; } = true;

    /// <summary>Decodes and validates <see cref="Key"/>. The messages never quote the key.</summary>
    public byte[] DecodeKey()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            throw new InvalidOperationException(
                $"{SectionName}:Key is not set: configure a base64 key of at least {CitizenIdPseudonymizer.MinimumKeyBytes} bytes.");
        }

        var buffer = new byte[(Key.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(Key, buffer, out var written))
        {
            throw new InvalidOperationException($"{SectionName}:Key is not valid base64.");
        }

        if (written < CitizenIdPseudonymizer.MinimumKeyBytes)
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
            throw new InvalidOperationException(
                $"{SectionName}:Key decodes to {written} bytes; at least {CitizenIdPseudonymizer.MinimumKeyBytes} are required.");
        }

        var key = buffer.AsSpan(0, written).ToArray();
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(buffer);
        return key;
    }
}
