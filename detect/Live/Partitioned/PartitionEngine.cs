using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Kafka.Republish;
using LogSentinel.Store.Events;

namespace LogSentinel.Detect.Live.Partitioned;

/// <summary>
/// Detection over one partition of an internal topic: its own engine, restricted to the partition's key kind, fed
/// the partition's event batches in offset order, with the event keys fed within the lateness horizon so that a
/// batch republished again after an ingest crash is not fed twice. Runs on the consumer thread only.
/// </summary>
internal sealed class PartitionEngine
{
    private const int MinPruneAt = 4096;

    private readonly GatewayEventBatch _gateway = new(1024);
    private readonly AppEventBatch _app = new(1024);
    private readonly List<bool> _order = [];
    private readonly Dictionary<ulong, long> _recent;
    private int _pruneAt = MinPruneAt;

    public PartitionEngine(string topic, int partition, string checkpointKey, DetectionEngine engine, TuningWatcher? tuning, PartitionCheckpoint? restored, long now)
    {
        Topic = topic;
        Partition = partition;
        CheckpointKey = checkpointKey;
        Engine = engine;
        Tuning = tuning;
        LastConsumedAt = now;
        if (restored is not null)
        {
            engine.RestoreState(restored.EngineState);
            NextOffset = restored.NextOffset;
            _recent = new Dictionary<ulong, long>(restored.RecentKeys);
            foreach (var id in engine.OpenAlertIds())
            {
                Written.Add(id);
            }
        }
        else
        {
            _recent = [];
        }
    }

    public string Topic { get; }

    public int Partition { get; }

    public string CheckpointKey { get; }

    public DetectionEngine Engine { get; }

    public TuningWatcher? Tuning { get; }

    /// <summary>The next offset to feed; -1 before anything is known (no checkpoint, nothing read).</summary>
    public long NextOffset { get; private set; } = -1;

    /// <summary>The offset the consumer reported as the partition's end (-1 not at the end).</summary>
    public long EndOffset { get; set; } = -1;

    /// <summary>Wall-clock timestamp of the last message consumed from this partition (or of the assignment).</summary>
    public long LastConsumedAt { get; private set; }

    /// <summary>State changed since the last checkpoint.</summary>
    public bool Dirty { get; set; }

    /// <summary>The watermark was moved by the idle rule since the last message.</summary>
    public bool IdleSinceInput { get; set; }

    /// <summary>Alerts this partition has raised (the next change of one is a merge).</summary>
    public HashSet<Guid> Written { get; } = [];

    /// <summary>Events fed by this process.</summary>
    public long Fed { get; private set; }

    /// <summary>Events skipped as republished duplicates.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Read to its end and everything read fed.</summary>
    public bool CaughtUp => EndOffset >= 0 && NextOffset >= EndOffset;

    /// <summary>
    /// Feeds one message's events in their order; the alert changes they make go to <paramref name="changes"/> with
    /// <paramref name="consumedAt"/>, the first event that made each.
    /// </summary>
    public void Feed(ReadOnlySpan<byte> message, long offset, long consumedAt, string where, List<(DetectedAlert Alert, long ConsumedAt)> changes, List<DetectedAlert> drained)
    {
        LastConsumedAt = consumedAt;
        IdleSinceInput = false;
        _gateway.Clear();
        _app.Clear();
        _order.Clear();
        EventMessageCodec.Decode(message, _gateway, _app, _order, where);
        int g = 0, a = 0;
        foreach (var isApp in _order)
        {
            var row = isApp ? a++ : g++;
            var ts = isApp ? _app.TimestampMs[row] : _gateway.TimestampMs[row];
            var key = isApp ? _app.EventKey[row] : _gateway.EventKey[row];
            if (_recent.ContainsKey(key))
            {
                Duplicates++;
                continue;
            }

            // Older than the watermark: the engine counts it late and drops it, so it need not be remembered.
            if (ts >= Engine.WatermarkMs)
            {
                _recent[key] = ts;
            }

            if (isApp)
            {
                Engine.Add(_app, row);
            }
            else
            {
                Engine.Add(_gateway, row);
            }

            Fed++;
            if (Engine.HasChangedAlerts)
            {
                Collect(consumedAt, changes, drained);
            }
        }

        NextOffset = offset + 1;
        Dirty = true;
        PruneIfDue();
    }

    /// <summary>The offset of a message this partition has not fed yet was reached (an offset skipped by the log, e.g. a transaction marker).</summary>
    public void Skip(long offset) => NextOffset = Math.Max(NextOffset, offset + 1);

    public void Collect(long consumedAt, List<(DetectedAlert Alert, long ConsumedAt)> changes, List<DetectedAlert> drained)
    {
        Engine.DrainChangedAlerts(drained);
        foreach (var alert in drained)
        {
            changes.Add((alert, consumedAt));
        }

        drained.Clear();
    }

    /// <summary>The checkpoint of the partition now; alert changes must have been drained first.</summary>
    public PartitionCheckpoint Checkpoint()
    {
        Prune();
        return new PartitionCheckpoint(NextOffset, Engine.SaveState(), new Dictionary<ulong, long>(_recent));
    }

    private void PruneIfDue()
    {
        if (_recent.Count >= _pruneAt)
        {
            Prune();
            _pruneAt = Math.Max(MinPruneAt, _recent.Count * 2);
        }
    }

    /// <summary>Forgets keys older than the watermark: a duplicate of one would be late and dropped by the engine anyway.</summary>
    private void Prune()
    {
        var watermark = Engine.WatermarkMs;
        foreach (var (key, ts) in _recent)
        {
            if (ts < watermark)
            {
                _recent.Remove(key);
            }
        }
    }
}
