using Confluent.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store.State;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogSentinel.Ingest.Kafka;

/// <summary>
/// The Kafka source of the ingest role: a consumer-group member that turns each message (one line, or several
/// separated by newlines) into stored events, losing nothing and storing nothing twice.
/// </summary>
/// <remarks>
/// <para>
/// One dedicated thread runs the consumer; lines are parsed into one batch while the previous batch is written in the
/// background, so parsing and the store's insert use both cores. A message's offset is stored (and later committed
/// by librdkafka) only after its batch's write returned. Before a write starts, the partition's ledger mark in the
/// state table is raised to the batch's last offset; messages at or below a mark found on assignment may already be
/// stored by a member that crashed before committing, so their batch is written with stored events dropped.
/// </para>
/// <para>
/// When the store is slow or down the write is retried with exponential backoff and jitter; after a second the
/// worker pauses its partitions and keeps polling, so it stays in the group, and resumes once the batch is stored.
/// Nothing is skipped: no offset moves past an unwritten message.
/// </para>
/// </remarks>
public sealed partial class KafkaIngestWorker : IDisposable
{
    private const int BackpressureWaitMs = 1000;
    private const int PausedPollMs = 200;
    private const int IdlePollMs = 250;
    private const int LagIntervalMs = 1000;
    private const int DetectionBytes = 64 << 10;
    private const int DetectionMaxMessages = 1024;

    private readonly IngestPipeline _pipeline;
    private readonly KafkaSourceOptions _options;
    private readonly IngestOptions _ingestOptions;
    private readonly ResiliencePipeline _retry;
    private readonly IngestMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly List<KafkaTopicSource> _topics = [];
    private readonly Dictionary<string, KafkaTopicSource> _topicByName = new(StringComparer.Ordinal);
    private readonly PartitionLedger _ledger;
    private readonly IngestBatch[] _batches;
    private readonly BatchOffsets[] _offsets = [new(), new()];
    private readonly List<MessageRows>[] _messageRows = [[], []];
    private readonly HashSet<PartitionKey> _assigned = [];
    private readonly List<TopicPartitionOffset> _rewind = [];
    private readonly CancellationTokenSource _writeCancellation = new();
    private IConsumer<Ignore, byte[]>? _consumer;
    private PendingWrite? _pending;
    private int _current;
    private long _batchStartedAt;
    private long _acceptedAt;
    private long _lagMeasuredAt;
    private bool _assignmentChanged;
    private volatile Error? _fatalError;
    private bool _stopping;
    private bool _writesAbandoned;
    private int _started;

    /// <summary>Creates a worker; <paramref name="storeRetry"/> should retry store failures without limit (the worker pauses meanwhile).</summary>
    public KafkaIngestWorker(
        IngestPipeline pipeline,
        IStateStore state,
        KafkaSourceOptions options,
        IngestOptions ingestOptions,
        ResiliencePipeline storeRetry,
        IngestMetrics metrics,
        ILogger logger,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ingestOptions);
        options.Validate();
        ingestOptions.Validate();
        _pipeline = pipeline;
        _options = options;
        _ingestOptions = ingestOptions;
        _retry = storeRetry ?? throw new ArgumentNullException(nameof(storeRetry));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        foreach (var (topic, format) in options.TopicFormats())
        {
            var source = new KafkaTopicSource(_topics.Count, topic, format);
            _topics.Add(source);
            _topicByName.Add(topic, source);
        }

