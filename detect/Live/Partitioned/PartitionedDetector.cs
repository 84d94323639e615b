using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Models;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogSentinel.Detect.Live.Partitioned;

/// <summary>
/// <c>logsentinel detect</c> over the internal topics (<c>Live:Source=internal</c>): a member of the consumer group
/// <c>Live:DetectGroupId</c> on the by-account, by-address and wide topics the ingest role republishes to. Kafka
/// spreads the partitions over the members; each assigned partition gets its own <see cref="DetectionEngine"/>,
/// restricted to the alerts of its key kind (<see cref="AlertScope"/>), restored from the partition's checkpoint and
/// fed from the offset it names.
/// </summary>
/// <remarks>
/// Order of effects per partition, as in <see cref="LiveDetector"/>: alert changes are queued for the writer as the
/// events that make them are fed; a checkpoint (engine state, next offset, recent event keys) is queued behind them,
/// so a checkpoint in the store implies its alert changes are too. A partition revoked in a rebalance is
/// checkpointed and its writes finished before the group may hand it on; a lost one is dropped without writing, and
/// its new owner feeds again from the last checkpoint, making the same alert changes (same ids, newer versions).
/// Committed offsets only show progress (lag); detection resumes from the checkpoints.
/// </remarks>
public sealed class PartitionedDetector : IDisposable
{
    private const int PollMs = 250;

    private readonly ILogStore _store;
    private readonly Func<DetectionEngine> _engines;
    private readonly KafkaSourceOptions _kafka;
    private readonly RepublishOptions _topics;
    private readonly LiveOptions _options;
    private readonly long _latenessMs;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TuningOptions _tuning;
    private readonly Dictionary<TopicPartition, PartitionEngine> _owned = [];
    private readonly List<(DetectedAlert Alert, long ConsumedAt)> _changes = [];
    private readonly List<DetectedAlert> _drained = [];
    private LiveWriter? _writer;
    private IConsumer<Ignore, byte[]>? _consumer;
    private ulong _version;
    private long _lastCheckpointAt;
    private long _lastPollWorkAt;
    private long _fedBefore;
    private long _lateBefore;
    private long _duplicatesBefore;
    private bool _abandoned;
    private int _started;
    private int _settled;
    private int _caughtUp;
    private IReadOnlyDictionary<TopicPartition, long> _positions = new Dictionary<TopicPartition, long>();

    /// <param name="store">Where alerts and partition checkpoints go.</param>
    /// <param name="engines">Makes a fresh engine (reference data, models, feedback) for each partition assigned.</param>
    /// <param name="kafka">Brokers, security and session timeout (<c>Ingest:Kafka</c>; its topics and group are not used).</param>
    /// <param name="topics">The internal topics (<c>Ingest:Republish</c>).</param>
    /// <param name="options">Group, idle timeout and checkpoint interval (<c>Live</c>).</param>
    /// <param name="allowedLateness">The engine's allowed lateness: an idle partition's watermark moves to now minus it.</param>
    /// <param name="retry">Retries store failures.</param>
    /// <param name="logger">Where the member logs.</param>
    /// <param name="time">Wall clock for idle timeout, checkpoints and latency; never for event time.</param>
    /// <param name="tuning">How often each partition engine looks for a newer tuning version (defaults when null).</param>
    public PartitionedDetector(
        ILogStore store, Func<DetectionEngine> engines, KafkaSourceOptions kafka, RepublishOptions topics, LiveOptions options,
        TimeSpan allowedLateness, ResiliencePipeline retry, ILogger logger, TimeProvider time, TuningOptions? tuning = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _engines = engines ?? throw new ArgumentNullException(nameof(engines));
        _kafka = kafka ?? throw new ArgumentNullException(nameof(kafka));
        _topics = topics ?? throw new ArgumentNullException(nameof(topics));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        topics.Validate();
        _latenessMs = (long)allowedLateness.TotalMilliseconds;
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _tuning = tuning ?? new TuningOptions();
    }

