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

    /// <summary>
    /// Every line of a simulated day has been written (the gateway log first, then the application log). A sink
    /// that interleaves the streams, as a live gateway would, can emit the day now.
    /// </summary>
    ValueTask DayCompleteAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
