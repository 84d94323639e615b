using LogSentinel.Detect.Engine;
using LogSentinel.Detect.Tuning;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using Microsoft.Extensions.Logging;
using Polly;

namespace LogSentinel.Detect.Live;

/// <summary>
/// Live mode in one process (<c>logsentinel run</c>): the Kafka ingest worker consumes and stores the topics exactly as
/// <c>ingest --kafka</c> does, and every event it parses goes through <see cref="LiveDetector"/> into the same
/// <see cref="DetectionEngine"/> the replay uses, in event time. See <see cref="LiveDetector"/> for the order of
/// effects that makes a restart lose and double nothing.
/// </summary>
public sealed class LiveRunner : IDisposable
{
    private readonly ILogStore _store;
    private readonly DetectionEngine _engine;
    private readonly KafkaSourceOptions _kafka;
    private readonly LiveOptions _options;
    private readonly TimeSpan _allowedLateness;
    private readonly ResiliencePipeline _retry;
    private readonly TimeProvider _time;
    private readonly TuningOptions _tuning;
    private readonly KafkaIngestWorker _worker;
    private int _started;

    /// <param name="store">The store events, alerts and checkpoints go to.</param>
    /// <param name="pipeline">The ingest pipeline (parsers, pseudonymization) of this process.</param>
    /// <param name="engine">A fresh engine; a checkpoint of the consumer group is restored into it.</param>
    /// <param name="kafka">Brokers, group and topics, as for <c>ingest --kafka</c>.</param>
    /// <param name="ingest">Batching of store writes.</param>
    /// <param name="options">Idle timeout and checkpoint interval.</param>
    /// <param name="allowedLateness">The engine's allowed lateness (<c>Detection:AllowedLateness</c>): an idle input moves the watermark to now minus it.</param>
    /// <param name="retry">Retries store failures (without limit: the worker pauses meanwhile).</param>
    /// <param name="metrics">Ingest metrics.</param>
    /// <param name="logger">Where the worker logs.</param>
    /// <param name="time">Wall clock for batching, idle timeout, checkpoints and latency; never for event time.</param>
    /// <param name="tuning">How often the engine looks for a newer tuning version in the store (defaults when null).</param>
    public LiveRunner(
        ILogStore store, IngestPipeline pipeline, DetectionEngine engine, KafkaSourceOptions kafka, IngestOptions ingest, LiveOptions options,
        TimeSpan allowedLateness, ResiliencePipeline retry, IngestMetrics metrics, ILogger logger, TimeProvider time, TuningOptions? tuning = null)
    {
        _tuning = tuning ?? new TuningOptions();
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _store = store;
        _engine = engine;
        _kafka = kafka;
        _options = options;
        _allowedLateness = allowedLateness;
        _retry = retry ?? throw new ArgumentNullException(nameof(retry));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _worker = new KafkaIngestWorker(pipeline, store.State, kafka, ingest, retry, metrics, logger, time);
    }

    /// <summary>The ingest side's totals (messages, events stored, dead letters, lag).</summary>
    public KafkaIngestStats IngestStats => _worker.Stats;

    /// <summary>The detection side's totals (events fed, watermark, alert changes, latency).</summary>
    public LiveStats Stats { get; } = new();

    /// <summary>Whether the run started from a checkpoint of its consumer group.</summary>
    public bool Resumed { get; private set; }

    /// <summary>
    /// Consumes and detects until <paramref name="cancellationToken"/> is cancelled, then stores what is pending,
    /// writes the alert changes and a last checkpoint, commits and leaves the group.
    /// </summary>
    public Task RunAsync(CancellationToken cancellationToken) => RunAsync(cancellationToken, CancellationToken.None);

    /// <summary>As <see cref="RunAsync(CancellationToken)"/>; cancelling <paramref name="abandon"/> stops it as if the process died (tests).</summary>
    internal async Task RunAsync(CancellationToken cancellationToken, CancellationToken abandon)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A live runner runs once; create another to run again.");
        }

        var restored = _engine.CanCheckpoint
            ? await LiveCheckpoint.LoadAsync(_store.State, _kafka.GroupId, cancellationToken).ConfigureAwait(false)
            : null;
        if (restored is not null)
        {
            _engine.RestoreState(restored.EngineState);
            Resumed = true;
        }

        // The tuning stored now applies from the first event; newer versions are picked up while running.
        var tuning = new TuningWatcher(_store.Tuning, _engine, _time, _tuning);
        await tuning.ApplyCurrentAsync(cancellationToken).ConfigureAwait(false);

        using var writer = new LiveWriter(_store, _retry, Stats, _time, LiveCheckpoint.Key(_kafka.GroupId));
        try
        {
            _worker.Observer = new LiveDetector(
                _engine, writer, _options, (long)_allowedLateness.TotalMilliseconds, [.. _kafka.TopicFormats().Keys], restored, Stats, _time, tuning);
            await _worker.RunAsync(cancellationToken, abandon).ConfigureAwait(false);
        }
        finally
        {
            // After a graceful stop everything is written already; otherwise nothing more may be.
            await writer.AbandonAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Releases the worker; call after <see cref="RunAsync(CancellationToken)"/> has finished.</summary>
    public void Dispose() => _worker.Dispose();
}
