namespace LogSentinel.Simulate.Output;

/// <summary>
/// Holds the producer back while its consumer is too far behind. Kafka itself needs no such gate, but a broker that
/// keeps little of each partition (librdkafka's mock cluster keeps 5 MiB) silently drops what a lagging consumer has
/// not read yet, so a producer sending as fast as it can must wait for the reader.
/// </summary>
public interface IProduceGate
{
    /// <summary>Completes when the message numbered <paramref name="produced"/> (messages sent before it) may be sent.</summary>
    ValueTask WaitAsync(long produced, CancellationToken cancellationToken);
}
