using LogSentinel.Simulate.Output;

namespace LogSentinel.Cli.Demo;

/// <summary>
/// Lets the demo's simulator run at most <c>maxAhead</c> messages ahead of the live pipeline's consumer. The mock
/// cluster keeps only 5 MiB of each partition and drops older messages silently, so at <c>--speed 0</c> (or on a slow
/// machine) an ungated producer would overwrite what the consumer had not yet read. Until the consumer is attached
/// nothing counts as read: the simulator sends its first <c>maxAhead</c> messages and waits for the pipeline.
/// </summary>
internal sealed class ConsumerBacklogGate(long maxAhead, TimeProvider time) : IProduceGate
{
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromMilliseconds(20);
    private Func<long>? _consumed;

    /// <summary>Messages the consumer has read so far (its own count, safe to read from the producer's thread).</summary>
    public void Attach(Func<long> consumed) => Volatile.Write(ref _consumed, consumed);

    public ValueTask WaitAsync(long produced, CancellationToken cancellationToken) =>
        produced - Consumed() < maxAhead ? ValueTask.CompletedTask : WaitForConsumerAsync(produced, cancellationToken);

    private async ValueTask WaitForConsumerAsync(long produced, CancellationToken cancellationToken)
    {
        // The consumer's count has no change notification; a short recheck costs nothing next to the wait itself.
        while (produced - Consumed() >= maxAhead)
        {
            await Task.Delay(RecheckInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private long Consumed() => Volatile.Read(ref _consumed)?.Invoke() ?? 0;
}