        _ledger = new PartitionLedger(state, options.GroupId, _topics);
        _batches = [new IngestBatch(ingestOptions.BatchMaxLines), new IngestBatch(ingestOptions.BatchMaxLines)];
    }

    /// <summary>
    /// Follows every parsed event, partition end and batch write (live detection); set before <see cref="RunAsync(CancellationToken)"/>.
    /// With an observer the consumer also reports partition ends.
    /// </summary>
    internal IKafkaBatchObserver? Observer { get; set; }

    /// <summary>
    /// Also produces every parsed event to the internal topics (<c>Ingest:Republish</c>), merged by event time across
    /// the assigned partitions (<see cref="RepublishMerge"/>); a source offset is stored for commit only once the events
    /// before it are acknowledged there. Every event is republished, also those the store drops as already stored
    /// after a redelivery. Set before <see cref="RunAsync(CancellationToken)"/>; not together with live detection.
    /// </summary>
    public EventRepublisher? Republisher { get; set; }

    private RepublishMerge? _merge;
    private readonly Dictionary<PartitionKey, long> _writtenNext = [];
    private readonly Dictionary<PartitionKey, long> _storedNext = [];

    /// <summary>Running totals, readable from any thread.</summary>
    public KafkaIngestStats Stats { get; } = new();

    /// <summary>
    /// Consumes until <paramref name="cancellationToken"/> is cancelled, then writes what is pending (within
    /// <see cref="KafkaSourceOptions.ShutdownGraceMs"/>), commits and leaves the group. Fails on a fatal Kafka error,
    /// a topic whose format cannot be detected, or a store error that is not transient.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, CancellationToken.None);

    /// <summary>
    /// As <see cref="RunAsync(CancellationToken)"/>; when <paramref name="abandon"/> is cancelled the worker stops as
    /// if the process died: nothing more is stored or committed and the group is not told (it notices after the
    /// session timeout).
    /// </summary>
    internal Task RunAsync(CancellationToken cancellationToken, CancellationToken abandon)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A Kafka ingest worker runs once; create another to run again.");
        }

        // Consume blocks, so the loop owns a thread instead of borrowing one from the pool.
        return Task.Factory.StartNew(() => Run(cancellationToken, abandon), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(CancellationToken stop, CancellationToken abandon)
    {
        LogMessages.Starting(_logger, _options.GroupId, _topicByName.Keys, _options.BootstrapServers!);
        if (Republisher is not null)
        {
            if (Observer is not null)
            {
                throw new InvalidOperationException("Republishing is for the ingest role; live detection in the same worker is not supported.");
            }

            _merge = new RepublishMerge(Republisher, [.. _topics.Select(t => t.Topic)]);
            Observer = _merge;
        }

        var config = KafkaConsumerConfigFactory.Create(_options);
        // Live detection merges partitions by event time and must know when one has nothing more to give.
        config.EnablePartitionEof = Observer is not null;
        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetErrorHandler(OnError)
            .SetLogHandler((_, message) => LogMessages.Librdkafka(_logger, message.Facility, message.Message))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler(OnLost)
            .Build();
        _consumer = consumer;
        try
        {
            consumer.Subscribe(_topicByName.Keys);
            Loop(stop, abandon);
            if (abandon.IsCancellationRequested)
            {
                Abandon();
                return;
            }

            Shutdown();
        }
        catch (Exception ex) when (!abandon.IsCancellationRequested)
        {
            Fail(ex);
            throw;
        }
        finally
        {
            _writeCancellation.Cancel();
            _consumer = null;
        }
    }

    private void Loop(CancellationToken stop, CancellationToken abandon)
    {
        var consumer = _consumer!;
        while (!stop.IsCancellationRequested && !abandon.IsCancellationRequested)
        {
            ThrowIfFatal();
            CompletePendingIfDone();
            ApplyRewinds();
            ConsumeResult<Ignore, byte[]>? result;
            try
            {
                result = consumer.Consume(NextPollTimeout());
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                LogMessages.ConsumeFailed(_logger, ex.ConsumerRecord?.Topic, ex.ConsumerRecord?.Partition.Value ?? -1, ex.ConsumerRecord?.Offset.Value ?? -1, ex.Error.Reason);
                continue;
            }

            Take(result);
            DetectStaleHeldTopics();
            if (IsBatchDue() && !HandOff(stop, abandon))
            {
                return;
            }

            MeasureLagIfDue();
            Observer?.OnPoll();
        }
    }

    private void Take(ConsumeResult<Ignore, byte[]>? result)
    {
        if (result is null)
        {
            return;
        }

        if (!result.IsPartitionEOF)
        {
            Accept(result);
        }
        else if (Observer is not null && _topicByName.TryGetValue(result.Topic, out var topic))
        {
            Observer.OnPartitionEnd(topic.Index, result.Partition.Value, result.Offset.Value);
        }
    }

    private TimeSpan NextPollTimeout()
    {
        if (_batches[_current].Lines == 0)
        {
            return TimeSpan.FromMilliseconds(IdlePollMs);
        }

        var left = _ingestOptions.BatchMaxWaitMs - _time.GetElapsedTime(_batchStartedAt).TotalMilliseconds;
        return TimeSpan.FromMilliseconds(Math.Clamp(left, 1, IdlePollMs));
    }

    private bool IsBatchDue()
    {
        var lines = _batches[_current].Lines;
        return lines >= _ingestOptions.BatchMaxLines
            || (lines > 0 && _time.GetElapsedTime(_batchStartedAt).TotalMilliseconds >= _ingestOptions.BatchMaxWaitMs);
    }

    private void Accept(ConsumeResult<Ignore, byte[]> result)
    {
        Stats.Consumed(1);
        if (!_topicByName.TryGetValue(result.Topic, out var topic))
        {
            return;
        }

        var partition = result.Partition.Value;
        var offset = result.Offset.Value;
        var value = result.Message.Value;
        if (Observer is not null)
        {
            _acceptedAt = _time.GetTimestamp();
            Observer.OnConsumed(topic.Index, partition, offset);
        }

        if (topic.Format is { } format)
        {
            AddMessage(topic, format, partition, offset, value);
        }
        else
        {
            Hold(topic, partition, offset, value);
        }
    }

    private void AddMessage(KafkaTopicSource topic, LogFormat format, int partition, long offset, byte[]? value)
    {
        var batch = _batches[_current];
        if (batch.Lines == 0)
        {
            _batchStartedAt = _time.GetTimestamp();
        }

        _offsets[_current].Record(new PartitionKey(topic.Index, partition), offset);
        var origin = LineOrigin.Message(topic.Source, format, partition, offset);
        ReadOnlySpan<byte> lines = value;
        // A newline ending the message ends its last line; it does not start an empty one.
        if (!lines.IsEmpty && lines[^1] == (byte)'\n')
        {
            lines = lines[..^1];
        }

        while (true)
        {
            var newline = lines.IndexOf((byte)'\n');
            if (newline < 0)
            {
                _pipeline.Add(lines, origin, batch);
                if (Observer is not null)
                {
                    _messageRows[_current].Add(new MessageRows(topic.Index, partition, offset, batch.Gateway.Count, batch.App.Count, _acceptedAt));
                }

                return;
            }

            // Lines of one message share its position; their events still differ by key (the line bytes).
            _pipeline.Add(lines[..newline], origin, batch);
            lines = lines[(newline + 1)..];
        }
    }


    /// <summary>
    /// Starts writing the current batch once the previous write is done. False when the worker is stopping while the
    /// previous write is still retrying (shutdown then waits for it within its grace).
    /// </summary>
    private bool HandOff(CancellationToken stop, CancellationToken abandon)
    {
        if (!WaitForPendingWhilePolling(stop, abandon))
        {
            return false;
        }

        StartWrite();
        return true;
    }

    private void StartWrite()
    {
        CompletePendingIfDone();
        if (_pending is not null)
        {
            throw new InvalidOperationException("A batch write is still pending.");
        }

        var slot = _current;
        var batch = _batches[slot];
        if (batch.Lines == 0)
        {
            return;
        }

        // Read on this thread before the write starts: the ranges are settled lazily.
        var ranges = _offsets[slot].Ranges;
        var token = _writeCancellation.Token;
        // The observer copies what it needs before the write starts: the write clears the batch when it is done.
        Observer?.OnBatch(batch, _messageRows[slot]);
        _messageRows[slot].Clear();
        var write = Task.Run(() => WriteAsync(batch, ranges, token), CancellationToken.None);
        _pending = new PendingWrite(slot, write);
        Observer?.OnBatchWriting(write);
        _current ^= 1;
    }

    private async Task<IngestBatchResult> WriteAsync(IngestBatch batch, IReadOnlyDictionary<PartitionKey, OffsetRange> ranges, CancellationToken cancellationToken)
    {
        var mayAlreadyBeStored = await _ledger.MarkWriteStartingAsync(ranges, _retry, cancellationToken).ConfigureAwait(false);
        return await _pipeline.WriteAsync(batch, mayAlreadyBeStored, _retry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for the previous write. A healthy store finishes within a second and the wait is a plain one; past
    /// that the partitions are paused and the loop keeps polling (heartbeats, rebalances) until the write succeeds.
    /// </summary>
    private bool WaitForPendingWhilePolling(CancellationToken stop, CancellationToken abandon)
    {
        if (_pending is null || WaitQuietly(_pending.Write, BackpressureWaitMs))
        {
            return true;
        }

        var consumer = _consumer!;
        var paused = consumer.Assignment;
        consumer.Pause(paused);
        Stats.SetPaused(true);
        LogMessages.Paused(_logger, paused.Count);
        var pausedAt = _time.GetTimestamp();
        _assignmentChanged = false;
        try
        {
            while (!WaitQuietly(_pending.Write, 0))
            {
                if (stop.IsCancellationRequested || abandon.IsCancellationRequested)
                {
                    return false;
                }

                ThrowIfFatal();
                // Partitions may arrive with a rebalance meanwhile; a message already fetched for one joins the batch.
                var result = consumer.Consume(TimeSpan.FromMilliseconds(PausedPollMs));
                Take(result);
                Observer?.OnPoll();

                if (_assignmentChanged)
                {
                    _assignmentChanged = false;
                    consumer.Pause(consumer.Assignment);
                }
            }
        }
        finally
        {
            consumer.Resume(consumer.Assignment);
            Stats.SetPaused(false);
        }

        var pausedFor = _time.GetElapsedTime(pausedAt);
        LogMessages.Resumed(_logger, pausedFor);
        return true;
    }

    /// <summary>Takes the result of a finished write: its totals, and its partitions' offsets stored for commit.</summary>
    private void CompletePendingIfDone()
    {
        var pending = _pending;
        if (pending is null || !pending.Write.IsCompleted)
        {
            return;
        }

        _pending = null;
        var offsets = _offsets[pending.Slot];
        try
        {
            var result = pending.Write.GetAwaiter().GetResult();
            Stats.Written(result);
            StoreOffsets(offsets);
        }
        finally
        {
            offsets.Clear();
        }
    }

    private void StoreOffsets(BatchOffsets offsets)
    {
        var consumer = _consumer!;
        foreach (var (key, range) in offsets.Ranges)
        {
            // A partition revoked or lost meanwhile is someone else's now; its new owner finds the ledger mark.
            if (!_assigned.Contains(key))
            {
                continue;
            }

            var topic = _topics[key.Topic].Topic;
            var next = range.Last + 1;
            if (_merge is not null)
            {
                _writtenNext[key] = next;
                // Not past what the internal topics have acknowledged: a crash then re-delivers and republishes it.
                next = Math.Min(next, _merge.CommitLimit(key.Topic, key.Partition));
                if (next < 0 || (_storedNext.TryGetValue(key, out var stored) && next <= stored))
                {
                    continue;
                }

                _storedNext[key] = next;
            }

            try
            {
                consumer.StoreOffset(new TopicPartitionOffset(topic, key.Partition, next));
            }
            catch (KafkaException ex)
            {
                LogMessages.OffsetNotStored(_logger, topic, key.Partition, ex.Error.Reason);
            }
        }
    }

    /// <summary>Writes the current batch and waits for every write, on the consumer thread (rebalance handlers, shutdown).</summary>
    private void FlushBlocking()
    {
        if (_pending is not null)
        {
            WaitQuietly(_pending.Write, Timeout.Infinite);
            CompletePendingIfDone();
        }

        StartWrite();
        if (_pending is not null)
        {
            WaitQuietly(_pending.Write, Timeout.Infinite);
            CompletePendingIfDone();
        }
    }

    /// <summary>Offsets of written batches held back until their events were acknowledged on the internal topics: stored once they are.</summary>
    private void StoreRepublishedOffsets()
    {
        if (_merge is null || _writtenNext.Count == 0)
        {
            return;
        }

        var offsets = new BatchOffsets();
        foreach (var (key, next) in _writtenNext)
        {
            offsets.Record(key, next - 1);
        }

        StoreOffsets(offsets);
    }

    private void MeasureLagIfDue()
    {
        if (_time.GetElapsedTime(_lagMeasuredAt).TotalMilliseconds < LagIntervalMs)
        {
            return;
        }

        StoreRepublishedOffsets();

        _lagMeasuredAt = _time.GetTimestamp();
        var consumer = _consumer!;
        long lag = 0;
        foreach (var partition in consumer.Assignment)
        {
            try
            {
                // Both come from librdkafka's cache (the last fetch response); no broker round trip.
                var watermarks = consumer.GetWatermarkOffsets(partition);
                if (watermarks.High.Value < 0)
                {
                    continue;
                }

                var position = consumer.Position(partition).Value;
                lag += Math.Max(0, watermarks.High.Value - (position >= 0 ? position : Math.Max(0, watermarks.Low.Value)));
            }
            catch (KafkaException)
            {
                // A partition leaving meanwhile: the metric skips it this time; it must never stop ingest.
            }
        }

        Stats.SetLag(lag);
        _metrics.ConsumerLag(lag);
    }

    private void ThrowIfFatal()
    {
        if (_fatalError is { } error)
        {
            throw new KafkaException(error);
        }
    }

    /// <summary>Releases the worker's cancellation source; call after <see cref="RunAsync(CancellationToken)"/> has finished.</summary>
    public void Dispose() => _writeCancellation.Dispose();

    private static bool WaitQuietly(Task task, int milliseconds)
    {
        try
        {
            return task.Wait(milliseconds);
        }
        catch (AggregateException)
        {
            // Failed or cancelled is finished too; the caller reads the outcome from the task.
            return true;
        }
    }
}