    /// <summary>Totals of this member (events fed, late, slowest watermark, alert changes, checkpoints, latency).</summary>
    public LiveStats Stats { get; } = new();

    /// <summary>Partitions this member owns now.</summary>
    public int AssignedPartitions { get; private set; }

    /// <summary>Events skipped as republished duplicates by this member.</summary>
    public long Duplicates { get; private set; }

    /// <summary>
    /// Owned partitions read to their end with every event fed, and whose windows the idle rule has closed (or that
    /// hold no events): as of the last turn of the loop; 0 while a rebalance changes the assignment.
    /// </summary>
    public int SettledPartitions => Volatile.Read(ref _settled);

    /// <summary>Owned partitions read to their end with every event fed, as of the last turn of the loop.</summary>
    public int CaughtUpPartitions => Volatile.Read(ref _caughtUp);

    /// <summary>The next offset to feed of each owned partition, as of the last turn of the loop (empty while a rebalance changes the assignment).</summary>
    public IReadOnlyDictionary<TopicPartition, long> Positions => Volatile.Read(ref _positions);

    /// <summary>Partitions restored from a checkpoint since start.</summary>
    public int Restored { get; private set; }

    /// <summary>The topics read, by-account first.</summary>
    public IReadOnlyList<string> Topics => _topics.Topics;

    /// <summary>Consumes and detects until <paramref name="cancellationToken"/> is cancelled, then checkpoints every partition, commits and leaves the group.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, CancellationToken.None);

