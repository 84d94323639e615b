using Confluent.Kafka;

namespace LogSentinel.Ingest.Kafka;

/// <summary>The three ways the worker ends: a graceful shutdown, a simulated crash, and a failure.</summary>
public sealed partial class KafkaIngestWorker
{
    /// <summary>Writes what is pending within the grace period, then commits and leaves the group.</summary>
    private void Shutdown()
    {
        _stopping = true;
        _writeCancellation.CancelAfter(_options.ShutdownGraceMs);
        foreach (var topic in _topics)
        {
            // Too few lines to detect a format: leave them to the next run (their offsets are not stored).
            if (topic.Format is null)
            {
                DropHeld(topic);
            }
        }

        try
        {
            FlushBlocking();
        }
        catch (OperationCanceledException) when (_writeCancellation.IsCancellationRequested)
        {
            _writesAbandoned = true;
            _pending = null;
            LogMessages.ShutdownGraceExceeded(_logger, _options.ShutdownGraceMs);
        }

        if (!_writesAbandoned && Observer is not null)
        {
            try
            {
                Observer.OnStopping(_writeCancellation.Token);
            }
            catch (OperationCanceledException) when (_writeCancellation.IsCancellationRequested)
            {
                LogMessages.ShutdownGraceExceeded(_logger, _options.ShutdownGraceMs);
            }
        }

        if (!_writesAbandoned)
        {
            // Republished events are acknowledged by now: their offsets may go with the last commit.
            StoreRepublishedOffsets();
        }

        // Commits the stored offsets and leaves the group, so the partitions move at once.
        _consumer!.Close();
        LogMessages.Stopped(_logger, Stats.LinesWritten, Stats.EventsWritten, Stats.DeadLetters, Stats.DuplicatesDropped);
    }

    /// <summary>Stops like a crash: the write under way may finish, but nothing is stored, committed or said to the group.</summary>
    private void Abandon()
    {
        _writesAbandoned = true;
        _writeCancellation.Cancel();
        if (_pending is not null)
        {
            WaitQuietly(_pending.Write, Timeout.Infinite);
            _pending = null;
        }

        LogMessages.Abandoned(_logger);
    }

    private void Fail(Exception exception)
    {
        LogMessages.Failed(_logger, exception);
        _writesAbandoned = true;
        _writeCancellation.Cancel();
        if (_pending is not null)
        {
            WaitQuietly(_pending.Write, Timeout.Infinite);
            _pending = null;
        }

        if (_fatalError is null && !_stopping)
        {
            try
            {
                // Commits only offsets of batches already stored, and lets the group move the partitions at once.
                _consumer!.Close();
            }
            catch (KafkaException)
            {
                // Leaving uncleanly: the group notices after the session timeout.
            }
        }
    }
}
