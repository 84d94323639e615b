namespace LogSentinel.Ingest.Files;

/// <summary>Progress of one input: bytes read of its size (compressed bytes for gzip; 0 size when unknown, as for stdin).</summary>
public readonly record struct FileIngestProgress(string Input, long BytesRead, long TotalBytes, long Lines, long DeadLetters);
