using System.Diagnostics;
using System.IO.Hashing;
using System.Text;
using LogSentinel.Ingest.DeadLetters;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Privacy;
using LogSentinel.Ingest.Telemetry;
using LogSentinel.Store;
using LogSentinel.Store.DeadLetters;
using LogSentinel.Store.Events;
using Polly;

namespace LogSentinel.Ingest.Pipeline;

/// <summary>
/// Turns lines into stored events: parses each line with its format's parser into the batch (a failure becomes a
/// dead letter with its reason, masked for people and sealed for re-drives), then writes the batch to the store,
/// dropping events a previous delivery already stored. One pipeline per consumer loop: it is not thread-safe.
/// </summary>
public sealed class IngestPipeline : IDisposable
{
    private readonly ILogStore _store;
    private readonly DeadLetterSealer _sealer;
    private readonly IngestMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILineParser<GatewayEventBatch> _gatewayJson;
    private readonly ILineParser<GatewayEventBatch> _gatewayCombined;
    private readonly ILineParser<AppEventBatch> _appJson;

    public IngestPipeline(ILogStore store, CitizenIdPseudonymizer pseudonymizer, DeadLetterSealer sealer, ParserOptions parserOptions, IngestMetrics metrics, TimeProvider time)
    {
        _store = store;
        _sealer = sealer;
        _metrics = metrics;
        _time = time;
        _gatewayJson = LineParsers.CreateGateway(LogFormat.GatewayJson, pseudonymizer, parserOptions);
        _gatewayCombined = LineParsers.CreateGateway(LogFormat.GatewayCombined, pseudonymizer, parserOptions);
        _appJson = LineParsers.CreateApp(pseudonymizer, parserOptions);
    }

    /// <summary>Parses one line (without its line terminator) into <paramref name="batch"/>.</summary>
    public void Add(ReadOnlySpan<byte> line, in LineOrigin origin, IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // Files written on Windows end lines with CRLF; every source splits on LF, so the CR is dropped here once.
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        batch.Lines++;
        var position = new LinePosition(origin.Source, origin.Offset);
        ParseOutcome outcome;
        switch (origin.Format)
        {
            case LogFormat.GatewayJson or LogFormat.GatewayCombined:
                var gateway = batch.Gateway;
                outcome = (origin.Format == LogFormat.GatewayJson ? _gatewayJson : _gatewayCombined).Parse(line, position, gateway);
                if (outcome.IsSuccess)
                {
                    var ts = gateway.TimestampMs[^1];
                    batch.GatewayMinTs = Math.Min(batch.GatewayMinTs, ts);
                    batch.GatewayMaxTs = Math.Max(batch.GatewayMaxTs, ts);
                }

                break;
            case LogFormat.AppJson:
                var app = batch.App;
                outcome = _appJson.Parse(line, position, app);
                if (outcome.IsSuccess)
                {
                    var ts = app.TimestampMs[^1];
                    batch.AppMinTs = Math.Min(batch.AppMinTs, ts);
                    batch.AppMaxTs = Math.Max(batch.AppMaxTs, ts);
                }

                break;
            default:
                throw new ArgumentException($"The format of {origin.Source} is not known; configure it.", nameof(origin));
        }

        if (!outcome.IsSuccess)
        {
            batch.DeadLetters.Add(ToDeadLetter(line, origin, outcome));
            _metrics.DeadLetter(outcome.Code);
        }
    }

