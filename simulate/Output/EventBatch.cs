using System.Buffers;

namespace LogSentinel.Simulate.Output;

/// <summary>
/// A run of complete log lines of one stream, in time order, as UTF-8 with a trailing newline each. The buffers
/// are pooled: a sink must copy what it keeps before <see cref="IEventSink.WriteAsync"/> completes.
/// </summary>
public sealed class EventBatch
{
    private const int LineReserve = 1024;

    private byte[] _bytes;
    private int[] _lineEnds;
    private long[] _timestamps;

    internal EventBatch(LogKind stream, int capacityBytes)
    {
        Kind = stream;
        _bytes = ArrayPool<byte>.Shared.Rent(capacityBytes);
        _lineEnds = ArrayPool<int>.Shared.Rent(capacityBytes / 128);
        _timestamps = ArrayPool<long>.Shared.Rent(capacityBytes / 128);
    }

    /// <summary>Which log the lines belong to.</summary>
    public LogKind Kind { get; }

    /// <summary>Number of lines.</summary>
    public int Count { get; private set; }

    /// <summary>Total bytes of the lines.</summary>
    public int Length { get; private set; }

    /// <summary>The lines, UTF-8, each ending with <c>\n</c>.</summary>
    public ReadOnlyMemory<byte> Lines => _bytes.AsMemory(0, Length);

    /// <summary>Offset just past each line's newline: line <c>i</c> spans <c>[LineEnds[i-1], LineEnds[i])</c>.</summary>
    public ReadOnlyMemory<int> LineEnds => _lineEnds.AsMemory(0, Count);

    /// <summary>Event time of each line, Unix milliseconds: lets a sink pace output in real or accelerated time.</summary>
    public ReadOnlyMemory<long> TimestampsMs => _timestamps.AsMemory(0, Count);

    /// <summary>Whether another line of up to <see cref="LineReserve"/> bytes fits.</summary>
    internal bool HasRoom => Length + LineReserve <= _bytes.Length && Count < _lineEnds.Length;

    /// <summary>Space for the next line.</summary>
    internal Span<byte> Free => _bytes.AsSpan(Length, LineReserve);

    /// <summary>Commits the line written into <see cref="Free"/>: <paramref name="length"/> bytes including the newline.</summary>
    internal void Commit(int length, long timestampMs)
    {
        Length += length;
        _lineEnds[Count] = Length;
        _timestamps[Count] = timestampMs;
        Count++;
    }

    internal void Release()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<int>.Shared.Return(_lineEnds);
        ArrayPool<long>.Shared.Return(_timestamps);
        _bytes = [];
        _lineEnds = [];
        _timestamps = [];
        Count = 0;
        Length = 0;
    }
}
