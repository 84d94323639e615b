using System.Threading.Channels;
using LogSentinel.Store;
using LogSentinel.Store.Alerts;
using LogSentinel.Store.Baselines;
using LogSentinel.Store.Models;
using Polly;

namespace LogSentinel.Detect.Live;

/// <summary>
/// Writes alert changes, the behaviour of closed days (feature windows, shadow scores, baselines) and checkpoints in the background, strictly in the order they were queued, so a checkpoint in
/// the store implies every alert change before it is too. A checkpoint also waits for the event batch it covers to be
/// stored. Alert changes queued while a write is under way go together in the next write: they reach the store one
/// write after they are made, never held for a timer.
/// </summary>
internal sealed class LiveWriter : IDisposable
{
    private readonly ILogStore _store;
    private readonly ResiliencePipeline _retry;
    private readonly LiveStats _stats;
    private readonly TimeProvider _time;
    private readonly string _checkpointKey;
    private readonly Channel<Work> _queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _cancel = new();
    private readonly Task _loop;

    public LiveWriter(ILogStore store, ResiliencePipeline retry, LiveStats stats, TimeProvider time, string checkpointKey)
    {
        _store = store;
        _retry = retry;
        _stats = stats;
        _time = time;
        _checkpointKey = checkpointKey;
        _loop = Task.Run(() => RunAsync(_cancel.Token));
    }

    /// <summary>Throws what a write threw, on the caller's (consumer) thread.</summary>
    public void ThrowIfFailed()
    {
        if (_loop.IsFaulted)
        {
            _loop.GetAwaiter().GetResult();
        }
    }

    /// <summary>Queues alert rows and their history entries.</summary>
    /// <param name="records">The rows.</param>
    /// <param name="history">What happened to each.</param>
    /// <param name="consumedAt">Per record, when its deciding event was consumed (a <see cref="TimeProvider"/> timestamp), 0 when no event decided it.</param>
    public void WriteAlerts(List<AlertRecord> records, List<AlertHistoryEntry> history, List<long> consumedAt) =>
        Queue(new AlertWork(records, history, consumedAt));

    /// <summary>Queues the feature windows, shadow scores and baselines of the days that closed.</summary>
    public void WriteBehaviour(List<ModelWindowRecord> windows, List<ModelScoreRecord> scores, IReadOnlyList<EntityBaselineRecord> baselines) =>
        Queue(new BehaviourWork(windows, scores, baselines));

    /// <summary>Queues a checkpoint, written once <paramref name="eventsStored"/> has completed (it is dropped if that write failed).</summary>
    public void WriteCheckpoint(LiveCheckpoint checkpoint, Task? eventsStored) => Queue(new CheckpointWork(checkpoint, eventsStored));

    /// <summary>Queues a value for the detector state table under <paramref name="key"/> (a partition's checkpoint), written after everything queued before it.</summary>
    public void WriteState(string key, string value) => Queue(new StateWork(key, value));

    /// <summary>Ends once everything queued so far is written (a partition handed over must have its checkpoint in the store first).</summary>
    public async Task FlushAsync()
    {
        var done = new FlushWork(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        Queue(done);
        // A writer that failed or was abandoned never reaches the marker.
        await Task.WhenAny(done.Done.Task, _loop).ConfigureAwait(false);
        ThrowIfFailed();
    }

    /// <summary>Waits for everything queued to be written, at most until <paramref name="grace"/> is cancelled.</summary>
    public async Task CompleteAsync(CancellationToken grace)
    {
        _queue.Writer.TryComplete();
        using var registration = grace.Register(_cancel.Cancel);
        await _loop.ConfigureAwait(false);
    }

    /// <summary>Stops as a killed process would: the write under way may land, nothing after it.</summary>
    public async Task AbandonAsync()
    {
        _queue.Writer.TryComplete();
        await _cancel.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Abandoned on purpose, or the run is failing already with its own exception.
        }
    }

    public void Dispose() => _cancel.Dispose();

    private void Queue(Work work)
    {
        ThrowIfFailed();
        _queue.Writer.TryWrite(work);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var work))
            {
                switch (work)
                {
                    case AlertWork a:
                        // Everything queued behind it meanwhile goes in the same write, up to the next checkpoint.
                        while (reader.TryPeek(out var next) && next is AlertWork more && reader.TryRead(out _))
                        {
                            a.Records.AddRange(more.Records);
                            a.History.AddRange(more.History);
                            a.ConsumedAt.AddRange(more.ConsumedAt);
                        }

                        await WriteAlertsAsync(a, cancellationToken).ConfigureAwait(false);
                        break;
                    case BehaviourWork b:
                        await WriteBehaviourAsync(b, cancellationToken).ConfigureAwait(false);
                        break;
                    case CheckpointWork c:
                        await WriteCheckpointAsync(c, cancellationToken).ConfigureAwait(false);
                        break;
                    case StateWork state:
                        var values = new Dictionary<string, string> { [state.Key] = state.Value };
                        await _retry.ExecuteAsync(async token => await _store.State.SetAsync(values, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                        _stats.CheckpointWritten();
                        break;
                    case FlushWork flush:
                        flush.Done.TrySetResult();
                        break;
                }
            }
        }
    }

    private async Task WriteAlertsAsync(AlertWork work, CancellationToken cancellationToken)
    {
        await _retry.ExecuteAsync(async token => await _store.Alerts.UpsertAsync(work.Records, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var written = _time.GetTimestamp();
        foreach (var consumedAt in work.ConsumedAt)
        {
            if (consumedAt != 0)
            {
                _stats.Latency.Record(_time.GetElapsedTime(consumedAt, written).TotalMilliseconds);
            }
        }

        _stats.AlertsWritten(work.Records.Count);
        await _retry.ExecuteAsync(async token => await _store.Alerts.AppendHistoryAsync(work.History, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteBehaviourAsync(BehaviourWork work, CancellationToken cancellationToken)
    {
        await _retry.ExecuteAsync(async token => await _store.Models.AddWindowsAsync(work.Windows, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await _retry.ExecuteAsync(async token => await _store.Models.AddScoresAsync(work.Scores, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await _retry.ExecuteAsync(async token => await _store.Baselines.UpsertAsync([.. work.Baselines], token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteCheckpointAsync(CheckpointWork work, CancellationToken cancellationToken)
    {
        if (work.EventsStored is { } stored)
        {
            try
            {
                await stored.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The batch it covers is not known to be stored: this checkpoint must not be written (the worker reports the failure).
                return;
            }
        }

        var values = new Dictionary<string, string> { [_checkpointKey] = work.Checkpoint.Encode() };
        await _retry.ExecuteAsync(async token => await _store.State.SetAsync(values, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        _stats.CheckpointWritten();
    }

    private abstract record Work;

    private sealed record AlertWork(List<AlertRecord> Records, List<AlertHistoryEntry> History, List<long> ConsumedAt) : Work;

    private sealed record CheckpointWork(LiveCheckpoint Checkpoint, Task? EventsStored) : Work;

    private sealed record BehaviourWork(List<ModelWindowRecord> Windows, List<ModelScoreRecord> Scores, IReadOnlyList<EntityBaselineRecord> Baselines) : Work;

    private sealed record StateWork(string Key, string Value) : Work;

    private sealed record FlushWork(TaskCompletionSource Done) : Work;
}
