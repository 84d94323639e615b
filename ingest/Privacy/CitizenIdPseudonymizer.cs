using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// Turns a citizen id into its keyed pseudonym: HMAC-SHA256 under the configured key, truncated to
/// <see cref="PseudonymBytes"/> bytes and written as <see cref="PseudonymLength"/> lowercase hex ASCII characters.
/// The same id under the same key always gives the same pseudonym, so detection can count distinct citizens and
/// repeated look-ups without ever holding the id; without the key the pseudonym cannot be reversed by enumerating the
/// 10^12 possible ids.
/// </summary>
/// <remarks>
/// Not safe for concurrent use: give each parser its own instance. On Linux with OpenSSL the HMAC is computed from
/// precomputed inner and outer midstates with OpenSSL's SHA-256 compression function (two compressions per id); the
/// result is checked against <see cref="HMACSHA256"/> when the instance is built, and any mismatch or a missing
/// OpenSSL falls back to a reusable <see cref="IncrementalHash"/>.
/// </remarks>
public sealed unsafe class CitizenIdPseudonymizer : IDisposable
{
    /// <summary>The shortest key accepted: 256 bits, the strength of SHA-256.</summary>
    public const int MinimumKeyBytes = 32;

    /// <summary>Bytes of the HMAC kept (80 bits: no collision expected among the ~10^8 ids of a country).</summary>
    public const int PseudonymBytes = 10;

    /// <summary>Characters of the written pseudonym (lowercase hex).</summary>
    public const int PseudonymLength = PseudonymBytes * 2;

    private const int BlockBytes = 64;
    private const int DigestBytes = 32;

    /// <summary>The longest message that fits with its padding in the single block the midstate path compresses.</summary>
    private const int MaxSingleBlockMessage = BlockBytes - 9;

    private static ReadOnlySpan<uint> InitialState =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private readonly uint[]? _innerState;
    private readonly uint[]? _outerState;
    private readonly IncrementalHash? _fallback;
    private bool _disposed;

    /// <summary>Builds a pseudonymizer over <paramref name="key"/> (at least <see cref="MinimumKeyBytes"/> bytes).</summary>
    public CitizenIdPseudonymizer(ReadOnlySpan<byte> key)
        : this(key, useNativeTransform: true)
    {
    }

