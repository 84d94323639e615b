using LogSentinel.Simulate.Output;

namespace LogSentinel.Benchmarks.Simulate;

/// <summary>Counts what it is given and drops it: measures generation and encoding without the disk.</summary>
public sealed class NullEventSink : IEventSink
{
    public long Lines { get; private set; }

    public long Bytes { get; private set; }

    public ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        Lines += batch.Count;
        Bytes += batch.Length;
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
