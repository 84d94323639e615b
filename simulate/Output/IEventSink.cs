namespace LogSentinel.Simulate.Output;

/// <summary>
/// Where generated log lines go: files today, Kafka topics later. Batches arrive per stream in time order;
/// a sink may pace them by <see cref="EventBatch.TimestampsMs"/>.
/// </summary>
public interface IEventSink : IAsyncDisposable
{
    /// <summary>Writes (or copies) <paramref name="batch"/>; its buffers are reused once this completes.</summary>
    ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken);

    /// <summary>Makes everything written so far durable or delivered.</summary>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