    /// <summary>Builds a pseudonymizer; <paramref name="useNativeTransform"/> false forces the IncrementalHash path (Ingest:Pseudonymization:UseNativeSha256).</summary>
    public CitizenIdPseudonymizer(ReadOnlySpan<byte> key, bool useNativeTransform)
    {
        if (key.Length < MinimumKeyBytes)
        {
            throw new ArgumentException(
                $"The pseudonymization key must have at least {MinimumKeyBytes} bytes; it has {key.Length}.", nameof(key));
        }

        if (useNativeTransform && NativeSha256.IsAvailable)
        {
            _innerState = new uint[8];
            _outerState = new uint[8];
            ComputeMidstates(key, _innerState, _outerState);
            if (SelfTest(key))
            {
                return;
            }

            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_innerState.AsSpan()));
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_outerState.AsSpan()));
            _innerState = null;
            _outerState = null;
        }

        _fallback = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    /// <summary>Whether this instance uses the midstate path (true) or the <see cref="IncrementalHash"/> fallback.</summary>
    internal bool UsesNativeTransform => _innerState is not null;

    /// <summary>Builds a pseudonymizer from the configured options (the key is base64).</summary>
    public static CitizenIdPseudonymizer Create(PseudonymizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.DecodeKey();
        try
        {
            return new CitizenIdPseudonymizer(key, options.UseNativeSha256);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Writes the pseudonym of <paramref name="citizenId"/> (12 ASCII digits) to <paramref name="destination"/> as
    /// <see cref="PseudonymLength"/> lowercase hex bytes. Returns false, writing nothing, when the id is not 12 digits.
    /// </summary>
    public bool TryPseudonymize(ReadOnlySpan<byte> citizenId, Span<byte> destination)
    {
        if (destination.Length < PseudonymLength)
        {
            throw new ArgumentException($"The destination needs {PseudonymLength} bytes.", nameof(destination));
        }

        if (!CitizenId.TryParse(citizenId, out _))
        {
            return false;
        }

        WritePseudonym(citizenId, destination);
        return true;
    }

    /// <summary>Hot-path form for an id the caller has validated; <paramref name="destination"/> has room for the pseudonym.</summary>
    internal void WritePseudonym(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Span<byte> mac = stackalloc byte[DigestBytes];
        if (_innerState is not null && message.Length <= MaxSingleBlockMessage)
        {
            ComputeWithMidstates(message, mac);
        }
        else
        {
            ComputeWithFallback(message, mac);
        }

        WriteHex(mac[..PseudonymBytes], destination);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_innerState is not null && _outerState is not null)
        {
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_innerState.AsSpan()));
            CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(_outerState.AsSpan()));
        }

        _fallback?.Dispose();
    }

    private static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }

    private static void ComputeMidstates(ReadOnlySpan<byte> key, Span<uint> inner, Span<uint> outer)
    {
        Span<byte> hashedKey = stackalloc byte[DigestBytes];
        scoped var blockKey = key;
        if (key.Length > BlockBytes)
        {
            // HMAC shortens keys longer than a block to their hash.
            SHA256.HashData(key, hashedKey);
            blockKey = hashedKey;
        }

        Span<byte> block = stackalloc byte[BlockBytes];
        Span<uint> context = stackalloc uint[NativeSha256.ContextWords];
        for (var pass = 0; pass < 2; pass++)
        {
            var pad = pass == 0 ? (byte)0x36 : (byte)0x5c;
            block.Fill(pad);
            for (var i = 0; i < blockKey.Length; i++)
            {
                block[i] = (byte)(blockKey[i] ^ pad);
            }

            InitialState.CopyTo(context);
            fixed (uint* c = context)
            fixed (byte* b = block)
            {
                NativeSha256.Compress(c, b);
            }

            context[..8].CopyTo(pass == 0 ? inner : outer);
        }

        CryptographicOperations.ZeroMemory(block);
        CryptographicOperations.ZeroMemory(hashedKey);
        CryptographicOperations.ZeroMemory(System.Runtime.InteropServices.MemoryMarshal.AsBytes(context));
    }

    private bool SelfTest(ReadOnlySpan<byte> key)
    {
        ReadOnlySpan<byte> probe = "079300123456"u8;
        Span<byte> expected = stackalloc byte[DigestBytes];
        Span<byte> actual = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(key, probe, expected);
        ComputeWithMidstates(probe, actual);
        return expected.SequenceEqual(actual);
    }

    private void ComputeWithMidstates(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        uint* context = stackalloc uint[NativeSha256.ContextWords];
        byte* block = stackalloc byte[BlockBytes];
        var blockSpan = new Span<byte>(block, BlockBytes);

        // Inner hash: H((key ^ ipad) || message), continuing from the midstate after the key block.
        _innerState.AsSpan().CopyTo(new Span<uint>(context, 8));
        blockSpan.Clear();
        message.CopyTo(blockSpan);
        block[message.Length] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], (ulong)(BlockBytes + message.Length) * 8);
        NativeSha256.Compress(context, block);

        // Outer hash: H((key ^ opad) || inner digest).
        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(blockSpan[(4 * i)..], context[i]);
        }

        blockSpan[DigestBytes..].Clear();
        block[DigestBytes] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(blockSpan[56..], (ulong)(BlockBytes + DigestBytes) * 8);
        _outerState.AsSpan().CopyTo(new Span<uint>(context, 8));
        NativeSha256.Compress(context, block);

        for (var i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(mac[(4 * i)..], context[i]);
        }
    }

    private void ComputeWithFallback(ReadOnlySpan<byte> message, Span<byte> mac)
    {
        var hash = _fallback ?? throw new InvalidOperationException("No HMAC engine.");
        hash.AppendData(message);
        hash.GetHashAndReset(mac);
    }
}
