using System.Globalization;
using Confluent.Kafka;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Models;

namespace LogSentinel.Detect.Live;

/// <summary>
/// Live detection inside the Kafka ingest worker: takes each batch's events as the worker hands the batch to the
/// store, merges the partitions by event time, feeds the engine, writes alert changes at once and checkpoints.
/// Every method runs on the worker's consumer thread, the engine's only thread.
/// </summary>
/// <remarks>
/// <para>
/// The merge is the replay's, with partitions in place of files: each partition is a queue in offset order, and the
/// engine gets the oldest head among the assigned partitions (ties to the first topic configured, then the lower
/// partition), as long as every assigned partition has a head or has been read to its end. So a backlog is fed in
/// event-time order whatever order the consumer fetched it in, and gives the alerts a replay of the same lines gives.
/// </para>
/// <para>
/// Order of effects, and why a restart neither loses nor doubles an alert: (1) a batch's events are queued here
/// before its store write starts; (2) events are fed to the engine, and the alert changes they cause are queued for
/// the writer at once; (3) a checkpoint (engine state plus, per partition, the first message not entirely fed) is
/// queued behind those changes and written only after the event batch it covers is stored. Offsets are committed by
/// the worker as batches are stored, independently. A restarted run restores the engine and, on assignment, starts
/// each checkpointed partition at its position: events before it are stored and were fed; events after it are fed
/// again from the restored state, and the alert changes they make carry the same ids and contents as the ones the
/// stopped run may have written after the checkpoint, so the newer versions replace them.
/// </para>
/// </remarks>
internal sealed class LiveDetector : IKafkaBatchObserver
{
    private readonly DetectionEngine _engine;
    private readonly LiveWriter _writer;
    private readonly LiveOptions _options;
    private readonly LiveStats _stats;
    private readonly TuningWatcher? _tuning;
    private readonly TimeProvider _time;
    private readonly long _latenessMs;
    private readonly IReadOnlyList<string> _topics;
    private readonly Dictionary<(int Topic, int Partition), PartitionQueue> _queues = [];
    private readonly List<PartitionQueue> _assigned = [];
    private readonly Dictionary<(string Topic, int Partition), PartitionPosition> _positions = [];
    private readonly Dictionary<Guid, int> _pendingIndex = [];
    private readonly List<DetectedAlert> _drained = [];
    private readonly List<DetectedAlert> _pending = [];
    private readonly List<long> _pendingConsumedAt = [];
    private readonly HashSet<Guid> _written = [];
    private readonly bool _checkpoints;
    private List<ModelWindowRecord> _windows = [];
    private List<ModelScoreRecord> _scores = [];
    private Task? _lastWrite;
    private ulong _version;
    private long _lastConsumedAt;
    private long _lastCheckpointAt;
    private long _lastIdleCheckAt;
    private bool _dirty;
    private long _fed;
    private bool _idleSinceInput;

    public LiveDetector(
        DetectionEngine engine, LiveWriter writer, LiveOptions options, long allowedLatenessMs, IReadOnlyList<string> topics,
        LiveCheckpoint? restored, LiveStats stats, TimeProvider time, TuningWatcher? tuning = null)
    {
        _tuning = tuning;
        _engine = engine;
        _writer = writer;
        _options = options;
        _latenessMs = allowedLatenessMs;
        _topics = topics;
        _stats = stats;
        _time = time;
        _checkpoints = engine.CanCheckpoint;
        if (restored is not null)
        {
            foreach (var p in restored.Positions)
            {
                _positions[(p.Topic, p.Partition)] = p;
            }

            foreach (var id in engine.OpenAlertIds())
            {
                _written.Add(id);
            }
        }

        _lastConsumedAt = _lastCheckpointAt = _lastIdleCheckAt = time.GetTimestamp();
    }

