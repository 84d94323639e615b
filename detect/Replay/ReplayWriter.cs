using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Models;
using Polly;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// Writes to the store in the background, strictly in the order work was queued: event batches (after the
/// file's ingest ledger), alert upserts and checkpoints. Because a checkpoint is queued after every batch and
/// alert it covers, a checkpoint in the store implies all of them are in the store too.
/// </summary>
internal sealed class ReplayWriter
{
    private readonly ILogStore _store;
    private readonly IngestPipeline _pipeline;
    private readonly ResiliencePipeline _retry;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Task _loop;
    private long _batchTicks;
    private long _alertTicks;
    private long _stateTicks;
    private long _behaviourTicks;

    public ReplayWriter(ILogStore store, IngestPipeline pipeline, ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        _store = store;
        _pipeline = pipeline;
        _retry = retry;
        _loop = Task.Run(() => RunAsync(cancellationToken), cancellationToken);
    }

    public long Stored { get; private set; }

    public long DeadLetters { get; private set; }

    public long Lines { get; private set; }

    public TimeSpan BatchTime => Stopwatch.GetElapsedTime(0, _batchTicks);

    public TimeSpan AlertTime => Stopwatch.GetElapsedTime(0, _alertTicks);

    public TimeSpan StateTime => Stopwatch.GetElapsedTime(0, _stateTicks);

    public TimeSpan BehaviourTime => Stopwatch.GetElapsedTime(0, _behaviourTicks);

    /// <summary>Queues a batch detection has seen; <paramref name="ledger"/> is the file's ingest ledger, shared with later batches of the file.</summary>
    public void WriteBatch(ReplayCursor cursor, ReplayBatch batch, FileLedger ledger) => Queue(new BatchWork(cursor, batch, ledger));

    public void WriteAlerts(List<AlertRecord> records, List<AlertHistoryEntry> history) => Queue(new AlertWork(records, history));

    /// <summary>Queues feature windows, shadow scores and baselines; rewriting them is harmless (the newest or an identical row wins).</summary>
    public void WriteBehaviour(List<ModelWindowRecord> windows, List<ModelScoreRecord> scores, IReadOnlyList<EntityBaselineRecord> baselines) =>
        Queue(new BehaviourWork(windows, scores, baselines));

    /// <summary>Queues a checkpoint; it is compressed and encoded on the thread pool meanwhile, off the detection side and the writes before it.</summary>
    public void WriteCheckpoint(ReplayCheckpoint checkpoint) => Queue(new CheckpointWork(Task.Run(checkpoint.Encode)));

    /// <summary>Waits for everything queued to be written; throws what a write threw.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Stops taking work and waits for the loop to end, without throwing: the replay is already failing.</summary>
    public async Task AbandonAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The replay's own exception is the one to report.
        }
    }

    private void Queue(Work work)
    {
        if (_loop.IsFaulted || _loop.IsCanceled)
        {
            // Surface the write failure on the detection side instead of queueing behind it.
            _loop.GetAwaiter().GetResult();
        }

        _queue.Writer.TryWrite(work);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            var started = Stopwatch.GetTimestamp();
            switch (work)
            {
                case BatchWork b:
                    await WriteBatchAsync(b, cancellationToken).ConfigureAwait(false);
                    _batchTicks += Stopwatch.GetTimestamp() - started;
                    break;
                case AlertWork a:
                    await _store.Alerts.UpsertAsync(a.Records, cancellationToken).ConfigureAwait(false);
                    await _store.Alerts.AppendHistoryAsync(a.History, cancellationToken).ConfigureAwait(false);
                    _alertTicks += Stopwatch.GetTimestamp() - started;
                    break;
                case BehaviourWork b:
                    await _store.Models.AddWindowsAsync(b.Windows, cancellationToken).ConfigureAwait(false);
                    await _store.Models.AddScoresAsync(b.Scores, cancellationToken).ConfigureAwait(false);
                    await _store.Baselines.UpsertAsync([.. b.Baselines], cancellationToken).ConfigureAwait(false);
                    _behaviourTicks += Stopwatch.GetTimestamp() - started;
                    break;
                case CheckpointWork c:
                    var values = new Dictionary<string, string> { [ReplayCheckpoint.Key] = await c.Encoded.ConfigureAwait(false) };
                    await _store.State.SetAsync(values, cancellationToken).ConfigureAwait(false);
                    _stateTicks += Stopwatch.GetTimestamp() - started;
                    break;
            }
        }
    }

    private async Task WriteBatchAsync(BatchWork work, CancellationToken cancellationToken)
    {
        var (cursor, batch, ledger) = (work.Cursor, work.Batch, work.Ledger);
        var mayAlreadyBeStored = batch.FirstLine <= ledger.StartedAtOpen;
        if (batch.LastLine > ledger.StartedUpTo)
        {
            // Recorded before writing, as ingest does: a crash after this point makes the next run drop what was stored.
            await _store.State.SetAsync(new Dictionary<string, string> { [cursor.LedgerKey] = batch.LastLine.ToString(CultureInfo.InvariantCulture) }, cancellationToken)
                .ConfigureAwait(false);
            ledger.StartedUpTo = batch.LastLine;
        }

        var result = await _pipeline.WriteAsync(batch.Batch, mayAlreadyBeStored, _retry, cancellationToken).ConfigureAwait(false);
        Stored += result.Events;
        DeadLetters += result.DeadLetters;
        Lines += result.Lines;
        cursor.Recycle(batch);
    }

    /// <summary>How far writes of one file have started: as read when the replay opened it, and now.</summary>
    internal sealed class FileLedger(long startedAtOpen)
    {
        public long StartedAtOpen { get; } = startedAtOpen;

        public long StartedUpTo { get; set; } = startedAtOpen;
    }

    private abstract record Work;

    private sealed record BatchWork(ReplayCursor Cursor, ReplayBatch Batch, FileLedger Ledger) : Work;

    private sealed record AlertWork(List<AlertRecord> Records, List<AlertHistoryEntry> History) : Work;

    private sealed record CheckpointWork(Task<string> Encoded) : Work;

    private sealed record BehaviourWork(List<ModelWindowRecord> Windows, List<ModelScoreRecord> Scores, IReadOnlyList<EntityBaselineRecord> Baselines) : Work;
}
