using Confluent.Kafka;

namespace LogSentinel.Simulate.Output;

/// <summary>
/// Produces the simulated logs to Kafka, one line per message, the gateway log and the application log on topics of
/// their own. Each day is held until it is complete and then sent with both streams interleaved in event-time order,
/// as a live gateway would emit them; with a <see cref="Speed"/> the sending is paced by event time, and with a gate
/// it also waits for the consumer (<see cref="IProduceGate"/>).
/// </summary>
public sealed class KafkaEventSink : IEventSink
{
    private readonly IProducer<Null, byte[]> _producer;
    private readonly TimeProvider _time;
    private readonly IProduceGate? _gate;
    private readonly List<HeldLine> _day = [];
    private long _firstEventMs = long.MinValue;
    private long _startTimestamp;

    /// <param name="bootstrapServers">Brokers, <c>host:port[,host:port...]</c>.</param>
    /// <param name="gatewayTopic">Topic of the gateway log.</param>
    /// <param name="appTopic">Topic of the application log.</param>
    /// <param name="speed">Event-time milliseconds per wall-clock millisecond: 1 is real time, 60 a minute a second; 0 (or less) sends as fast as the brokers take it.</param>
    /// <param name="time">The clock pacing uses.</param>
    /// <param name="gate">Asked before every message whether it may be sent yet; null sends without waiting for any consumer.</param>
    public KafkaEventSink(string bootstrapServers, string gatewayTopic, string appTopic, double speed, TimeProvider time, IProduceGate? gate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        GatewayTopic = gatewayTopic;
        AppTopic = appTopic;
        Speed = speed;
        _time = time;
        _gate = gate;
        _producer = new ProducerBuilder<Null, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            LingerMs = 5,
            BatchSize = 1 << 20,
            CompressionType = CompressionType.Lz4,
            EnableIdempotence = true,
        }).Build();
    }

    public string GatewayTopic { get; }

    public string AppTopic { get; }

    public double Speed { get; }

    /// <summary>Messages handed to the producer so far.</summary>
    public long Produced { get; private set; }

    /// <inheritdoc />
    public ValueTask WriteAsync(EventBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lines = batch.Lines.Span;
        var ends = batch.LineEnds.Span;
        var timestamps = batch.TimestampsMs.Span;
        var start = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            // Messages carry the line without its newline; the batch buffers are reused, so copy.
            _day.Add(new HeldLine(timestamps[i], batch.Kind, lines[start..(ends[i] - 1)].ToArray()));
            start = ends[i];
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DayCompleteAsync(CancellationToken cancellationToken)
    {
        // Stable: lines of one stream keep their order, and at equal times the gateway line (written first) leads.
        var ordered = _day.Order(HeldLine.ByTime);
        foreach (var line in ordered)
        {
            await PaceAsync(line.TimestampMs, cancellationToken).ConfigureAwait(false);
            if (_gate is not null)
            {
                await _gate.WaitAsync(Produced, cancellationToken).ConfigureAwait(false);
            }

            Produce(line);
        }

        _day.Clear();
    }

    /// <inheritdoc />
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_day.Count > 0)
        {
            await DayCompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        _producer.Flush(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _producer.Flush(TimeSpan.FromSeconds(30));
        _producer.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Produce(HeldLine line)
    {
        var topic = line.Kind == LogKind.Gateway ? GatewayTopic : AppTopic;
        while (true)
        {
            try
            {
                _producer.Produce(topic, new Message<Null, byte[]> { Value = line.Bytes, Timestamp = new Timestamp(line.TimestampMs, TimestampType.CreateTime) });
                Produced++;
                return;
            }
            catch (ProduceException<Null, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                // The producer's queue is full: let deliveries drain, then try again; nothing is dropped.
                _producer.Poll(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private async ValueTask PaceAsync(long eventMs, CancellationToken cancellationToken)
    {
        if (Speed <= 0)
        {
            return;
        }

        if (_firstEventMs == long.MinValue)
        {
            _firstEventMs = eventMs;
            _startTimestamp = _time.GetTimestamp();
            return;
        }

        var due = TimeSpan.FromMilliseconds((eventMs - _firstEventMs) / Speed);
        var wait = due - _time.GetElapsedTime(_startTimestamp);
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private readonly record struct HeldLine(long TimestampMs, LogKind Kind, byte[] Bytes)
    {
        public static readonly IComparer<HeldLine> ByTime = Comparer<HeldLine>.Create((a, b) => a.TimestampMs.CompareTo(b.TimestampMs));
    }
}
