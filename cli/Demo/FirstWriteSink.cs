using LogSentinel.Simulate.Output;

namespace LogSentinel.Cli.Demo;

/// <summary>
/// Passes batches to <paramref name="inner"/> and completes <see cref="Started"/> at the first one: the simulator
/// writes the world's reference CSVs before its first batch, so from then on they can be loaded.
/// </summary>
internal sealed class FirstWriteSink(IEventSink inner) : IEventSink
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Started => _started.Task;

    public ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        _started.TrySetResult();
        return inner.WriteAsync(batch, cancellationToken);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public ValueTask DayCompleteAsync(CancellationToken cancellationToken) => inner.DayCompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
