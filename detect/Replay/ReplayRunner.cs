using System.Globalization;
using LogSentinel.Detect.Alerts;
using LogSentinel.Detect.Engine;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using Polly;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// Replays log files through ingest and detection in event-time order: every file is parsed batch by batch and
/// the files are merged by timestamp (a k-way merge), so gateway and application events reach the engine in time
/// order however the files are split. Each batch is written to the store once detection has seen it; alerts are
/// written as they are raised or merged. The live consumer drives the same engine the same way, one event at a time.
/// </summary>
public sealed class ReplayRunner(ILogStore store, IngestPipeline pipeline, DetectionEngine engine, ResiliencePipeline retry, TimeProvider time, int batchLines = 8192)
{
    private readonly List<DetectedAlert> _changed = [];
    private readonly HashSet<Guid> _written = [];
    private ulong _version;
    private long _stored;
    private long _deadLetters;
    private long _lines;

    /// <summary>Replays <paramref name="files"/> to their end and completes detection.</summary>
    public async Task<ReplaySummary> RunAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var started = time.GetTimestamp();
        var cursors = new List<ReplayCursor>(files.Count);
        var ledger = new long[files.Count];
        var firstLine = new long[files.Count];
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                var cursor = await ReplayCursor.OpenAsync(files[i], pipeline, batchLines, cancellationToken).ConfigureAwait(false);
                cursors.Add(cursor);
                var stored = await store.State.GetAsync(cursor.LedgerKey, cancellationToken).ConfigureAwait(false);
                ledger[i] = long.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;
                firstLine[i] = 1;
                await cursor.FillAsync(cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                // The file whose next event is oldest goes first; ties go to the file listed first, so the order is fixed.
                var next = -1;
                var nextTs = long.MaxValue;
                for (var i = 0; i < cursors.Count; i++)
                {
                    if (cursors[i].HasEvent && cursors[i].CurrentTimestampMs < nextTs)
                    {
                        next = i;
                        nextTs = cursors[i].CurrentTimestampMs;
                    }
                }

                if (next >= 0)
                {
                    cursors[next].FeedNext(engine);
                    if (cursors[next].HasEvent)
                    {
                        continue;
                    }
                }

                // A batch fully seen by detection (or holding only dead letters) is written and refilled.
                var refilled = false;
                for (var i = 0; i < cursors.Count; i++)
                {
                    var c = cursors[i];
                    if (c.HasEvent || (c.Batch.Lines == 0 && c.IsDone))
                    {
                        continue;
                    }

                    await WriteAsync(c, i, ledger, firstLine, cancellationToken).ConfigureAwait(false);
                    await c.FillAsync(cancellationToken).ConfigureAwait(false);
                    refilled = true;
                }

                if (next < 0 && !refilled)
                {
                    break;
                }
            }

            engine.Complete();
            await FlushAlertsAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var c in cursors)
            {
                c.Dispose();
            }
        }

        var stats = engine.Stats;
        return new ReplaySummary(files.Count, _lines, stats.Events, _stored, _deadLetters, stats.LateEvents, stats.AlertsByType, time.GetElapsedTime(started));
    }

    private async Task WriteAsync(ReplayCursor cursor, int index, long[] ledger, long[] firstLine, CancellationToken cancellationToken)
    {
        var batch = cursor.Batch;
        var lastLine = cursor.LineNumber;
        var mayAlreadyBeStored = firstLine[index] <= ledger[index];
        if (lastLine > ledger[index])
        {
            // Recorded before writing, as ingest does: a crash after this point makes the next run drop what was stored.
            await store.State.SetAsync(new Dictionary<string, string> { [cursor.LedgerKey] = lastLine.ToString(CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false);
        }

        if (batch.Lines > 0)
        {
            var result = await pipeline.WriteAsync(batch, mayAlreadyBeStored, retry, cancellationToken).ConfigureAwait(false);
            _stored += result.Events;
            _deadLetters += result.DeadLetters;
            _lines += result.Lines;
        }

        firstLine[index] = lastLine + 1;
        await FlushAlertsAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushAlertsAsync(CancellationToken cancellationToken)
    {
        engine.DrainChangedAlerts(_changed);
        if (_changed.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var records = new List<AlertRecord>(_changed.Count);
        var history = new List<AlertHistoryEntry>(_changed.Count);
        foreach (var alert in _changed)
        {
            // Versions only grow, also across runs, so the newest write of an alert always wins.
            _version = Math.Max(_version + 1, (ulong)now.ToUnixTimeMilliseconds() * 1000);
            records.Add(AlertRecords.ToRecord(alert, _version, now));
            var raised = _written.Add(alert.Id);
            history.Add(new AlertHistoryEntry(alert.Id, now.UtcDateTime, "detector", raised ? "raised" : "merged", raised ? string.Empty : AlertRecords.OpenState,
                AlertRecords.OpenState, string.Create(CultureInfo.InvariantCulture, $"occurrences={alert.Occurrences}")));
        }

        _changed.Clear();
        await store.Alerts.UpsertAsync(records, cancellationToken).ConfigureAwait(false);
        await store.Alerts.AppendHistoryAsync(history, cancellationToken).ConfigureAwait(false);
    }
}
