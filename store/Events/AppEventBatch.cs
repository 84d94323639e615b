namespace LogSentinel.Store.Events;

/// <summary>
/// A columnar batch of application events on their way to the <c>app_events</c> table.
/// Reused across batches: <see cref="Clear"/> keeps the arrays.
/// </summary>
public sealed class AppEventBatch
{
    private long[] _timestampMs;
    private ulong[] _eventKey;
    private UInt128[] _clientIp;
    private long[] _idDelta;
    private bool[] _hasIdDelta;
    private sbyte[] _defaultPassword;
    private int[] _passwordAgeDays;

    public AppEventBatch(int capacity = 8192)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _timestampMs = new long[capacity];
        _eventKey = new ulong[capacity];
        _clientIp = new UInt128[capacity];
        _idDelta = new long[capacity];
        _hasIdDelta = new bool[capacity];
        _defaultPassword = new sbyte[capacity];
        _passwordAgeDays = new int[capacity];
        Source = new Utf8Column(capacity);
        Event = new Utf8Column(capacity);
        Account = new Utf8Column(capacity);
        Agency = new Utf8Column(capacity);
        SessionId = new Utf8Column(capacity);
        RequestId = new Utf8Column(capacity);
        CitizenRef = new Utf8Column(capacity);
        CitizenProvince = new Utf8Column(capacity);
        Purpose = new Utf8Column(capacity);
        Result = new Utf8Column(capacity);
        Extra = new Utf8Column(capacity);
    }

    public int Count { get; private set; }

    public ReadOnlySpan<long> TimestampMs => _timestampMs.AsSpan(0, Count);
    public ReadOnlySpan<ulong> EventKey => _eventKey.AsSpan(0, Count);
    public ReadOnlySpan<UInt128> ClientIp => _clientIp.AsSpan(0, Count);
    public ReadOnlySpan<long> IdDelta => _idDelta.AsSpan(0, Count);
    public ReadOnlySpan<bool> HasIdDelta => _hasIdDelta.AsSpan(0, Count);
    public ReadOnlySpan<sbyte> DefaultPassword => _defaultPassword.AsSpan(0, Count);
    public ReadOnlySpan<int> PasswordAgeDays => _passwordAgeDays.AsSpan(0, Count);
    public Utf8Column Source { get; }
    public Utf8Column Event { get; }
    public Utf8Column Account { get; }
    public Utf8Column Agency { get; }
    public Utf8Column SessionId { get; }
    public Utf8Column RequestId { get; }
    public Utf8Column CitizenRef { get; }
    public Utf8Column CitizenProvince { get; }
    public Utf8Column Purpose { get; }
    public Utf8Column Result { get; }
    public Utf8Column Extra { get; }

    public void Add(scoped in AppEventFields e)
    {
        var row = Count;
        if (row == _timestampMs.Length)
        {
            Grow();
        }

        _timestampMs[row] = e.TimestampMs;
        _eventKey[row] = e.EventKey;
        _clientIp[row] = e.ClientIp;
        _idDelta[row] = e.IdDelta;
        _hasIdDelta[row] = e.HasIdDelta;
        _defaultPassword[row] = e.DefaultPassword;
        _passwordAgeDays[row] = e.PasswordAgeDays;
        Source.Set(row, e.Source);
        Event.Set(row, e.Event);
        Account.Set(row, e.Account);
        Agency.Set(row, e.Agency);
        SessionId.Set(row, e.SessionId);
        RequestId.Set(row, e.RequestId);
        CitizenRef.Set(row, e.CitizenRef);
        CitizenProvince.Set(row, e.CitizenProvince);
        Purpose.Set(row, e.Purpose);
        Result.Set(row, e.Result);
        Extra.Set(row, e.Extra);
        Count = row + 1;
    }

    public void Clear()
    {
        Count = 0;
        Source.Clear();
        Event.Clear();
        Account.Clear();
        Agency.Clear();
        SessionId.Clear();
        RequestId.Clear();
        CitizenRef.Clear();
        CitizenProvince.Clear();
        Purpose.Clear();
        Result.Clear();
        Extra.Clear();
    }

    private void Grow()
    {
        var size = _timestampMs.Length * 2;
        Array.Resize(ref _timestampMs, size);
        Array.Resize(ref _eventKey, size);
        Array.Resize(ref _clientIp, size);
        Array.Resize(ref _idDelta, size);
        Array.Resize(ref _hasIdDelta, size);
        Array.Resize(ref _defaultPassword, size);
        Array.Resize(ref _passwordAgeDays, size);
    }
}