    public IReadOnlyList<TopicPartitionOffset>? OnAssigned(IReadOnlyList<TopicPartition> partitions)
    {
        var starts = new List<TopicPartitionOffset>();
        foreach (var tp in partitions)
        {
            var topic = IndexOf(tp.Topic);
            if (topic < 0)
            {
                continue;
            }

            var queue = Queue(topic, tp.Partition.Value);
            if (!queue.Assigned)
            {
                queue.Assigned = true;
                _assigned.Add(queue);
            }

            if (_positions.TryGetValue((tp.Topic, tp.Partition.Value), out var position))
            {
                // Detection resumes where the checkpoint stood; what lies before it is stored and was fed.
                queue.BaseOffset = position.NextOffset;
                queue.BaseRowsFed = position.RowsFed;
                starts.Add(new TopicPartitionOffset(tp, new Offset(position.NextOffset)));
            }
        }

        // Ties in the merge go to the topic configured first, then the lower partition: a fixed order.
        _assigned.Sort((a, b) => a.Topic != b.Topic ? a.Topic.CompareTo(b.Topic) : a.Partition.CompareTo(b.Partition));
        return starts;
    }

    public void OnUnassigned(IReadOnlyList<TopicPartition> partitions)
    {
        foreach (var tp in partitions)
        {
            var topic = IndexOf(tp.Topic);
            if (topic >= 0 && _queues.Remove((topic, tp.Partition.Value), out var queue))
            {
                // The engine keeps what it was fed of this partition: if the partition comes back (a rebalance of a
                // member that timed out), reading resumes right after that, not at the last checkpoint. Events queued
                // but not fed are dropped and read again.
                if (queue.Position() is { } position)
                {
                    _positions[(queue.TopicName, queue.Partition)] = position;
                }

                queue.Clear();
                _assigned.Remove(queue);
            }
        }
    }

    public void OnConsumed(int topic, int partition, long offset)
    {
        _lastConsumedAt = _time.GetTimestamp();
        _idleSinceInput = false;
        var queue = Queue(topic, partition);
        queue.Consumed = Math.Max(queue.Consumed, offset);
        if (offset >= queue.End)
        {
            queue.End = -1;
        }

        if (queue.BaseOffset < 0)
        {
            queue.BaseOffset = offset;
        }
    }

    public void OnPartitionEnd(int topic, int partition, long offset)
    {
        var queue = Queue(topic, partition);
        if (offset > queue.Consumed)
        {
            queue.End = offset;
        }

        if (queue.BaseOffset < 0)
        {
            queue.BaseOffset = offset;
        }

        Feed();
    }

    public void OnBatch(IngestBatch batch, IReadOnlyList<MessageRows> messages)
    {
        var gateway = batch.Gateway;
        var app = batch.App;
        int gatewayRow = 0, appRow = 0;
        foreach (var m in messages)
        {
            var queue = Queue(m.Topic, m.Partition);
            var skip = 0;
            var take = m.Offset > queue.Enqueued;
            if (take && queue.BaseOffset >= 0)
            {
                if (m.Offset < queue.BaseOffset)
                {
                    take = false;
                }
                else if (m.Offset == queue.BaseOffset)
                {
                    skip = queue.BaseRowsFed;
                }
            }

            if (take)
            {
                queue.Enqueued = m.Offset;
                for (; gatewayRow < m.GatewayEnd; gatewayRow++)
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    queue.AddGateway(gateway, gatewayRow, m.Offset, m.ConsumedAt);
                }

                for (; appRow < m.AppEnd; appRow++)
                {
                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    queue.AddApp(app, appRow, m.Offset, m.ConsumedAt);
                }
            }
            else
            {
                queue.Enqueued = Math.Max(queue.Enqueued, m.Offset);
            }

            gatewayRow = m.GatewayEnd;
            appRow = m.AppEnd;
        }