    /// <summary>
    /// Writes the batch and clears it. When the store fails, <paramref name="retry"/> decides whether and when to
    /// try again; every attempt after the first, and the first when <paramref name="mayAlreadyBeStored"/>, drops
    /// events already stored, so a retry never doubles what a failed attempt wrote in part.
    /// </summary>
    public async Task<IngestBatchResult> WriteAsync(IngestBatch batch, bool mayAlreadyBeStored, ResiliencePipeline retry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(retry);
        var attempts = 0;
        var started = Stopwatch.GetTimestamp();
        var (written, duplicates) = await retry.ExecuteAsync(
            async token =>
            {
                var deduplicate = mayAlreadyBeStored || attempts > 0;
                attempts++;
                try
                {
                    return await WriteOnceAsync(batch, deduplicate, token).ConfigureAwait(false);
                }
                catch (StoreException)
                {
                    _metrics.StoreWriteFailed();
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);

        var result = new IngestBatchResult(batch.Lines, written, duplicates, batch.DeadLetterCount, attempts);
        _metrics.Lines(batch.Lines);
        _metrics.Events(written);
        _metrics.DuplicatesDropped(duplicates);
        _metrics.Batch(batch.Lines, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        batch.Clear();
        return result;
    }

    public void Dispose()
    {
        (_appJson as IDisposable)?.Dispose();
    }

    private async Task<(int Written, int Duplicates)> WriteOnceAsync(IngestBatch batch, bool deduplicate, CancellationToken cancellationToken)
    {
        var gateway = batch.Gateway;
        var app = batch.App;
        var duplicates = 0;
        if (deduplicate)
        {
            var storedGateway = await StoredKeysAsync(EventTable.Gateway, gateway.EventKey.ToArray(), batch.GatewayMinTs, batch.GatewayMaxTs, cancellationToken).ConfigureAwait(false);
            var storedApp = await StoredKeysAsync(EventTable.App, app.EventKey.ToArray(), batch.AppMinTs, batch.AppMaxTs, cancellationToken).ConfigureAwait(false);
            gateway = BatchFilter.Without(gateway, storedGateway);
            app = BatchFilter.Without(app, storedApp);
            duplicates = batch.Gateway.Count - gateway.Count + batch.App.Count - app.Count;
        }

        if (gateway.Count > 0)
        {
            await _store.InsertGatewayEventsAsync(gateway, cancellationToken).ConfigureAwait(false);
        }

        if (app.Count > 0)
        {
            await _store.InsertAppEventsAsync(app, cancellationToken).ConfigureAwait(false);
        }

        await _store.DeadLetters.InsertAsync(batch.DeadLetters, skipStored: deduplicate, cancellationToken).ConfigureAwait(false);
        return (gateway.Count + app.Count, duplicates);
    }

    /// <summary>Masks before cutting, so a citizen id at the cut is not left half visible.</summary>
    private static byte[] MaskedPrefix(ReadOnlySpan<byte> line)
    {
        var masked = RawLineMasker.Mask(line);
        return masked.Length <= MaxDeadLetterBytes ? masked : masked[..MaxDeadLetterBytes];
    }

    private async Task<IReadOnlySet<ulong>> StoredKeysAsync(EventTable table, ulong[] keys, long from, long to, CancellationToken cancellationToken)
    {
        if (keys.Length == 0)
        {
            return new HashSet<ulong>();
        }

        return await _store.FindStoredEventKeysAsync(table, from, to, keys, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Dead letters keep at most this much of a line (an over-long line can be megabytes).</summary>
    public const int MaxDeadLetterBytes = 64 << 10;

    private DeadLetter ToDeadLetter(ReadOnlySpan<byte> line, in LineOrigin origin, ParseOutcome outcome)
    {
        // The id is derived from the source and position, so a re-delivered line maps to the same dead letter.
        var positionText = origin.PositionText;
        Span<byte> hash = stackalloc byte[16];
        var identity = Encoding.UTF8.GetBytes(origin.Source.Name + "\n" + positionText);
        XxHash128.Hash(identity, hash);
        return new DeadLetter(
            new Guid(hash),
            _time.GetUtcNow().UtcDateTime,
            origin.Source.Name,
            LogFormats.ToName(origin.Format),
            positionText,
            outcome.Code,
            line.Length <= MaxDeadLetterBytes ? outcome.Detail : $"{outcome.Detail} (kept the first {MaxDeadLetterBytes} of {line.Length} bytes)",
            MaskedPrefix(line),
            _sealer.Seal(line[..Math.Min(line.Length, MaxDeadLetterBytes)]));
    }
}
