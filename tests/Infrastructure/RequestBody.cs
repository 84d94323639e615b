using System.IO.Compression;
using ZstdSharp;

namespace LogSentinel.Tests.Infrastructure;

/// <summary>Reads a request body whole, undoing the Content-Encoding the driver applied (gzip for statements, zstd for bulk copies).</summary>
internal static class RequestBody
{
    public static async Task<byte[]> ReadAsync(Stream body, string? contentEncoding, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var encoding = contentEncoding?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(encoding) || encoding == "identity")
        {
            await body.CopyToAsync(buffer, cancellationToken);
        }
        else
        {
            // leaveOpen: Kestrel owns the request stream.
            await using var decoded = Decode(body, encoding);
            await decoded.CopyToAsync(buffer, cancellationToken);
        }

        return buffer.ToArray();
    }

    private static Stream Decode(Stream body, string encoding) => encoding switch
    {
        "gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),
        "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
        "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
        "zstd" => new DecompressionStream(body, leaveOpen: true),
        _ => throw new EndpointException(1, 415, $"Unknown HTTP Content-Encoding {encoding}. (UNSUPPORTED_METHOD)"),
    };
}
