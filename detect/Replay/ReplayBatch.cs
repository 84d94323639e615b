using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Detect.Replay;

/// <summary>One batch of a replayed file with the file lines it holds; reused once the store has it.</summary>
internal sealed class ReplayBatch(int capacity)
{
    public IngestBatch Batch { get; } = new(capacity);

    /// <summary>Line number of the batch's first line (1-based).</summary>
    public long FirstLine { get; set; }

    /// <summary>Line number of the batch's last line.</summary>
    public long LastLine { get; set; }

    /// <summary>The line each event (row) of the batch came from, in row order.</summary>
    public long[] RowLines { get; } = new long[capacity];
}
