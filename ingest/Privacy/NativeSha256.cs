using System.Runtime.InteropServices;

namespace LogSentinel.Ingest.Privacy;

/// <summary>
/// The SHA-256 compression function of the platform's OpenSSL (<c>SHA256_Transform</c>), which uses the CPU's SHA
/// instructions. .NET's own HMAC goes through OpenSSL's EVP layer, whose per-call set-up costs ~0.6 µs: more than the
/// whole per-line budget of the application-log parser. Calling the compression function directly on precomputed
/// HMAC midstates costs two compressions (~0.1 µs). Absent (no OpenSSL, another platform), callers fall back to
/// <see cref="System.Security.Cryptography.IncrementalHash"/>.
/// </summary>
internal static unsafe class NativeSha256
{
    /// <summary>Bytes of OpenSSL's <c>SHA256_CTX</c>; the transform touches only its first 8 words (the chaining state).</summary>
    public const int ContextWords = 28;

    private static readonly delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, void> Transform = Resolve();

    public static bool IsAvailable => Transform != null;

    /// <summary>Compresses one 64-byte <paramref name="block"/> into the chaining state at the start of <paramref name="context"/>.</summary>
    public static void Compress(uint* context, byte* block) => Transform(context, block);

    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, void> Resolve()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        ReadOnlySpan<string> names = ["libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so"];
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var library)
                && NativeLibrary.TryGetExport(library, "SHA256_Transform", out var export))
            {
                return (delegate* unmanaged[Cdecl, SuppressGCTransition]<uint*, byte*, void>)export;
            }
        }

        return null;
    }
}
