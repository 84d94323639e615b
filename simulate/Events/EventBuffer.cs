using LogSentinel.Simulate.Randomness;
using LogSentinel.Simulate.World;

namespace LogSentinel.Simulate.Events;

/// <summary>
/// The events of one simulated day, appended by the generators in a fixed order and then sorted by time.
/// Reused from day to day; only grows.
/// </summary>
internal sealed class EventBuffer
{
    private SimEvent[] _events = new SimEvent[1 << 14];
    private ulong[] _order = new ulong[1 << 14];

    // Writes to events outside the day land here and are forgotten.
    private SimEvent _discard;

    public int Count { get; private set; }

    public int Day { get; private set; }

    public long DayStartMs { get; private set; }

    public long DayEndMs => DayStartMs + Rhythm.SimCalendar.MsPerDay;

    public Span<SimEvent> Events => _events.AsSpan(0, Count);

    /// <summary>Sort keys after <see cref="Sort"/>: time of day in the high bits, append index in the low 32 bits.</summary>
    public ReadOnlySpan<ulong> Order => _order.AsSpan(0, Count);

    public void Reset(int day, long dayStartMs)
    {
        Count = 0;
        Day = day;
        DayStartMs = dayStartMs;
    }

    /// <summary>
    /// Appends an event at <paramref name="timeMs"/>; events outside the day are dropped so a chunk never
    /// overlaps the next one (generators clip sessions at midnight).
    /// </summary>
    public ref SimEvent Add(long timeMs, EventKind kind, int account, uint ip, int userAgent)
    {
        if (timeMs < DayStartMs || timeMs >= DayEndMs)
        {
            _discard = default;
            return ref _discard;
        }

        if (Count == _events.Length)
        {
            Array.Resize(ref _events, _events.Length * 2);
        }

        ref var e = ref _events[Count++];
        e = default;
        e.TimeMs = timeMs;
        e.Kind = kind;
        e.Account = account;
        e.ClientIp = ip;
        e.UserAgent = (byte)userAgent;
        return ref e;
    }

    public void AddLookup(Prng rng, long timeMs, Account account, uint ip, int userAgent, ulong session, long citizenId)
    {
        ref var e = ref Add(timeMs, EventKind.Lookup, account.Index, ip, userAgent);
        e.SessionId = session;
        e.CitizenId = citizenId;
        e.Purpose = (byte)rng.Next(account.Agency.Purposes.Length);
        var r = rng.NextDouble();
        e.Result = r < 0.962 ? LookupResult.Found : r < 0.998 ? LookupResult.NotFound : LookupResult.Denied;
        e.Status = e.Result == LookupResult.Denied ? (short)403 : (short)200;
        e.LatencyMs = Latency(rng, 70);
        e.BytesOut = e.Result switch
        {
            LookupResult.Found => 1550 + rng.Next(700),
            LookupResult.NotFound => 160 + rng.Next(40),
            _ => 118,
        };
    }

    public void AddLogin(Prng rng, long timeMs, Account account, uint ip, int userAgent, ulong session, int passwordAge, bool defaultPassword)
    {
        ref var e = ref Add(timeMs, EventKind.Login, account.Index, ip, userAgent);
        e.SessionId = session;
        e.Status = 200;
        e.LatencyMs = Latency(rng, 120);
        e.BytesOut = 410 + rng.Next(60);
        e.PasswordAgeDays = (short)Math.Min(passwordAge, short.MaxValue);
        e.DefaultPassword = defaultPassword;
    }

    public void AddLoginFailed(Prng rng, long timeMs, Account account, uint ip, int userAgent)
    {
        ref var e = ref Add(timeMs, EventKind.LoginFailed, account.Index, ip, userAgent);
        e.Status = 401;
        e.LatencyMs = Latency(rng, 110);
        e.BytesOut = 96;
    }

    public void AddLogout(Prng rng, long timeMs, Account account, uint ip, int userAgent, ulong session)
    {
        ref var e = ref Add(timeMs, EventKind.Logout, account.Index, ip, userAgent);
        e.SessionId = session;
        e.Status = 200;
        e.LatencyMs = Latency(rng, 25);
        e.BytesOut = 42;
    }

    public void AddPasswordChange(Prng rng, long timeMs, Account account, uint ip, int userAgent, ulong session)
    {
        ref var e = ref Add(timeMs, EventKind.PasswordChange, account.Index, ip, userAgent);
        e.SessionId = session;
        e.Status = 200;
        e.LatencyMs = Latency(rng, 150);
        e.BytesOut = 64;
    }

    /// <summary>Sorts by time; ties keep the append order, so the result depends only on what was appended.</summary>
    public void Sort()
    {
        if (_order.Length < Count)
        {
            _order = new ulong[_events.Length];
        }

        var events = Events;
        for (var i = 0; i < events.Length; i++)
        {
            _order[i] = ((ulong)(events[i].TimeMs - DayStartMs) << 32) | (uint)i;
        }

        Array.Sort(_order, 0, Count);
    }

    private static int Latency(Prng rng, double median) => (int)Math.Clamp(rng.LogNormal(median, 0.45), 4, 4000);
}
