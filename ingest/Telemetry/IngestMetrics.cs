using System.Diagnostics.Metrics;

namespace LogSentinel.Ingest.Telemetry;

/// <summary>
/// The ingest meter (<c>LogSentinel.Ingest</c>): lines, events, dead letters by reason, batch sizes and store
/// write latency, and consumer lag. Exported by whatever OpenTelemetry exporter the host configures.
/// </summary>
public sealed class IngestMetrics : IDisposable
{
    public const string MeterName = "LogSentinel.Ingest";

    private readonly Meter _meter;
    private readonly Counter<long> _lines;
    private readonly Counter<long> _events;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _duplicatesDropped;
    private readonly Histogram<int> _batchSize;
    private readonly Histogram<double> _storeWriteMs;
    private readonly Counter<long> _storeWriteFailures;
    private long _lag;

    public IngestMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _lines = _meter.CreateCounter<long>("logsentinel.ingest.lines", "{line}", "Lines read from sources");
        _events = _meter.CreateCounter<long>("logsentinel.ingest.events", "{event}", "Events written to the store");
        _deadLetters = _meter.CreateCounter<long>("logsentinel.ingest.dead_letters", "{line}", "Lines set aside as dead letters, by reason");
        _duplicatesDropped = _meter.CreateCounter<long>("logsentinel.ingest.duplicates_dropped", "{event}", "Re-delivered events already in the store");
        _batchSize = _meter.CreateHistogram<int>("logsentinel.ingest.batch_size", "{line}", "Lines per batch");
        _storeWriteMs = _meter.CreateHistogram<double>("logsentinel.ingest.store_write_duration", "ms", "Time to write a batch to the store");
        _storeWriteFailures = _meter.CreateCounter<long>("logsentinel.ingest.store_write_failures", "{batch}", "Batch writes that failed and were retried");
        _meter.CreateObservableGauge("logsentinel.ingest.consumer_lag", () => Interlocked.Read(ref _lag), "{message}", "Messages behind the end of the assigned partitions");
    }

    public void Lines(int count) => _lines.Add(count);

    public void Events(int count) => _events.Add(count);

    public void DeadLetter(string reason) => _deadLetters.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void DuplicatesDropped(int count) => _duplicatesDropped.Add(count);

    public void Batch(int lines, double storeWriteMs)
    {
        _batchSize.Record(lines);
        _storeWriteMs.Record(storeWriteMs);
    }

    public void StoreWriteFailed() => _storeWriteFailures.Add(1);

    public void ConsumerLag(long messages) => Interlocked.Exchange(ref _lag, messages);

    public void Dispose() => _meter.Dispose();
}