        // No checkpoint here: it would cover this batch before the batch's write is known (OnBatchWriting).
        Feed();
    }

    public void OnBatchWriting(Task write) => _lastWrite = write;

    public void OnPoll()
    {
        _writer.ThrowIfFailed();
        RefreshTuning();
        var now = _time.GetTimestamp();
        if (_options.IdleTimeout > TimeSpan.Zero && _time.GetElapsedTime(_lastIdleCheckAt, now) >= TimeSpan.FromSeconds(1)
            && _time.GetElapsedTime(_lastConsumedAt, now) >= _options.IdleTimeout && AllCaughtUp())
        {
            _lastIdleCheckAt = now;
            AdvanceIdle();
        }
        else
        {
            Feed();
        }

        CheckpointIfDue();
    }

    /// <summary>
    /// The consumer thread owns the engine, so a newer tuning version is swapped in here, between two events; the
    /// watcher asks the store at most once per <c>Tuning:RefreshInterval</c> and returns at once otherwise.
    /// </summary>
    private void RefreshTuning()
    {
        if (_tuning is null)
        {
            return;
        }

        var refresh = _tuning.RefreshAsync(CancellationToken.None);
        _ = refresh.IsCompletedSuccessfully ? refresh.Result : refresh.AsTask().GetAwaiter().GetResult();
        _stats.TuningError = _tuning.LastError;
    }

    public void OnStopping(CancellationToken grace)
    {
        Feed();
        Checkpoint();
        _writer.CompleteAsync(grace).GetAwaiter().GetResult();
    }

    /// <summary>Every assigned partition is read to its end and its events are fed: the input is idle, not lagging or paused.</summary>
    private bool AllCaughtUp()
    {
        foreach (var q in _assigned)
        {
            if (!q.CaughtUp)
            {
                return false;
            }
        }

        return _assigned.Count > 0;
    }

    /// <summary>
    /// Nothing consumed for <see cref="LiveOptions.IdleTimeout"/> and every partition read to its end: event time is
    /// taken to have reached the wall clock, so the windows due by now close.
    /// </summary>
    private void AdvanceIdle()
    {
        Feed();
        var target = _time.GetUtcNow().ToUnixTimeMilliseconds() - _latenessMs;
        if (_engine.WatermarkMs == long.MinValue || target <= _engine.WatermarkMs)
        {
            return;
        }

        _engine.AdvanceWatermarkTo(target);
        _stats.IdleAdvanced();
        Collect(consumedAt: 0);
        // Checkpointed when windows closed into alerts, or on the first move after input; later moves while idle are
        // made again the same way after a restart.
        _dirty |= _pending.Count > 0 || !_idleSinceInput;
        _idleSinceInput = true;
        Publish();
    }

    /// <summary>Feeds the engine in event-time order while every assigned partition has a head or is read to its end.</summary>
    private void Feed()
    {
        var fed = false;
        while (EventTimeMerge.TryPickOldest(_assigned, force: false, out var best, out var bestIndex, out var bound, out var boundIndex))
        {
            // The oldest partition keeps going while its events stay ahead of every other head; a tie goes to the
            // partition first in the fixed order, so the order fed is the same however the queues filled.
            do
            {
                FeedHead(best);
                fed = true;
            }
            while (EventTimeMerge.KeepsLead(best, bestIndex, bound, boundIndex));
        }

        if (fed)
        {
            _dirty = true;
            Publish();
        }
    }

    private void FeedHead(PartitionQueue q)
    {
        var row = q.Head;
        var consumedAt = q.HeadConsumedAt;
        if (q.Gateway is { } gateway)
        {
            _engine.Add(gateway, row);
        }
        else
        {
            _engine.Add(q.App!, row);
        }

        q.Advance();
        _fed++;
        if (_engine.HasChangedAlerts)
        {
            Collect(consumedAt);
        }
    }

    /// <summary>Takes the engine's changed alerts; a change is timed from the first event that made it.</summary>
    private void Collect(long consumedAt)
    {
        _engine.DrainChangedAlerts(_drained);
        foreach (var alert in _drained)
        {
            if (_pendingIndex.TryAdd(alert.Id, _pending.Count))
            {
                _pending.Add(alert);
                _pendingConsumedAt.Add(consumedAt);
            }
        }

        _drained.Clear();
    }

    /// <summary>Turns the pending changes into rows now (the engine keeps changing the alerts) and queues them for the store.</summary>
    private void Publish()
    {
        var stats = _engine.Stats;
        long queued = 0;
        foreach (var q in _assigned)
        {
            queued += q.Count - q.Head;
        }

        _stats.Detected(_fed, stats.LateEvents, stats.WatermarkMs, queued);
        PublishBehaviour();
        if (_pending.Count == 0)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var records = new List<AlertRecord>(_pending.Count);
        var history = new List<AlertHistoryEntry>(_pending.Count);
        foreach (var alert in _pending)
        {
            // Versions only grow, also across runs, so the newest write of an alert always wins.
            _version = Math.Max(_version + 1, (ulong)now.ToUnixTimeMilliseconds() * 1000);
            records.Add(AlertRecords.ToRecord(alert, _version, now));
            var raised = _written.Add(alert.Id);
            history.Add(new AlertHistoryEntry(alert.Id, now.UtcDateTime, "detector", raised ? "raised" : "merged", raised ? string.Empty : AlertRecords.OpenState,
                AlertRecords.OpenState, string.Create(CultureInfo.InvariantCulture, $"occurrences={alert.Occurrences}")));
        }

        _stats.AlertsChanged(records.Count);
        _writer.WriteAlerts(records, history, [.. _pendingConsumedAt]);
        _pending.Clear();
        _pendingConsumedAt.Clear();
        _pendingIndex.Clear();
    }

    /// <summary>
    /// Queues what the days closed since the last call left behind: their feature windows and shadow scores, and the
    /// baselines of the entities that judged a day, so the store follows live detection at day close as it does a
    /// replay (and nothing piles up in memory).
    /// </summary>
    private void PublishBehaviour()
    {
        _engine.DrainBehaviour(_windows, _scores);
        var baselines = _engine.DrainChangedBaselines();
        if (_windows.Count == 0 && _scores.Count == 0 && baselines.Count == 0)
        {
            return;
        }

        _writer.WriteBehaviour(_windows, _scores, baselines);
        _windows = [];
        _scores = [];
    }

    private void CheckpointIfDue()
    {
        if (_dirty && _time.GetElapsedTime(_lastCheckpointAt) >= _options.CheckpointInterval)
        {
            Checkpoint();
        }
    }

    /// <summary>Queues a checkpoint behind the alert changes made so far, unless a partition's position is not known yet.</summary>
    private void Checkpoint()
    {
        if (!_checkpoints || !_dirty)
        {
            return;
        }

        var positions = new Dictionary<(string, int), PartitionPosition>(_positions);
        foreach (var q in _assigned)
        {
            if (q.Position() is not { } position)
            {
                // Nothing read from this partition yet: a checkpoint now could not say where to resume it.
                return;
            }

            positions[(q.TopicName, q.Partition)] = position;
        }

        Collect(consumedAt: 0);
        Publish();
        _lastCheckpointAt = _time.GetTimestamp();
        _dirty = false;
        _writer.WriteCheckpoint(new LiveCheckpoint([.. positions.Values], _engine.SaveState()), _lastWrite);
        _positions.Clear();
        foreach (var (key, position) in positions)
        {
            _positions[key] = position;
        }
    }

    private PartitionQueue Queue(int topic, int partition)
    {
        if (!_queues.TryGetValue((topic, partition), out var queue))
        {
            queue = new PartitionQueue(topic, partition, _topics[topic]);
            _queues.Add((topic, partition), queue);
            if (_positions.TryGetValue((_topics[topic], partition), out var position))
            {
                queue.BaseOffset = position.NextOffset;
                queue.BaseRowsFed = position.RowsFed;
            }
        }

        return queue;
    }

    private int IndexOf(string topic)
    {
        for (var i = 0; i < _topics.Count; i++)
        {
            if (_topics[i] == topic)
            {
                return i;
            }
        }

        return -1;
    }
}
