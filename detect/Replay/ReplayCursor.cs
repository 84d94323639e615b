using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using LogSentinel.Detect.Engine;
using LogSentinel.Ingest.Files;
using LogSentinel.Ingest.Kafka;
using LogSentinel.Ingest.Parsing;
using LogSentinel.Ingest.Pipeline;

namespace LogSentinel.Detect.Replay;

/// <summary>
/// One input file parsed ahead of detection: a background task parses lines into a small pool of batches and
/// hands full ones over in file order, while detection consumes the current batch one event at a time. A batch
/// goes back to the pool once the store has it, so parsing can run at most <see cref="PoolSize"/> batches ahead.
/// </summary>
internal sealed class ReplayCursor : IAsyncDisposable, IMergeQueue
{
    private const int ReadBufferBytes = 1 << 20;
    private const int DetectionBytes = 64 << 10;

    /// <summary>Batches per file: one being consumed, one being written, one being parsed.</summary>
    private const int PoolSize = 3;

    private readonly InputFile _input;
    private readonly IngestPipeline _pipeline;
    private readonly SemaphoreSlim _parseLock;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(ReadBufferBytes);
    private readonly int _batchLines;
    private readonly Channel<ReplayBatch> _free = Channel.CreateUnbounded<ReplayBatch>();
    private readonly Channel<ReplayBatch> _ready = Channel.CreateUnbounded<ReplayBatch>(new UnboundedChannelOptions { SingleReader = true });
    private Task _producer = Task.CompletedTask;
    private LineSource _source = null!;
    private LogFormat _format;
    private int _filled;
    private int _start;
    private bool _endOfInput;
    private long _lineNumber;
    private long _parseTicks;

    private ReplayCursor(InputFile input, IngestPipeline pipeline, SemaphoreSlim parseLock, int batchLines)
    {
        _input = input;
        _pipeline = pipeline;
        _parseLock = parseLock;
        _batchLines = batchLines;
        for (var i = 0; i < PoolSize; i++)
        {
            _free.Writer.TryWrite(new ReplayBatch(batchLines));
        }
    }

    public string Name => _input.Name;

    /// <summary>Key under which ingest records how far writes of this file have started.</summary>
    public string LedgerKey => FileIngestor.LedgerKey(_input.Name);

    /// <summary>The batch detection is consuming, or null before the first and after the last.</summary>
    public ReplayBatch? Current { get; private set; }

    /// <summary>Events of <see cref="Current"/> detection has seen.</summary>
    public int Row { get; set; }

    /// <summary>Last line of the last batch detection has seen entirely (0 before any).</summary>
    public long ConsumedThroughLine { get; private set; }

    /// <summary>Events from lines up to this one were detected by an earlier run: they are stored but not fed again.</summary>
    public long DetectedThroughLine { get; set; }

    /// <summary>Line of the last event detection has consumed (<see cref="ConsumedThroughLine"/> when none of the current batch).</summary>
    public long LastDetectedLine => Current is null || Row == 0 ? Math.Max(ConsumedThroughLine, DetectedThroughLine) : Math.Max(Current.RowLines[Row - 1], DetectedThroughLine);

    /// <summary>True once every batch of the file has been consumed.</summary>
    public bool IsDone { get; private set; }

    public bool IsApp => _format == LogFormat.AppJson;

