using System.IO.Compression;

namespace LogSentinel.Simulate.Output;

/// <summary>Writes the gateway and application logs to files in a directory, optionally gzip-compressed.</summary>
public sealed class FileEventSink : IEventSink
{
    private readonly Stream _gateway;
    private readonly Stream _app;

    /// <summary>Creates (or truncates) the log files in <paramref name="directory"/>.</summary>
    public FileEventSink(string directory, GatewayFormat format, bool gzip)
    {
        Directory.CreateDirectory(directory);
        var suffix = gzip ? ".gz" : string.Empty;
        GatewayPath = Path.Combine(directory, (format == GatewayFormat.Json ? "gateway.jsonl" : "gateway.log") + suffix);
        AppPath = Path.Combine(directory, "app.jsonl" + suffix);
        _gateway = Open(GatewayPath, gzip);
        _app = Open(AppPath, gzip);
    }

    /// <summary>Path of the gateway log.</summary>
    public string GatewayPath { get; }

    /// <summary>Path of the application log.</summary>
    public string AppPath { get; }

    /// <inheritdoc />
    public ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();

        // Large sequential writes to the page cache: synchronous writes are the fastest path here.
        (batch.Kind == LogKind.Gateway ? _gateway : _app).Write(batch.Lines.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _gateway.Flush();
        _app.Flush();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static Stream Open(string path, bool gzip)
    {
        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        return gzip ? new GZipStream(file, CompressionLevel.Fastest) : file;
    }
}
