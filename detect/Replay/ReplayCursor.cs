using System.Buffers;
using LogSentinel.Detect.Engine;
using LogSentinel.Ingest.Files;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// One input file read batch by batch: lines are parsed into the cursor's own batch, handed to detection one event
/// at a time in file order, and the batch is written to the store once detection has seen all of it.
/// </summary>
internal sealed class ReplayCursor : IDisposable
{
    private const int ReadBufferBytes = 1 << 20;
    private const int DetectionBytes = 64 << 10;

    private readonly InputFile _input;
    private readonly IngestPipeline _pipeline;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
    private readonly int _batchLines;
    private LineSource _source = null!;
    private LogFormat _format;
    private int _filled;
    private int _start;
    private bool _endOfInput;
    private int _row;

    private ReplayCursor(InputFile input, IngestPipeline pipeline, int batchLines)
    {
        _input = input;
        _pipeline = pipeline;
        _batchLines = batchLines;
        Batch = new IngestBatch(batchLines);
    }

    public IngestBatch Batch { get; }

    public string Name => _input.Name;

    /// <summary>Key under which ingest records how far writes of this file have started.</summary>
    public string LedgerKey => FileIngestor.LedgerKey(_input.Name);

    /// <summary>Line number of the last line parsed.</summary>
    public long LineNumber { get; private set; }

    /// <summary>True while the batch holds an event detection has not seen.</summary>
    public bool HasEvent => _row < (_format == LogFormat.AppJson ? Batch.App.Count : Batch.Gateway.Count);

    /// <summary>True when the file is read to its end and the batch is consumed.</summary>
    public bool IsDone => _endOfInput && _start >= _filled && !HasEvent;

    /// <summary>Event time of the next event (call only when <see cref="HasEvent"/>).</summary>
    public long CurrentTimestampMs => _format == LogFormat.AppJson ? Batch.App.TimestampMs[_row] : Batch.Gateway.TimestampMs[_row];

    public static async Task<ReplayCursor> OpenAsync(string path, IngestPipeline pipeline, int batchLines, CancellationToken cancellationToken)
    {
        var cursor = new ReplayCursor(InputFile.Open(path), pipeline, batchLines);
        try
        {
            await cursor.StartAsync(cancellationToken).ConfigureAwait(false);
            return cursor;
        }
        catch
        {
            cursor.Dispose();
            throw;
        }
    }

    /// <summary>Hands the next event to <paramref name="engine"/> and moves past it.</summary>
    public void FeedNext(DetectionEngine engine)
    {
        if (_format == LogFormat.AppJson)
        {
            engine.Add(Batch.App, _row);
        }
        else
        {
            engine.Add(Batch.Gateway, _row);
        }

        _row++;
    }

    /// <summary>Parses lines into the (written and cleared) batch until it is full or the file ends.</summary>
    public async Task FillAsync(CancellationToken cancellationToken)
    {
        _row = 0;
        while (Batch.Lines < _batchLines)
        {
            var newline = _buffer.AsSpan(_start, _filled - _start).IndexOf((byte)'\n');
            if (newline < 0 && !_endOfInput)
            {
                if (!await ReadMoreAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                continue;
            }

            if (_start >= _filled)
            {
                return;
            }

            var length = newline >= 0 ? newline : _filled - _start;
            LineNumber++;
            var line = _buffer.AsSpan(_start, length);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            _pipeline.Add(line, LineOrigin.FileLine(_source, _format, LineNumber), Batch);
            _start += newline >= 0 ? length + 1 : length;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _input.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _filled = await _input.Content.ReadAtLeastAsync(_buffer.AsMemory(0, DetectionBytes), DetectionBytes, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        _endOfInput = _filled < DetectionBytes;
        _format = LogFormatDetector.Detect(_buffer.AsSpan(0, _filled));
        if (_format == LogFormat.Unknown && _filled > 0)
        {
            throw new InvalidDataException($"The format of '{_input.Name}' could not be recognised from its first lines.");
        }

        _source = new LineSource("file:" + _input.Name);
    }

    /// <summary>Keeps the incomplete last line and reads after it; false when the buffer held one over-long line.</summary>
    private async Task<bool> ReadMoreAsync(CancellationToken cancellationToken)
    {
        var rest = _filled - _start;
        if (rest == _buffer.Length)
        {
            // A line longer than the buffer: the parser rejects it as too long; skip to its end.
            LineNumber++;
            _pipeline.Add(_buffer, LineOrigin.FileLine(_source, _format, LineNumber), Batch);
            await SkipPastNewlineAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }

        _buffer.AsSpan(_start, rest).CopyTo(_buffer);
        var read = await _input.Content.ReadAsync(_buffer.AsMemory(rest), cancellationToken).ConfigureAwait(false);
        _filled = rest + read;
        _start = 0;
        _endOfInput = read == 0;
        return true;
    }

    private async Task SkipPastNewlineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await _input.Content.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _filled = _start = 0;
                _endOfInput = true;
                return;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _filled = read;
                return;
            }
        }
    }
}
