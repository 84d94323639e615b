using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;
using LogSentinel.Store.State;
using Polly;

namespace LogSentinel.Ingest.Files;

/// <summary>
/// Ingests files and standard input. Lines are split in place from a large buffer (no per-line allocation), parsed
/// into one batch while the previous batch is written, so parsing and the engine's insert use both cores.
/// Each file remembers in the store how far a write has started; lines up to there may already be stored, so a
/// rerun after a crash (or of the same file) drops them instead of storing them twice.
/// </summary>
public sealed class FileIngestor(IngestPipeline pipeline, IStateStore state, IngestOptions options, ResiliencePipeline retry)
{
    private const int ReadBufferBytes = 4 << 20;
    private const int DetectionBytes = 64 << 10;

    /// <summary>Ingests every input in turn. <paramref name="format"/> null: detect each file's format from its first lines.</summary>
    public async Task<FileIngestSummary> IngestAsync(
        IReadOnlyList<string> inputs, LogFormat? format, IProgress<FileIngestProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var started = TimeProvider.System.GetTimestamp();
        var totals = new Totals();
        foreach (var path in inputs)
        {
            using var input = InputFile.Open(path);
            await IngestOneAsync(input, format, progress, totals, cancellationToken).ConfigureAwait(false);
        }

        return new FileIngestSummary(inputs.Count, totals.Lines, totals.Events, totals.DeadLetters, totals.Duplicates, TimeProvider.System.GetElapsedTime(started));
    }

    private async Task IngestOneAsync(InputFile input, LogFormat? configured, IProgress<FileIngestProgress>? progress, Totals totals, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
        var batches = new[] { new IngestBatch(options.BatchMaxLines), new IngestBatch(options.BatchMaxLines) };
        var current = 0;
        Task? pendingWrite = null;
        var ledgerKey = LedgerKey(input.Name);
        var startedUpTo = input.Name == "stdin" ? 0L : await ReadLedgerAsync(ledgerKey, cancellationToken).ConfigureAwait(false);
        try
        {
            var filled = await input.Content.ReadAtLeastAsync(buffer.AsMemory(0, DetectionBytes), DetectionBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var format = configured ?? LogFormatDetector.Detect(buffer.AsSpan(0, filled));
            if (format == LogFormat.Unknown)
            {
                throw new InvalidDataException(
                    $"The format of '{input.Name}' could not be recognised from its first lines; pass --format gateway-json, gateway-combined or app-json.");
            }

            var source = new LineSource(input.Name == "stdin" ? "stdin" : "file:" + input.Name);
            long lineNumber = 0;
            var start = 0;
            var endOfInput = filled == 0;
            while (true)
            {
                // Parse every complete line in the buffer; positions are indexes because the loop awaits.
                while (start < filled)
                {
                    var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (newline < 0 && !endOfInput)
                    {
                        break;
                    }

                    var length = newline >= 0 ? newline : filled - start;
                    lineNumber++;
                    var batch = batches[current];
                    pipeline.Add(buffer.AsSpan(start, length), LineOrigin.FileLine(source, format, lineNumber), batch);
                    start += newline >= 0 ? length + 1 : length;
                    if (batch.Lines >= options.BatchMaxLines)
                    {
                        pendingWrite = await StartWriteAsync(pendingWrite, batch, ledgerKey, lineNumber, startedUpTo, totals, cancellationToken).ConfigureAwait(false);
                        current ^= 1;
                        progress?.Report(new FileIngestProgress(input.Name, input.Position, input.Size, totals.Lines, totals.DeadLetters));
                    }
                }

                if (endOfInput)
                {
                    break;
                }

                // Keep the incomplete last line and read more after it.
                var rest = filled - start;
                if (rest == buffer.Length)
                {
                    // A line longer than the whole buffer: let the parser reject it as too long, then skip to its end.
                    lineNumber++;
                    pipeline.Add(buffer, LineOrigin.FileLine(source, format, lineNumber), batches[current]);
                    filled = await SkipPastNewlineAsync(input.Content, buffer, cancellationToken).ConfigureAwait(false);
                    start = 0;
                    endOfInput = filled == 0;
                    continue;
                }

                buffer.AsSpan(start, rest).CopyTo(buffer);
                var read = await input.Content.ReadAsync(buffer.AsMemory(rest), cancellationToken).ConfigureAwait(false);
                filled = rest + read;
                start = 0;
                endOfInput = read == 0;
            }

            if (batches[current].Lines > 0)
            {
                pendingWrite = await StartWriteAsync(pendingWrite, batches[current], ledgerKey, lineNumber, startedUpTo, totals, cancellationToken).ConfigureAwait(false);
            }

            if (pendingWrite is not null)
            {
                await pendingWrite.ConfigureAwait(false);
            }

            progress?.Report(new FileIngestProgress(input.Name, input.Size, input.Size, totals.Lines, totals.DeadLetters));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Waits for the previous write, records how far writes have started, and starts writing <paramref name="batch"/> in the background.</summary>
    private async Task<Task> StartWriteAsync(Task? previous, IngestBatch batch, string ledgerKey, long lastLine, long startedUpTo, Totals totals, CancellationToken cancellationToken)
    {
        if (previous is not null)
        {
            await previous.ConfigureAwait(false);
        }

        var firstLine = lastLine - batch.Lines + 1;
        var mayAlreadyBeStored = firstLine <= startedUpTo;
        if (ledgerKey.Length > 0 && lastLine > startedUpTo)
        {
            await state.SetAsync(new Dictionary<string, string> { [ledgerKey] = lastLine.ToString(CultureInfo.InvariantCulture) }, cancellationToken).ConfigureAwait(false);
        }

        return Task.Run(
            async () =>
            {
                var result = await pipeline.WriteAsync(batch, mayAlreadyBeStored, retry, cancellationToken).ConfigureAwait(false);
                totals.Add(result);
            },
            cancellationToken);
    }


    private async Task<long> ReadLedgerAsync(string key, CancellationToken cancellationToken)
    {
        var value = await state.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 0;
    }

    private static async Task<int> SkipPastNewlineAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return 0;
            }

            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var rest = read - newline - 1;
                buffer.AsSpan(newline + 1, rest).CopyTo(buffer);
                return rest;
            }
        }
    }

    /// <summary>The ledger key of a file: its full path, hashed to keep keys short.</summary>
    internal static string LedgerKey(string name) =>
        name == "stdin" ? string.Empty : "ingest/file/" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..32];

    private sealed class Totals
    {
        private long _lines;
        private long _events;
        private long _deadLetters;
        private long _duplicates;

        public long Lines => Interlocked.Read(ref _lines);

        public long Events => Interlocked.Read(ref _events);

        public long DeadLetters => Interlocked.Read(ref _deadLetters);

        public long Duplicates => Interlocked.Read(ref _duplicates);

        public void Add(IngestBatchResult result)
        {
            Interlocked.Add(ref _lines, result.Lines);
            Interlocked.Add(ref _events, result.Events);
            Interlocked.Add(ref _deadLetters, result.DeadLetters);
            Interlocked.Add(ref _duplicates, result.DuplicatesDropped);
        }
    }
}