    /// <summary>As <see cref="RunAsync(CancellationToken)"/>; cancelling <paramref name="abandon"/> stops it as if the process died (tests).</summary>
    internal Task RunAsync(CancellationToken cancellationToken, CancellationToken abandon)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A partitioned detector runs once; create another to run again.");
        }

        return Task.Factory.StartNew(() => Run(cancellationToken, abandon), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Dispose()
    {
        _writer?.Dispose();
    }

    private void Run(CancellationToken stop, CancellationToken abandon)
    {
        using var writer = new LiveWriter(_store, _retry, Stats, _time, "detect/unused");
        _writer = writer;
        // The ingest worker's consumer (offsets stored only when checkpointed, cooperative rebalances, fetch sizes,
        // security), in the detect group, reading a partition without a checkpoint from its beginning.
        var config = KafkaConsumerConfigFactory.Create(_kafka);
        config.GroupId = _options.DetectGroupId;
        config.ClientId = "logsentinel-detect";
        config.AutoOffsetReset = AutoOffsetReset.Earliest;
        // The idle rule needs to know when a partition has nothing more to give.
        config.EnablePartitionEof = true;

        using var consumer = new ConsumerBuilder<Ignore, byte[]>(config)
            .SetErrorHandler((_, error) => PartitionedLog.KafkaError(_logger, error.Code, error.Reason))
            .SetLogHandler((_, message) => PartitionedLog.Librdkafka(_logger, message.Facility, message.Message))
            .SetPartitionsAssignedHandler(OnAssigned)
            .SetPartitionsRevokedHandler(OnRevoked)
            .SetPartitionsLostHandler(OnLost)
            .Build();
        _consumer = consumer;
        _lastCheckpointAt = _lastPollWorkAt = _time.GetTimestamp();
        PartitionedLog.Starting(_logger, _options.DetectGroupId, _topics.Topics, _kafka.BootstrapServers!);
        try
        {
            consumer.Subscribe(_topics.Topics);
            while (!stop.IsCancellationRequested && !abandon.IsCancellationRequested)
            {
                writer.ThrowIfFailed();
                ConsumeResult<Ignore, byte[]>? result;
                try
                {
                    result = consumer.Consume(TimeSpan.FromMilliseconds(PollMs));
                }
                catch (ConsumeException ex) when (!ex.Error.IsFatal)
                {
                    PartitionedLog.KafkaError(_logger, ex.Error.Code, ex.Error.Reason);
                    continue;
                }

                if (result is not null)
                {
                    Take(result);
                }

                OnPoll();
            }

            if (abandon.IsCancellationRequested)
            {
                // As a killed process: nothing more is written, the group notices after the session timeout.
                _abandoned = true;
                writer.AbandonAsync().GetAwaiter().GetResult();
                return;
            }

            foreach (var partition in _owned.Values)
            {
                Checkpoint(partition);
            }

            using var grace = new CancellationTokenSource(_kafka.ShutdownGraceMs);
            writer.CompleteAsync(grace.Token).GetAwaiter().GetResult();
            // Leaves the group so the partitions move at once; every one is checkpointed already.
            _owned.Clear();
            consumer.Close();
        }
        catch (Exception) when (!abandon.IsCancellationRequested)
        {
            _abandoned = true;
            writer.AbandonAsync().GetAwaiter().GetResult();
            throw;
        }
        finally
        {
            _abandoned = true;
            _consumer = null;
        }
    }

    private void Take(ConsumeResult<Ignore, byte[]> result)
    {
        if (!_owned.TryGetValue(result.TopicPartition, out var partition))
        {
            return;
        }

        var offset = result.Offset.Value;
        if (result.IsPartitionEOF)
        {
            partition.EndOffset = offset;
            if (partition.NextOffset < 0)
            {
                // Read from the beginning and nothing there: the position is the end.
                partition.Skip(offset - 1);
            }

            return;
        }

        if (offset >= partition.EndOffset)
        {
            partition.EndOffset = -1;
        }

        if (partition.NextOffset >= 0 && offset < partition.NextOffset)
        {
            // Fed before the checkpoint it was restored from.
            return;
        }

        var where = string.Create(CultureInfo.InvariantCulture, $"{result.Topic} [{result.Partition.Value}] @{offset}");
        partition.Feed(result.Message.Value, offset, _time.GetTimestamp(), where, _changes, _drained);
        Publish(partition);
    }

    /// <summary>About four times a second: tuning, the idle rule, checkpoints, totals.</summary>
    private void OnPoll()
    {
        var now = _time.GetTimestamp();
        if (_time.GetElapsedTime(_lastPollWorkAt, now) < TimeSpan.FromMilliseconds(PollMs))
        {
            return;
        }

        _lastPollWorkAt = now;
        foreach (var partition in _owned.Values)
        {
            RefreshTuning(partition);
            if (_options.IdleTimeout > TimeSpan.Zero && partition.CaughtUp && _time.GetElapsedTime(partition.LastConsumedAt, now) >= _options.IdleTimeout)
            {
                AdvanceIdle(partition);
            }
        }

        if (_time.GetElapsedTime(_lastCheckpointAt, now) >= _options.CheckpointInterval)
        {
            _lastCheckpointAt = now;
            foreach (var partition in _owned.Values)
            {
                if (partition.Dirty)
                {
                    Checkpoint(partition);
                }
            }
        }

        UpdateTotals();
        int settled = 0, caughtUp = 0;
        foreach (var partition in _owned.Values)
        {
            if (partition.CaughtUp)
            {
                caughtUp++;
                if (partition.IdleSinceInput || partition.Engine.WatermarkMs == long.MinValue)
                {
                    settled++;
                }
            }
        }

        Volatile.Write(ref _settled, settled);
        Volatile.Write(ref _caughtUp, caughtUp);
        Volatile.Write(ref _positions, _owned.ToDictionary(p => p.Key, p => p.Value.NextOffset));
    }

    private void RefreshTuning(PartitionEngine partition)
    {
        if (partition.Tuning is not { } tuning)
        {
            return;
        }

        var refresh = tuning.RefreshAsync(CancellationToken.None);
        _ = refresh.IsCompletedSuccessfully ? refresh.Result : refresh.AsTask().GetAwaiter().GetResult();
        Stats.TuningError = tuning.LastError;
    }

    /// <summary>The partition is read to its end and nothing came for the idle timeout: its event time is taken to have reached the wall clock.</summary>
    private void AdvanceIdle(PartitionEngine partition)
    {
        var engine = partition.Engine;
        var target = _time.GetUtcNow().ToUnixTimeMilliseconds() - _latenessMs;
        if (engine.WatermarkMs == long.MinValue || target <= engine.WatermarkMs)
        {
            return;
        }

        engine.AdvanceWatermarkTo(target);
        Stats.IdleAdvanced();
        partition.Collect(0, _changes, _drained);
        // Checkpointed when windows closed into alerts, or on the first move after input, as run does.
        partition.Dirty |= _changes.Count > 0 || !partition.IdleSinceInput;
        partition.IdleSinceInput = true;
        Publish(partition);
    }

    /// <summary>Turns the alert changes made into rows now (the engine keeps changing the alerts) and queues them.</summary>
    private void Publish(PartitionEngine partition)
    {
        if (_changes.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var seen = new HashSet<Guid>();
        var records = new List<AlertRecord>(_changes.Count);
        var history = new List<AlertHistoryEntry>(_changes.Count);
        var consumedAt = new List<long>(_changes.Count);
        foreach (var (alert, at) in _changes)
        {
            if (!seen.Add(alert.Id))
            {
                continue;
            }

            // Versions only grow, also across members and restarts, so the newest write of an alert wins.
            _version = Math.Max(_version + 1, (ulong)now.ToUnixTimeMilliseconds() * 1000);
            records.Add(AlertRecords.ToRecord(alert, _version, now));
            var raised = partition.Written.Add(alert.Id);
            history.Add(new AlertHistoryEntry(alert.Id, now.UtcDateTime, "detector", raised ? "raised" : "merged", raised ? string.Empty : AlertRecords.OpenState,
                AlertRecords.OpenState, string.Create(CultureInfo.InvariantCulture, $"occurrences={alert.Occurrences}")));
            consumedAt.Add(at);
        }

        _changes.Clear();
        Stats.AlertsChanged(records.Count);
        _writer!.WriteAlerts(records, history, consumedAt);
    }

    /// <summary>
    /// Queues what the partition's closed days left behind (feature windows, shadow scores, changed baselines) for the
    /// entities of its own key kind: those are whole here, while what it saw of other entities is a share and is
    /// dropped, as its alerts are. Without this the engine would keep them in memory for the life of the member.
    /// </summary>
    private void PublishBehaviour(PartitionEngine partition)
    {
        var scope = partition.Engine.Scope;
        var windows = new List<ModelWindowRecord>();
        var scores = new List<ModelScoreRecord>();
        partition.Engine.DrainBehaviour(windows, scores);
        windows.RemoveAll(w => !scope.Includes(w.EntityKind));
        scores.RemoveAll(s => !scope.Includes(s.EntityKind));
        var baselines = partition.Engine.DrainChangedBaselines().Where(b => scope.Includes(b.EntityKind)).ToList();
        if (windows.Count > 0 || scores.Count > 0 || baselines.Count > 0)
        {
            _writer!.WriteBehaviour(windows, scores, baselines);
        }
    }

    /// <summary>Queues the partition's checkpoint behind its alert changes, and lets its offset be committed (for lag only).</summary>
    private void Checkpoint(PartitionEngine partition)
    {
        if (partition.NextOffset < 0 || !partition.Engine.CanCheckpoint)
        {
            // Nothing read and nothing restored: there is no position to write.
            return;
        }

        partition.Collect(0, _changes, _drained);
        Publish(partition);
        PublishBehaviour(partition);
        _writer!.WriteState(partition.CheckpointKey, partition.Checkpoint().Encode());
        partition.Dirty = false;
        try
        {
            _consumer?.StoreOffset(new TopicPartitionOffset(partition.Topic, partition.Partition, partition.NextOffset));
        }
        catch (KafkaException ex)
        {
            PartitionedLog.KafkaError(_logger, ex.Error.Code, ex.Error.Reason);
        }
    }

    private IEnumerable<TopicPartitionOffset> OnAssigned(IConsumer<Ignore, byte[]> consumer, List<TopicPartition> partitions)
    {
        Volatile.Write(ref _settled, 0);
        Volatile.Write(ref _caughtUp, 0);
        Volatile.Write(ref _positions, new Dictionary<TopicPartition, long>());
        var starts = new List<TopicPartitionOffset>(partitions.Count);
        var now = _time.GetTimestamp();
        foreach (var tp in partitions)
        {
            var key = PartitionCheckpoint.Key(_options.DetectGroupId, tp.Topic, tp.Partition.Value);
            var value = _retry.ExecuteAsync(async token => await _store.State.GetAsync(key, token).ConfigureAwait(false)).AsTask().GetAwaiter().GetResult();
            var restored = string.IsNullOrEmpty(value) ? null : PartitionCheckpoint.Decode(value, key);
            var engine = _engines();
            engine.Scope = ScopeOf(tp.Topic);
            var tuning = new TuningWatcher(_store.Tuning, engine, _time, _tuning);
            var partition = new PartitionEngine(tp.Topic, tp.Partition.Value, key, engine, tuning, restored, now);
            // The tuning stored now applies from the first event fed (after the restored state).
            tuning.ApplyCurrentAsync(CancellationToken.None).GetAwaiter().GetResult();
            _owned[tp] = partition;
            if (restored is not null)
            {
                Restored++;
            }

            // No checkpoint: from the beginning of what the topic retains.
            starts.Add(new TopicPartitionOffset(tp, restored is null ? Offset.Beginning : new Offset(restored.NextOffset)));
        }

        AssignedPartitions = _owned.Count;
        PartitionedLog.Assigned(_logger, partitions);
        return starts;
    }

    private void OnRevoked(IConsumer<Ignore, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        Volatile.Write(ref _settled, 0);
        Volatile.Write(ref _caughtUp, 0);
        Volatile.Write(ref _positions, new Dictionary<TopicPartition, long>());
        if (_abandoned)
        {
            return;
        }

        foreach (var tpo in partitions)
        {
            if (_owned.Remove(tpo.TopicPartition, out var partition))
            {
                Retire(partition);
                Checkpoint(partition);
            }
        }

        // The next owner reads the checkpoint on assignment: it must be in the store before the partition moves on.
        _writer!.FlushAsync().GetAwaiter().GetResult();
        AssignedPartitions = _owned.Count;
        PartitionedLog.Revoked(_logger, partitions);
    }

    private void OnLost(IConsumer<Ignore, byte[]> consumer, List<TopicPartitionOffset> partitions)
    {
        Volatile.Write(ref _settled, 0);
        Volatile.Write(ref _caughtUp, 0);
        Volatile.Write(ref _positions, new Dictionary<TopicPartition, long>());
        foreach (var tpo in partitions)
        {
            // Another member owns it already: nothing more of it may be written; it resumes from its last checkpoint.
            if (_owned.Remove(tpo.TopicPartition, out var partition))
            {
                Retire(partition);
            }
        }

        AssignedPartitions = _owned.Count;
        PartitionedLog.Lost(_logger, partitions);
    }

    /// <summary>Keeps the totals of a partition that leaves this member.</summary>
    private void Retire(PartitionEngine partition)
    {
        _fedBefore += partition.Fed;
        _lateBefore += partition.Engine.Stats.LateEvents;
        _duplicatesBefore += partition.Duplicates;
    }

    private void UpdateTotals()
    {
        long fed = _fedBefore, late = _lateBefore, duplicates = _duplicatesBefore, watermark = long.MaxValue;
        foreach (var partition in _owned.Values)
        {
            fed += partition.Fed;
            late += partition.Engine.Stats.LateEvents;
            duplicates += partition.Duplicates;
            var w = partition.Engine.WatermarkMs;
            if (w != long.MinValue)
            {
                watermark = Math.Min(watermark, w);
            }
        }

        Duplicates = duplicates;
        Stats.Detected(fed, late, watermark == long.MaxValue ? long.MinValue : watermark, 0);
    }

    private AlertScope ScopeOf(string topic) =>
        topic == _topics.AccountTopic ? AlertScope.Account : topic == _topics.AddressTopic ? AlertScope.Ip : AlertScope.Wide;
}