    /// <summary>Time spent parsing (and reading) on the background task.</summary>
    public TimeSpan ParseTime => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _parseTicks));

    /// <summary>Event times of the current batch.</summary>
    public ReadOnlySpan<long> Timestamps => Current is null ? default : IsApp ? Current.Batch.App.TimestampMs : Current.Batch.Gateway.TimestampMs;

    /// <summary>No event of the current batch left for detection (its next batch is moved in before the merge picks again).</summary>
    public bool IsEmpty => Current is null || Row >= Timestamps.Length;

    /// <summary>A file holds nothing older than its current batch: the merge never waits for one.</summary>
    public bool CaughtUp => true;

    public long HeadTimestamp => Timestamps[Row];

    /// <summary>Opens <paramref name="path"/> and starts parsing after line <paramref name="skipLines"/>.</summary>
    public static async Task<ReplayCursor> OpenAsync(
        string path, IngestPipeline pipeline, SemaphoreSlim parseLock, int batchLines, long skipLines, CancellationToken cancellationToken)
    {
        var cursor = new ReplayCursor(InputFile.Open(path), pipeline, parseLock, batchLines);
        try
        {
            await cursor.StartAsync(cancellationToken).ConfigureAwait(false);
            cursor.ConsumedThroughLine = skipLines;
            cursor._producer = Task.Run(() => cursor.ProduceAsync(skipLines, cancellationToken), cancellationToken);
            return cursor;
        }
        catch
        {
            await cursor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Moves to the next parsed batch (the previous one must have been handed on); false at the end of the file.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        if (Current is not null)
        {
            ConsumedThroughLine = Current.LastLine;
        }

        Current = null;
        Row = 0;
        if (!_ready.Reader.TryRead(out var next))
        {
            if (!await _ready.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false) || !_ready.Reader.TryRead(out next))
            {
                IsDone = true;
                return false;
            }
        }

        Current = next;
        var rows = IsApp ? next.Batch.App.Count : next.Batch.Gateway.Count;
        while (Row < rows && next.RowLines[Row] <= DetectedThroughLine)
        {
            Row++;
        }

        return true;
    }

    /// <summary>Hands event <paramref name="row"/> of the current batch to <paramref name="engine"/>.</summary>
    public void Feed(DetectionEngine engine, int row)
    {
        var batch = Current!.Batch;
        if (IsApp)
        {
            engine.Add(batch.App, row);
        }
        else
        {
            engine.Add(batch.Gateway, row);
        }
    }

    /// <summary>Gives a written batch back to the pool.</summary>
    public void Recycle(ReplayBatch batch)
    {
        batch.Batch.Clear();
        _free.Writer.TryWrite(batch);
    }

    public async ValueTask DisposeAsync()
    {
        _free.Writer.TryComplete();
        try
        {
            await _producer.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
        }

        ArrayPool<byte>.Shared.Return(_buffer);
        _input.Dispose();
    }

    private async Task ProduceAsync(long skipLines, CancellationToken cancellationToken)
    {
        try
        {
            if (skipLines > 0)
            {
                await SkipLinesAsync(skipLines, cancellationToken).ConfigureAwait(false);
            }

            while (true)
            {
                var batch = await _free.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                await _parseLock.WaitAsync(cancellationToken).ConfigureAwait(false);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    batch.FirstLine = _lineNumber + 1;
                    await FillAsync(batch.Batch, batch.RowLines, cancellationToken).ConfigureAwait(false);
                    batch.LastLine = _lineNumber;
                }
                finally
                {
                    Interlocked.Add(ref _parseTicks, Stopwatch.GetTimestamp() - started);
                    _parseLock.Release();
                }

                if (batch.Batch.Lines == 0)
                {
                    break;
                }

                _ready.Writer.TryWrite(batch);
                if (_endOfInput && _start >= _filled)
                {
                    break;
                }
            }

            _ready.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _ready.Writer.TryComplete(ex);
        }
    }

    /// <summary>Parses lines into <paramref name="batch"/> until it is full or the file ends.</summary>
    private async Task FillAsync(IngestBatch batch, long[] rowLines, CancellationToken cancellationToken)
    {
        while (batch.Lines < _batchLines)
        {
            var newline = _buffer.AsSpan(_start, _filled - _start).IndexOf((byte)'\n');
            if (newline < 0 && !_endOfInput)
            {
                await ReadMoreAsync(batch, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (_start >= _filled)
            {
                return;
            }

            var length = newline >= 0 ? newline : _filled - _start;
            _lineNumber++;
            var line = _buffer.AsSpan(_start, length);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            var events = batch.Events;
            _pipeline.Add(line, LineOrigin.FileLine(_source, _format, _lineNumber), batch);
            if (batch.Events > events)
            {
                rowLines[events] = _lineNumber;
            }

            _start += newline >= 0 ? length + 1 : length;
        }
    }

    /// <summary>Reads past <paramref name="lines"/> lines without parsing them: detection and the store already have them.</summary>
    private async Task SkipLinesAsync(long lines, CancellationToken cancellationToken)
    {
        while (_lineNumber < lines)
        {
            var newline = _buffer.AsSpan(_start, _filled - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _lineNumber++;
                _start += newline + 1;
                continue;
            }

            if (_endOfInput)
            {
                // The last line has no terminator; a file shorter than the checkpoint has been replaced.
                if (_start < _filled)
                {
                    _lineNumber++;
                    _start = _filled;
                }

                if (_lineNumber < lines)
                {
                    throw new InvalidDataException($"'{_input.Name}' has fewer lines ({_lineNumber}) than the checkpoint says were replayed ({lines}); it has been replaced.");
                }

                return;
            }

            // A line longer than the buffer is dropped here whole: keep no rest.
            var rest = _filled - _start == _buffer.Length ? 0 : _filled - _start;
            _buffer.AsSpan(_filled - rest, rest).CopyTo(_buffer);
            var read = await _input.Content.ReadAsync(_buffer.AsMemory(rest), cancellationToken).ConfigureAwait(false);
            _filled = rest + read;
            _start = 0;
            _endOfInput = read == 0;
        }
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

    /// <summary>Keeps the incomplete last line and reads after it; a line longer than the buffer is rejected as too long and skipped.</summary>
    private async Task ReadMoreAsync(IngestBatch batch, CancellationToken cancellationToken)
    {
        var rest = _filled - _start;
        if (rest == _buffer.Length)
        {
            _lineNumber++;
            _pipeline.Add(_buffer, LineOrigin.FileLine(_source, _format, _lineNumber), batch);
            await SkipPastNewlineAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        _buffer.AsSpan(_start, rest).CopyTo(_buffer);
        var read = await _input.Content.ReadAsync(_buffer.AsMemory(rest), cancellationToken).ConfigureAwait(false);
        _filled = rest + read;
        _start = 0;
        _endOfInput = read == 0;
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
