using System.Diagnostics;
using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Models;
using Polly;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// Replays log files through ingest and detection in event-time order. Three things run at once: a background
/// task parses each file ahead into a small pool of batches; detection merges the files' current batches by
/// timestamp (ties go to the file listed first) and feeds the engine one event at a time; a background writer
/// stores each batch once detection has seen all of it, then the alerts and checkpoints, in queue order.
/// </summary>
/// <remarks>
/// <para>
/// Checkpoints (<see cref="ReplayCheckpoint"/>) are taken on the detection side at a batch boundary of event
/// time (<see cref="ReplayOptions.CheckpointInterval"/>) and at the end. A checkpoint says, for every file, the last
/// line of the last batch detection consumed entirely (so queued for the store) and the line of the last event it
/// consumed beyond that, together with the engine's whole state at that instant. It is queued behind every batch detection has
/// finished and every alert change it has made, so when the checkpoint is in the store those are too; the batch
/// detection was in the middle of is not yet written, and its lines are after the checkpoint's position.
/// </para>
/// <para>
/// A restarted replay restores the engine from the checkpoint, skips the lines the checkpoint covers without
/// parsing them (they are stored), parses and stores the lines after them but feeds detection only the events of
/// lines after the last one it had consumed (batches may be cut differently from the first run), and goes on. Lines past
/// the checkpoint that a crashed run had already written are dropped by the store's de-duplication (the ingest
/// ledger marks them); alert changes it had written after the checkpoint are made again with the same ids and
/// contents and replace the earlier rows. Detection therefore sees every event exactly once across the runs.
/// </para>
/// <para>
/// The last checkpoint is taken after the last event and before the end of the data closes every window. A rerun of
/// the same files feeds nothing and closes the same windows again, writing the same alerts; lines appended to the
/// files since, or further files, continue detection with the windows still open.
/// </para>
/// </remarks>
public sealed class ReplayRunner(
    ILogStore store, IngestPipeline pipeline, DetectionEngine engine, ResiliencePipeline retry, TimeProvider time, ReplayOptions? options = null)
{
    private readonly ReplayOptions _options = options ?? new ReplayOptions();
    private readonly List<DetectedAlert> _changed = [];
    private readonly HashSet<Guid> _written = [];
    private List<AlertRecord> _records = [];
    private List<AlertHistoryEntry> _history = [];
    private ulong _version;
    private long _checkpointTicks;
    private long _behaviourTicks;

    /// <summary>Stops the replay (as if the process died) after this many batches were handed to the store; for tests.</summary>
    internal int? FailAfterBatches { get; set; }

    /// <summary>Replays <paramref name="files"/> to their end and completes detection.</summary>
    public async Task<ReplaySummary> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        _options.Validate();
        var started = time.GetTimestamp();
        // Standard input cannot be resumed at a line: no checkpoints when it is one of the inputs.
        var checkpoints = _options.CheckpointInterval > TimeSpan.Zero && engine.CanCheckpoint && !files.Contains("-");
        var restored = checkpoints ? await ReplayCheckpoint.LoadAsync(store.State, cancellationToken).ConfigureAwait(false) : null;

        // The tuning current now applies to the whole replay (no refresh mid-run), so a replay stays deterministic.
        await new TuningWatcher(store.Tuning, engine, time, new TuningOptions()).ApplyCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (restored is not null)
        {
            engine.RestoreState(restored.EngineState);
            foreach (var id in engine.OpenAlertIds())
            {
                _written.Add(id);
            }
        }

        using var parseLock = new SemaphoreSlim(1, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var cursors = new List<ReplayCursor>(files.Count);
        var ledgers = new List<ReplayWriter.FileLedger>(files.Count);
        var writer = new ReplayWriter(store, pipeline, retry, stop.Token);
        long waitTicks = 0;
        var detectStarted = 0L;
        var writerDone = false;
        var storeWait = TimeSpan.Zero;
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var key = Ingest.Files.FileIngestor.LedgerKey(Path.GetFullPath(files[i]));
                var position = restored?.Find(key);
                var cursor = await ReplayCursor.OpenAsync(files[i], pipeline, parseLock, _options.BatchLines, position?.ConsumedThroughLine ?? 0, stop.Token)
                    .ConfigureAwait(false);
                cursor.DetectedThroughLine = position?.DetectedThroughLine ?? 0;
                cursors.Add(cursor);
                var ledgerValue = await store.State.GetAsync(cursor.LedgerKey, cancellationToken).ConfigureAwait(false);
                ledgers.Add(new ReplayWriter.FileLedger(long.TryParse(ledgerValue, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0));
                await cursor.MoveNextAsync(stop.Token).ConfigureAwait(false);
            }

            detectStarted = Stopwatch.GetTimestamp();
            var interval = (long)_options.CheckpointInterval.TotalMilliseconds;
            var nextCheckpoint = long.MinValue;
            var batches = 0;
            while (true)
            {
                // Batches seen entirely by detection (or holding only dead letters) go to the store; the next ones come in.
                var moved = false;
                for (var i = 0; i < cursors.Count; i++)
                {
                    var c = cursors[i];
                    if (c.Current is null || c.Row < c.Timestamps.Length)
                    {
                        continue;
                    }

                    writer.WriteBatch(c, c.Current, ledgers[i]);
                    batches++;
                    QueueAlerts(writer, force: false);
                    var waitStarted = Stopwatch.GetTimestamp();
                    await c.MoveNextAsync(stop.Token).ConfigureAwait(false);
                    waitTicks += Stopwatch.GetTimestamp() - waitStarted;
                    moved = true;
                    if (checkpoints && engine.WatermarkMs >= nextCheckpoint)
                    {
                        if (nextCheckpoint != long.MinValue)
                        {
                            Checkpoint(writer, cursors);
                        }

                        nextCheckpoint = engine.WatermarkMs == long.MinValue ? long.MinValue : ((engine.WatermarkMs / interval) + 1) * interval;
                    }

                    if (FailAfterBatches is { } limit && batches >= limit)
                    {
                        // Let what is queued reach the store, as a process stopped between two batches would.
                        await writer.CompleteAsync().ConfigureAwait(false);
                        writerDone = true;
                        throw new OperationCanceledException("Replay stopped after " + limit.ToString(CultureInfo.InvariantCulture) + " batches.");
                    }
                }

                // The file whose next event is oldest goes first; ties go to the file listed first, so the order is fixed.
                // It keeps going while its events stay ahead of every other file's next event.
                if (!EventTimeMerge.TryPickOldest(cursors, force: true, out var oldest, out var next, out var bound, out var boundIndex))
                {
                    if (!moved)
                    {
                        break;
                    }

                    continue;
                }

                var timestamps = oldest.Timestamps;
                var row = oldest.Row;
                do
                {
                    oldest.Feed(engine, row);
                    row++;
                }
                while (row < timestamps.Length && (timestamps[row] < bound || (timestamps[row] == bound && next < boundIndex)));

                oldest.Row = row;
            }

            if (checkpoints)
            {
                // Taken before the end-of-data closing, so that lines appended later (or further files) continue
                // detection with every window still open; the closing's alerts are recomputed identically on a rerun.
                Checkpoint(writer, cursors);
            }

            engine.Complete();
            QueueAlerts(writer, force: true);
            QueueBehaviour(writer, baselines: true);

            var detectEnded = Stopwatch.GetTimestamp();
            await writer.CompleteAsync().ConfigureAwait(false);
            writerDone = true;
            storeWait = Stopwatch.GetElapsedTime(detectEnded);
            var detect = Stopwatch.GetElapsedTime(detectStarted, detectEnded) - Stopwatch.GetElapsedTime(0, waitTicks) - Stopwatch.GetElapsedTime(0, _checkpointTicks) - Stopwatch.GetElapsedTime(0, _behaviourTicks);
            var parse = TimeSpan.Zero;
            foreach (var c in cursors)
            {
                parse += c.ParseTime;
            }

            var stats = engine.Stats;
            var breakdown = new ReplayBreakdown(parse, detect, Stopwatch.GetElapsedTime(0, waitTicks), writer.BatchTime, writer.AlertTime,
                Stopwatch.GetElapsedTime(0, _checkpointTicks) + writer.StateTime, storeWait, Stopwatch.GetElapsedTime(0, _behaviourTicks), writer.BehaviourTime);
            return new ReplaySummary(files.Count, writer.Lines, stats.Events, writer.Stored, writer.DeadLetters, stats.LateEvents, stats.AlertsByType,
                time.GetElapsedTime(started), breakdown, restored is not null)
            {
                TuningVersion = stats.TuningVersion,
                SuppressedByType = stats.SuppressedByType,
                AllowListedByType = stats.AllowListedByType,
            };
        }
        finally
        {
            if (!writerDone)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await writer.AbandonAsync().ConfigureAwait(false);
            }

            await stop.CancelAsync().ConfigureAwait(false);
            foreach (var c in cursors)
            {
                await c.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private void Checkpoint(ReplayWriter writer, List<ReplayCursor> cursors)
    {
        QueueAlerts(writer, force: true);
        QueueBehaviour(writer, baselines: false);
        var started = Stopwatch.GetTimestamp();
        var positions = new List<ReplayCheckpoint.FilePosition>(cursors.Count);
        foreach (var c in cursors)
        {
            positions.Add(new ReplayCheckpoint.FilePosition(c.LedgerKey, c.ConsumedThroughLine, c.LastDetectedLine));
        }

        var checkpoint = new ReplayCheckpoint(positions, engine.SaveState());
        writer.WriteCheckpoint(checkpoint);
        _checkpointTicks += Stopwatch.GetTimestamp() - started;
    }

    /// <summary>
    /// Queues the feature windows and shadow scores of the days closed since the last call, and with
    /// <paramref name="baselines"/> the baselines that changed. Only the newest baseline of an entity is kept, so a
    /// replay writes them once at its end instead of a profile per entity and day at every checkpoint (most of
    /// what a month's replay spent on them); the engine's checkpoint remembers which changed.
    /// </summary>
    private void QueueBehaviour(ReplayWriter writer, bool baselines)
    {
        var started = Stopwatch.GetTimestamp();
        var windows = new List<ModelWindowRecord>();
        var scores = new List<ModelScoreRecord>();
        engine.DrainBehaviour(windows, scores);
        var changed = baselines ? engine.DrainChangedBaselines() : [];
        if (windows.Count > 0 || scores.Count > 0 || changed.Count > 0)
        {
            writer.WriteBehaviour(windows, scores, changed);
        }

        _behaviourTicks += Stopwatch.GetTimestamp() - started;
    }

    /// <summary>Turns the alerts changed since the last call into rows now (the engine keeps changing them) and queues them in batches.</summary>
    private void QueueAlerts(ReplayWriter writer, bool force)
    {
        engine.DrainChangedAlerts(_changed);
        if (_changed.Count > 0)
        {
            var now = time.GetUtcNow();
            foreach (var alert in _changed)
            {
                // Versions only grow, also across runs, so the newest write of an alert always wins.
                _version = Math.Max(_version + 1, (ulong)now.ToUnixTimeMilliseconds() * 1000);
                _records.Add(AlertRecords.ToRecord(alert, _version, now));
                var raised = _written.Add(alert.Id);
                _history.Add(new AlertHistoryEntry(alert.Id, now.UtcDateTime, "detector", raised ? "raised" : "merged", raised ? string.Empty : AlertRecords.OpenState,
                    AlertRecords.OpenState, string.Create(CultureInfo.InvariantCulture, $"occurrences={alert.Occurrences}")));
            }

            _changed.Clear();
        }

        if (_records.Count > 0 && (force || _records.Count >= _options.AlertBatch))
        {
            writer.WriteAlerts(_records, _history);
            _records = [];
            _history = [];
        }
    }
}
