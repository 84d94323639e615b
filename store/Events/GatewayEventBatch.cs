namespace LogSentinel.Store.Events;

/// <summary>
/// A columnar batch of gateway events on their way to the <c>gateway_events</c> table.
/// Reused across batches: <see cref="Clear"/> keeps the arrays.
/// </summary>
public sealed class GatewayEventBatch
{
    private long[] _timestampMs;
    private ulong[] _eventKey;
    private UInt128[] _clientIp;
    private ushort[] _status;
    private float[] _latencyMs;
    private ulong[] _bytesOut;

    public GatewayEventBatch(int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _timestampMs = new long[capacity];
        _eventKey = new ulong[capacity];
        _clientIp = new UInt128[capacity];
        _status = new ushort[capacity];
        _latencyMs = new float[capacity];
        _bytesOut = new ulong[capacity];
        Source = new Utf8Column(capacity);
        Method = new Utf8Column(capacity);
        Path = new Utf8Column(capacity);
        UserAgent = new Utf8Column(capacity);
        Account = new Utf8Column(capacity);
        Agency = new Utf8Column(capacity);
        Api = new Utf8Column(capacity);
        RequestId = new Utf8Column(capacity);
        Extra = new Utf8Column(capacity);
    }

    public int Count { get; private set; }

    public ReadOnlySpan<long> TimestampMs => _timestampMs.AsSpan(0, Count);
    public ReadOnlySpan<ulong> EventKey => _eventKey.AsSpan(0, Count);
    public ReadOnlySpan<UInt128> ClientIp => _clientIp.AsSpan(0, Count);
    public ReadOnlySpan<ushort> Status => _status.AsSpan(0, Count);
    public ReadOnlySpan<float> LatencyMs => _latencyMs.AsSpan(0, Count);
    public ReadOnlySpan<ulong> BytesOut => _bytesOut.AsSpan(0, Count);
    public Utf8Column Source { get; }
    public Utf8Column Method { get; }
    public Utf8Column Path { get; }
    public Utf8Column UserAgent { get; }
    public Utf8Column Account { get; }
    public Utf8Column Agency { get; }
    public Utf8Column Api { get; }
    public Utf8Column RequestId { get; }
    public Utf8Column Extra { get; }

    public void Add(scoped in GatewayEventFields e)
    {
        var row = Count;
        if (row == _timestampMs.Length)
        {
            Grow();
        }

        _timestampMs[row] = e.TimestampMs;
        _eventKey[row] = e.EventKey;
        _clientIp[row] = e.ClientIp;
        _status[row] = e.Status;
        _latencyMs[row] = e.LatencyMs;
        _bytesOut[row] = e.BytesOut;
        Source.Set(row, e.Source);
        Method.Set(row, e.Method);
        Path.Set(row, e.Path);
        UserAgent.Set(row, e.UserAgent);
        Account.Set(row, e.Account);
        Agency.Set(row, e.Agency);
        Api.Set(row, e.Api);
        RequestId.Set(row, e.RequestId);
        Extra.Set(row, e.Extra);
        Count = row + 1;
    }

    public void Clear()
    {
        Count = 0;
        Source.Clear();
        Method.Clear();
        Path.Clear();
        UserAgent.Clear();
        Account.Clear();
        Agency.Clear();
        Api.Clear();
        RequestId.Clear();
        Extra.Clear();
    }

    private void Grow()
    {
        var size = _timestampMs.Length * 2;
        Array.Resize(ref _timestampMs, size);
        Array.Resize(ref _eventKey, size);
        Array.Resize(ref _clientIp, size);
        Array.Resize(ref _status, size);
        Array.Resize(ref _latencyMs, size);
        Array.Resize(ref _bytesOut, size);
    }
}
