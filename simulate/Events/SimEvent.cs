using System.Runtime.InteropServices;

namespace LogSentinel.Simulate.Events;

/// <summary>
/// One simulated request, compact and string-free: names, agencies and user agents are indices into the world,
/// turned into UTF-8 only when the line is written.
/// </summary>
[StructLayout(LayoutKind.Auto)]
internal struct SimEvent
{
    /// <summary>Gateway receive time, Unix milliseconds.</summary>
    public long TimeMs;

    /// <summary>The 12-digit citizen id as a number (lookups only).</summary>
    public long CitizenId;

    /// <summary>Application session, 0 when none.</summary>
    public ulong SessionId;

    public uint ClientIp;

    /// <summary>Account index, or -1 for unauthenticated requests.</summary>
    public int Account;

    public int BytesOut;

    public int LatencyMs;

    public short Status;

    public short PasswordAgeDays;

    public EventKind Kind;

    public LookupResult Result;

    public byte UserAgent;

    /// <summary>Index into the agency's procedure codes (lookups) or the flood path table.</summary>
    public byte Purpose;

    public bool DefaultPassword;
}
