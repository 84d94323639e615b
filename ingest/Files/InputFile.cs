using System.IO.Compression;

namespace LogSentinel.Ingest.Files;

/// <summary>An input to ingest: a file (plain or gzip, recognised by its first bytes) or standard input (<c>-</c>).</summary>
internal sealed class InputFile : IDisposable
{
    private readonly Stream _raw;

    private InputFile(string name, Stream raw, Stream content, long size)
    {
        Name = name;
        _raw = raw;
        Content = content;
        Size = size;
    }

    public string Name { get; }

    /// <summary>The decompressed bytes.</summary>
    public Stream Content { get; }

    /// <summary>Size on disk, or 0 when unknown.</summary>
    public long Size { get; }

    /// <summary>Bytes consumed from disk so far, for progress.</summary>
    public long Position => _raw.CanSeek ? _raw.Position : 0;

    public static InputFile Open(string path)
    {
        if (path == "-")
        {
            var stdin = Console.OpenStandardInput();
            return new InputFile("stdin", stdin, stdin, 0);
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"The input file '{path}' does not exist.", full);
        }

        var raw = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Span<byte> magic = stackalloc byte[2];
        var read = raw.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        raw.Position = 0;
        var gzip = read == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        Stream content = gzip ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : raw;
        return new InputFile(full, raw, content, raw.Length);
    }

    public void Dispose()
    {
        if (!ReferenceEquals(Content, _raw))
        {
            Content.Dispose();
        }

        _raw.Dispose();
    }
}
